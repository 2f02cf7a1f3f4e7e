#!/usr/bin/env node
// smtp-reply on the command line:
//   smtp-reply "421 4.7.0 Try again later"   explains a reply or a log line for a person (with
//                                            the extensions of a reply to EHLO)
//   smtp-reply 421 | smtp-reply 4.7.0        explains a code
//   smtp-reply --json "<reply or log line>"  prints the classify() result as JSON
//   smtp-reply --jsonl < mail.log            one JSON result per input line (plain text, a JSON
//                                            object with `text` and optional `command`, or any
//                                            other JSON event, read whole)
//   smtp-reply --summary < mail.log          the input's replies counted by reason, with what
//                                            to do, who answered and which codes (--json: as JSON);
//                                            interrupted (Ctrl-C), the counts so far
// Exit status: 0, also when the reader closes the output early (`| head -1`); 2 for a usage error
// or bad input.

import { classify, classifyMany, explain, parseEhlo, reasons, SmtpReplyError } from '../node.mjs';

const HELP = `usage: smtp-reply [--json] [--command <cmd>] "<SMTP reply, log line or DSN field>"
       smtp-reply <code>                 explain a reply code (421) or enhanced code (4.7.0)
       smtp-reply <reason>               explain a bounce reason (mailboxfull)
       smtp-reply --jsonl [--full] [--command <cmd>] < log
                                         one JSON result per input line
       smtp-reply --summary [--json] [--command <cmd>] < log
                                         the replies counted by reason
options:
  --json             print the classify() result as JSON
  --jsonl            read standard input line by line: plain text, JSON objects
                     {"text": "...", "command": "RCPT"}, or other JSON events (a sending
                     service's webhook, read whole); write one JSON result per line
                     (without the code explanations unless --full)
  --command <cmd>    the command the reply answered (RCPT, DATA, end of data, ...); with
                     --jsonl, for each line that does not give its own "command"; with a
                     bare code, the code is classified as a reply instead of explained
  --full             with --jsonl: include explanation and enhancedExplanation
  --summary          read standard input as --jsonl does; at its end, count the replies by
                     reason, with their actions, providers and codes (with --json: as JSON)
  -h, --help         this text`;

function fail(message) {
  process.stderr.write(`smtp-reply: ${message}\n`);
  process.exit(2);
}

// The reader may close the output early (`smtp-reply --jsonl < log | head -1`): stop quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`smtp-reply: cannot write the output: ${error.message}\n`);
  process.exit(1);
});

const args = process.argv.slice(2);
const flags = new Set();
let command;
/** --jsonl: which commands that lines give `classify` takes (see `takesCommand`). */
const knownCommands = new Map();
const words = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--command') {
    command = args[++i];
    if (command === undefined) fail('--command needs a value');
  } else if (a === '--') {
    words.push(...args.slice(i + 1));
    break;
  } else if ((a.startsWith('--') && !/\s/.test(a)) || a === '-h') {
    // An option has no white space; text that starts with dashes (a bounce's
    // `----- Transcript of session follows -----`) is text.
    if (!['--json', '--jsonl', '--summary', '--full', '--help', '-h'].includes(a)) fail(`unknown option ${a}\n${HELP}`);
    flags.add(a === '-h' ? '--help' : a);
  } else {
    words.push(a);
  }
}

if (!flags.has('--help')) checkUsage();

if (flags.has('--help')) {
  process.stdout.write(`${HELP}\n`);
} else if (flags.has('--jsonl')) {
  const full = flags.has('--full');
  await readLines((lines) => write(jsonLines(lines, full)));
} else if (flags.has('--summary')) {
  const summary = newSummary();
  const print = () => process.stdout.write(flags.has('--json') ? `${JSON.stringify(summary.toJSON(), null, 2)}\n` : summary.describe());
  // Interrupted (Ctrl-C on `tail -f mail.log | smtp-reply --summary`): the counts so far.
  process.once('SIGINT', () => {
    process.stdin.destroy();
    print();
    process.exitCode = 130;
  });
  await readLines((lines) => summary.add(classifyBatch(lines)));
  print();
} else {
  let text = words.join(' ');
  if (text === '' && !process.stdin.isTTY) text = await readAll();
  if (text.trim() === '') fail(`nothing to explain\n${HELP}`);
  run(text);
}

