// Node benchmark: smtp-reply's parse, classify and classifyMany against the SMTP reply parsers
// JavaScript uses today, on the same deterministic corpus as the Rust benches
// (benches/corpus.rs, written to a file by examples/gen_corpus.rs).
//
//   make bench-js        (= make pkg, then node benches/node/bench.mjs [--passes N] [--wall])
//
// Every contender gets each reply as one string, as a socket's 'data' event would deliver it,
// and must deliver it (the check: every contender counts the same replies); one pass runs the
// whole corpus. A round times one pass of each contender, in an order shuffled anew each round
// (a rotation of one order made each contender always follow the same one and pay for its
// garbage: the regex parser took 21.0 ms a pass after nodemailer's copy, 11.5 ms after
// emailjs-smtp-client); the figures are the median pass and, for the ratios, the median over
// rounds of the ratio within a round: on a shared machine whose speed drifts, contenders timed
// one after the other in blocks showed the same code 1.6× apart from run to run. Passes are timed in CPU time
// of this process (process.cpuUsage); --wall times them with the wall clock instead.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadCorpus } from './corpus.mjs';
import { cpuMs, median } from './measure.mjs';
import { NodemailerReplies } from './nodemailer-reply.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const require = createRequire(import.meta.url);
const passesArg = process.argv.indexOf('--passes');
const PASSES = passesArg > 0 ? Number(process.argv[passesArg + 1]) : 41; // rounds
const WALL = process.argv.includes('--wall');

/** Milliseconds, of CPU time (default) or wall time. */
function now() {
  return WALL ? Number(process.hrtime.bigint()) / 1e6 : cpuMs();
}

// ----- the corpus ----------------------------------------------------------------------------

const { path: corpusPath, bytes, replies } = loadCorpus();

// ----- the contenders ------------------------------------------------------------------------

if (!existsSync(join(here, 'node_modules', 'emailjs-smtp-client'))) {
  console.error('installing the peers: npm ci in benches/node');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
}
if (!existsSync(join(root, 'pkg', 'dist', 'smtp_reply_bg.wasm'))) {
  throw new Error('build the package first: make pkg (bash .ci/build-pkg.sh)');
}
const smtp = await import(join(root, 'pkg', 'node.mjs'));
const { default: SmtpResponseParser } = require('emailjs-smtp-client/dist/parser.js');

/** A plain regex parser, as many projects write it. */
const LINE = /^(\d{3})([ -])(?:(\d\.\d{1,3}\.\d{1,3}) )?(.*)$/;
function regexParse(reply) {
  const lines = reply.split(/\r?\n/);
  let code = 0;
  let enhanced = null;
  const text = [];
  for (const line of lines) {
    const m = LINE.exec(line);
    if (m === null) continue;
    code = Number(m[1]);
    if (enhanced === null && m[3] !== undefined) enhanced = m[3];
    text.push(m[4]);
  }
  return { code, enhanced, text: text.join('\n') };
}

const contenders = [
  {
    name: 'emailjs-smtp-client SmtpResponseParser',
    peer: true,
    run(list) {
      const parser = new SmtpResponseParser();
      let count = 0;
      parser.ondata = (r) => {
        if (r.statusCode > 0) count++;
      };
      for (const reply of list) parser.send(reply);
      return count;
    },
  },
  {
    name: "nodemailer's reply handling (copy)",
    peer: true,
    run(list) {
      const conn = new NodemailerReplies();
      for (const reply of list) conn._onData(reply);
      // nodemailer reads status 0 for multi-line replies (its regex wants a space after the
      // code of the first line); the response is still delivered, so count responses.
      return conn.responses.length;
    },
  },
  {
    name: 'regex parser',
    peer: true,
    run(list) {
      let sum = 0;
      for (const reply of list) if (regexParse(reply).code > 0) sum++;
      return sum;
    },
  },
  {
    name: 'smtp-reply parse',
    run(list) {
      let sum = 0;
      for (const reply of list) if (smtp.parse(reply).code > 0) sum++;
      return sum;
    },
  },
  {
    name: 'smtp-reply classify',
    run(list) {
      let sum = 0;
      for (const reply of list) if (smtp.classify(reply).code > 0) sum++;
      return sum;
    },
  },
  {
    // What classifyMany is measured against for batch work: the same results, all kept, by one
    // call a reply (a batch's results outlive the young generation either way, see HISTORY.md).
    name: 'smtp-reply classify, every result kept',
    run(list) {
      const out = new Array(list.length);
      for (let i = 0; i < list.length; i++) out[i] = smtp.classify(list[i]);
      let sum = 0;
      for (const r of out) if (r.code > 0) sum++;
      return sum;
    },
  },
  {
    name: 'smtp-reply classifyMany',
    run(list) {
      let sum = 0;
      for (const r of smtp.classifyMany(list)) if (r.code > 0) sum++;
      return sum;
    },
  },
];

// ----- measuring -----------------------------------------------------------------------------

console.log(`corpus: ${replies.length} replies, ${bytes.length} bytes (${corpusPath})`);
console.log(`node ${process.version}, ${PASSES} rounds, ${WALL ? 'wall' : 'CPU'} time`);
console.log('each round times one pass of every contender, in a shuffled order; a ratio is taken');
console.log('within each round (so a slow spell of the machine hits both sides) and its median shown\n');
const expected = contenders[0].run(replies);
for (const c of contenders) {
  const check = c.run(replies); // warm-up, and every contender must deliver every reply
  if (check !== expected || check !== replies.length) {
    throw new Error(`${c.name}: ${check} replies, expected ${replies.length}`);
  }
}
// Each round runs the contenders in a new order, shuffled from a fixed seed: a rotation of
// one order would have each contender always follow the same one and inherit its garbage.
let seed = 0x2545f491;
const nextRandom = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
};
const times = contenders.map(() => []);
const order = contenders.map((_, i) => i);
for (let p = 0; p < PASSES; p++) {
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(nextRandom() * (k + 1));
    [order[k], order[j]] = [order[j], order[k]];
  }
  for (const i of order) {
    const t0 = now();
    contenders[i].run(replies);
    times[i].push(now() - t0);
  }
}
const results = contenders.map((c, i) => {
  const ms = median(times[i]);
  return { ...c, times: times[i], ms, rate: replies.length / (ms / 1000) };
});

// The fastest peer by median pass; every contender's ratio to it is taken round by round.
const fastest = results.filter((r) => r.peer).reduce((a, b) => (b.ms < a.ms ? b : a));
const fmt = (n) => Math.round(n).toLocaleString('en-US');
console.log(`| contender | median pass (ms) | replies/s | vs ${fastest.name} (median of round ratios) |`);
console.log('|---|---:|---:|---:|');
for (const r of results) {
  const ratio = median(r.times.map((t, p) => fastest.times[p] / t));
  console.log(`| ${r.name} | ${r.ms.toFixed(2)} | ${fmt(r.rate)} | ${ratio.toFixed(2)}× |`);
}