/** Options that would be ignored, and an unknown command, are usage errors. */
function checkUsage() {
  const usage = (message) => fail(`${message}\n${HELP}`);
  if (flags.has('--summary') && (flags.has('--jsonl') || flags.has('--full'))) {
    usage('--summary prints the counts alone: not with --jsonl or --full');
  }
  if (flags.has('--summary') && words.length > 0) {
    usage(`--summary reads standard input; no text arguments (got '${words.join(' ')}')`);
  }
  if (flags.has('--full') && !flags.has('--jsonl')) {
    usage('--full is for --jsonl (--json always includes the explanations)');
  }
  if (flags.has('--jsonl') && flags.has('--json')) usage('--json and --jsonl cannot go together');
  if (flags.has('--jsonl') && words.length > 0) {
    usage(`--jsonl reads standard input; no text arguments (got '${words.join(' ')}')`);
  }
  if (command !== undefined) {
    try {
      classify('250 OK', { command });
    } catch (error) {
      if (error instanceof RangeError || error instanceof TypeError) usage(error.message.replace(/^classify: /, ''));
      throw error;
    }
  }
}

function run(text) {
  // A reason's name alone (`mailboxfull`): never a reply, so it is explained.
  const reason = reasons().find((r) => r.reason === text.trim().toLowerCase());
  if (reason && command === undefined) {
    process.stdout.write(flags.has('--json') ? `${JSON.stringify(reason, null, 2)}\n` : describeReason(reason));
    return;
  }
  try {
    if (flags.has('--json')) {
      process.stdout.write(`${JSON.stringify(classify(text, { command }), null, 2)}\n`);
    } else if (command === undefined && /^\s*(\d{3}|\d\.\d{1,3}\.\d{1,3})\s*$/.test(text)) {
      process.stdout.write(describeCode(explain(text.trim())));
    } else {
      process.stdout.write(describe(classify(text, { command })));
    }
  } catch (error) {
    if (error instanceof SmtpReplyError || error instanceof TypeError || error instanceof RangeError) fail(error.message);
    throw error;
  }
}

async function readAll() {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

// ----- for a person --------------------------------------------------------------------------

/** `text` wrapped to the terminal, its first line after `indent`, the others after `next`. */
function wrap(text, indent, next = indent) {
  const width = Math.max(40, (process.stdout.columns || 100) - indent.length);
  const out = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) out.push(line);
  return out.map((l, i) => (i === 0 ? indent : next) + l).join('\n');
}

function adviceLines(advice, whose = '') {
  if (!advice) return '';
  let s = `\nWhat to do${whose}\n${wrap(advice.summary, '  ')}\n`;
  if (advice.causes.length) s += `  Likely causes:\n${advice.causes.map((c) => wrap(c, '    - ', '      ')).join('\n')}\n`;
  if (advice.fixes.length) s += `  Fixes:\n${advice.fixes.map((c) => wrap(c, '    - ', '      ')).join('\n')}\n`;
  return s;
}

function describeReason(r) {
  const kind = r.bounce ? `${r.hard ? 'hard' : 'soft'} bounce` : 'not a bounce';
  return `${r.reason}  (${kind})\n${adviceLines(r.advice)}`;
}

function describeBasic(e) {
  let s = `${e.code}${e.title ? `  ${e.title}` : ''}\n`;
  for (const d of e.digits) s += `  ${d.digit}  ${d.name}: ${d.meaning}\n`;
  for (const d of e.definitions) {
    const where = [d.section ? `${d.rfc} §${d.section}` : d.rfc, d.extension, d.commands && `after ${d.commands}`].filter(Boolean);
    s += wrap(`${d.meaning} (${where.join('; ')})`, '     ') + '\n';
  }
  return s;
}

function describeEnhanced(e) {
  let s = `${e.code}${e.detail.title ? `  ${e.detail.title}` : ''}\n`;
  s += `  ${e.class.digit}  ${e.class.name}: ${e.class.meaning}\n`;
  s += `  ${e.subject.number}  ${e.subject.name ?? 'Unassigned subject'}${e.subject.meaning ? `: ${e.subject.meaning}` : ''}\n`;
  s += `  ${e.detail.number}  ${e.detail.description ?? 'Not in the IANA registry: the server uses its own meaning.'}\n`;
  return s;
}

function describeCode(e) {
  let s = e.kind === 'basic' ? describeBasic(e) : describeEnhanced(e);
  // An enhanced code without advice of its own gets its usual reason's or its class's.
  const whose = { reason: ` (as for its usual reason, ${e.reason})`, class: ` (as for any ${e.code?.[0]}.x.x code)` }[e.adviceFrom] ?? '';
  s += adviceLines(e.advice, whose);
  if (e.examples.length) s += `\nSeen in the wild\n${e.examples.map((x) => wrap(x, '  ')).join('\n')}\n`;
  return s;
}

/** The extensions a multi-line 250 reply to EHLO advertises, one a line (or nothing). */
function extensions(c) {
  if (c.code !== 250 || c.lines.length < 2 || (c.command && c.command !== 'EHLO' && c.command !== 'LHLO')) return '';
  const ehlo = parseEhlo(c.replyText);
  if (ehlo === null) return '';
  const named = ehlo.extensions.map((e) => [e.keyword, ...e.params].join(' '));
  const width = Math.max(...named.map((n) => n.length));
  const rows = ehlo.extensions.map((e, i) => `  ${e.rfc ? `${named[i].padEnd(width)}  (${e.rfc})` : named[i]}`);
  return `\nEHLO: ${ehlo.domain} advertises\n${rows.join('\n')}\n`;
}

function describe(c) {
  const verdict = {
    done: 'accepted; nothing to do',
    continue: 'intermediate reply; the session goes on',
    retry: 'temporary failure; retry later',
    doNotRetry: 'permanent failure; do not retry',
    fixAndRetry: 'refused because of the sending side; fix it, then retry',
  }[c.action];
  // A complaint report's "do not retry" is about the address: the message itself arrived.
  const complaint = c.reason === 'feedback' && c.action === 'doNotRetry';
  let s = `${c.replyText}\n\n`;
  s += `Verdict   ${complaint ? 'a complaint report; do not mail this address again' : verdict}${c.hard ? ' (hard bounce)' : ''}\n`;
  s += `Reason    ${c.reason}\n`;
  if (c.retryDelay) s += `Retry in  ${duration(c.retryDelay.seconds)}${c.retryDelay.stated ? ' (as the server asked)' : ' (recommended)'}\n`;
  if (c.provider) s += `Server    ${c.provider.name}\n`;
  if (c.command) s += `Command   ${c.command}\n`;
  if (c.source !== 'reply') s += `Found in  a ${c.source} line\n`;
  const whose = { reason: ` (for the reason ${c.reason})`, enhancedCode: ` (for ${c.enhanced})`, replyCode: ` (for ${c.code})` }[c.adviceFrom];
  s += adviceLines(c.advice, whose);
  if (c.links.length) s += `\nLinks\n${c.links.map((l) => `  ${l}`).join('\n')}\n`;
  s += extensions(c);
  // A Postfix status or DSN field with no reply has no codes to explain.
  if (c.explanation || c.enhancedExplanation) s += '\nThe codes\n';
  if (c.explanation) s += describeBasic(c.explanation).replace(/^/gm, '  ');
  if (c.enhancedExplanation) s += describeEnhanced(c.enhancedExplanation).replace(/^/gm, '  ');
  return s;
}

// ----- JSON lines ----------------------------------------------------------------------------

/**
 * Reads standard input line by line and gives `onBatch` the lines in batches, to classify with one
 * call into the module each: what one read of the input brought (so `tail -f` output appears at
 * once), at most 4096 lines. A line ends at LF (a CR before it is dropped); a CR alone is text, as
 * `classifyMany` has it, so that every input line gets exactly one result. A byte-order mark at
 * the start is dropped. `onBatch` returns false when the output wants no more for now.
 */
function readLines(onBatch) {
  const BATCH = 4096;
  const input = process.stdin;
  input.setEncoding('utf8');
  let rest = '';
  let first = true;
  let batch = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (batch.length === 0) return;
    const lines = batch;
    batch = [];
    if (onBatch(lines) === false) {
      input.pause();
      process.stdout.once('drain', () => input.resume());
    }
  };
  const take = (line) => {
    batch.push(line.endsWith('\r') ? line.slice(0, -1) : line);
    if (batch.length >= BATCH) flush();
  };
  input.on('data', (chunk) => {
    if (first) {
      first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    const lines = (rest + chunk).split('\n');
    rest = lines.pop();
    for (const line of lines) take(line);
    if (batch.length > 0 && !scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
  return new Promise((resolve) => input.on('end', () => {
    if (rest !== '') take(rest);
    flush();
    resolve();
  }));
}

/** Writes to standard output; false when it asks to wait for 'drain'. */
function write(text) {
  return process.stdout.write(text);
}

/** --jsonl: one JSON result per line, without the code explanations unless `full`. */
function jsonLines(lines, full) {
  let out = '';
  for (const r of classifyBatch(lines)) {
    if (full || r.error) {
      out += JSON.stringify(r) + '\n';
    } else {
      const { explanation, enhancedExplanation, ...rest } = r;
      out += JSON.stringify(rest) + '\n';
    }
  }
  return out;
}

/**
 * --summary: the results counted by reason, then by action, provider and code within each.
 * (A function, not a class: the main code above runs before a class or const below exists.)
 */
function newSummary() {
  let lines = 0;
  let withoutReply = 0;
  const byReason = new Map();
  /** The reasons, most replies first (ties by name). */
  const groups = () => [...byReason.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return {
    add(results) {
      for (const r of results) {
        lines++;
        if (r.error) {
          withoutReply++;
          continue;
        }
        let g = byReason.get(r.reason);
        if (!g) {
          g = { reason: r.reason, count: 0, hard: 0, actions: new Map(), providers: new Map(), codes: new Map(), advice: new Map() };
          byReason.set(r.reason, g);
        }
        g.count++;
        if (r.hard) g.hard++;
        tally(g.actions, r.action);
        tally(g.providers, r.provider); // { id, name }, one shared object per provider
        tally(g.codes, [r.code, r.enhanced].filter(Boolean).join(' ') || null);
        tally(g.advice, r.advice); // one shared object per piece of advice
      }
    },

    toJSON() {
      const counted = (map, name) => byCount(map).map(([key, count]) => ({ [name]: key, count }));
      return {
        lines,
        replies: lines - withoutReply,
        withoutReply,
        reasons: groups().map((g) => ({
          reason: g.reason,
          count: g.count,
          hard: g.hard,
          actions: counted(g.actions, 'action'),
          providers: counted(g.providers, 'provider'),
          codes: counted(g.codes, 'code'),
        })),
      };
    },

    describe() {
      const n = (x) => x.toLocaleString('en-US');
      const replies = lines - withoutReply;
      let s = `${n(lines)} line${lines === 1 ? '' : 's'}: ${n(replies)} with a reply, ${n(withoutReply)} without\n`;
      if (replies === 0) return s;
      const todo = { done: 'nothing to do', continue: 'continue', retry: 'retry later', doNotRetry: 'do not retry', fixAndRetry: 'fix, then retry' };
      const sorted = groups();
      const rows = sorted.map((g) => [
        g.reason + (g.hard === 0 ? '' : g.hard === g.count ? ' (hard)' : ` (${n(g.hard)} hard)`),
        n(g.count),
        `${((100 * g.count) / replies).toFixed(1)}%`,
        tallyText(g.actions, (a) => todo[a] ?? a),
        tallyText(g.providers, (p) => p?.name ?? 'not recognised'),
        tallyText(g.codes, (c) => c ?? 'no code'),
      ]);
      const head = ['reason', 'replies', 'share', 'what to do', 'answered by', 'codes'];
      const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
      // Counts and shares right-aligned; the last column unpadded.
      const line = (cells) =>
        cells.map((c, i) => (i === cells.length - 1 ? c : i === 1 || i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
      s += `\n${line(head)}\n${rows.map(line).join('\n')}\n`;
      // What each failure means and the first thing to do about it, as the advice most of its
      // replies got says (a delivery needs nothing).
      const failures = sorted.filter((g) => g.reason !== 'delivered');
      if (failures.length) {
        s += '\nWhat to do, reason by reason (the advice most of its replies got)\n';
        for (const g of failures) {
          const [[a]] = byCount(g.advice);
          const more = g.advice.size - 1;
          const others = more > 0 ? ` (and ${more} other piece${more === 1 ? '' : 's'} of advice: --jsonl gives each reply's)` : '';
          const said = `${g.reason}: ${a.summary}${a.fixes.length ? ` First: ${a.fixes[0]}` : ''}${others}`;
          s += `${wrap(said, '  ', '    ')}\n`;
        }
      }
      return `${s}\nsmtp-reply <reason> explains a reason; smtp-reply --jsonl gives each line's result.\n`;
    },
  };
}

function tally(map, key) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** A Map's entries, most counted first (ties in first-seen order). */
function byCount(map) {
  return [...map].sort((a, b) => b[1] - a[1]);
}

/** "Google 3, Microsoft 1, 2 more": the three largest of a tally, named by `name`. */
function tallyText(map, name) {
  const entries = byCount(map);
  const shown = entries.slice(0, 3).map(([k, c]) => (map.size === 1 ? name(k) : `${name(k)} ${c.toLocaleString('en-US')}`));
  if (entries.length > 3) shown.push(`${entries.length - 3} more`);
  return shown.join(', ');
}

/** Seconds for a person: `90 s`, `30 min`, `2 h`, `1 day` (whole units only, else seconds). */
function duration(seconds) {
  for (const [unit, n] of [['day', 86_400], ['h', 3_600], ['min', 60]]) {
    if (seconds >= n && seconds % n === 0) {
      const k = seconds / n;
      return unit === 'day' ? `${k} day${k === 1 ? '' : 's'}` : `${k} ${unit}`;
    }
  }
  return `${seconds} s`;
}

/** classify() with a command, an error as classifyMany gives it (`badInput`: the CLI's own kind). */
function classifyOne(text, command) {
  try {
    return classify(text, { command });
  } catch (error) {
    if (!(error instanceof SmtpReplyError || error instanceof TypeError || error instanceof RangeError)) throw error;
    return { error: { kind: error.kind ?? 'badInput', offset: error.offset ?? 0, message: error.message }, input: text };
  }
}

/** Whether `classify` takes `command` (cached in `knownCommands`: a log names few commands). */
function takesCommand(c) {
  let known = knownCommands.get(c);
  if (known === undefined) {
    known = classifyOne('250 OK', c).error === undefined;
    if (knownCommands.size < 1000) knownCommands.set(c, known);
  }
  return known;
}

/**
 * Each line's result: plain text, a JSON object with `text` and `command`, or a JSON event read
 * whole; a line that gives no command of its own is classified with --command's, if any.
 */
function classifyBatch(lines) {
  const texts = new Array(lines.length);
  const results = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    texts[i] = line;
    if (line.charCodeAt(0) !== 123 /* { */) continue;
    let item;
    try {
      item = JSON.parse(line);
    } catch {
      continue; // not JSON after all: classify the line as text
    }
    if (item !== null && typeof item === 'object' && item.text === undefined) {
      continue; // an event of its own (a sending service's webhook): classify the whole line
    }
    if (item === null || typeof item !== 'object' || typeof item.text !== 'string') {
      results[i] = { error: { kind: 'badInput', offset: 0, message: 'a JSON line\'s "text" must be a string' }, input: line };
    } else if (item.command === undefined || item.command === null) {
      texts[i] = item.text;
    } else if (takesCommand(item.command)) {
      texts[i] = { text: item.text, command: item.command };
    } else {
      results[i] = classifyOne(item.text, item.command); // the error, in words
    }
  }
  const todo = [];
  for (let i = 0; i < lines.length; i++) if (results[i] === undefined) todo.push(i);
  const classified = classifyMany(todo.map((i) => texts[i]), { command });
  for (let k = 0; k < todo.length; k++) results[todo[k]] = classified[k];
  return results;
}
