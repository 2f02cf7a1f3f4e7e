// Words for the values the package returns, and for durations and times.

export const SEVERITY = {
  positivePreliminary: 'Positive preliminary',
  positiveCompletion: 'Positive completion',
  positiveIntermediate: 'Positive intermediate',
  transientNegative: 'Transient negative (temporary failure)',
  permanentNegative: 'Permanent negative (permanent failure)',
  unknown: 'Unknown',
};

export const CATEGORY = {
  syntax: 'Syntax',
  information: 'Information',
  connections: 'Connections',
  unspecified: 'Unspecified',
  mailSystem: 'Mail system',
  unknown: 'Unknown',
};

export const ACTION = {
  done: ['ok', 'Nothing to do', 'The server accepted the command.'],
  continue: ['ok', 'Continue', 'The server is waiting for the next step (for example the message text after 354).'],
  retry: ['warn', 'Retry later', 'The failure is temporary: keep the message queued and try again.'],
  doNotRetry: ['bad', 'Do not retry', 'Sending the same message again will fail the same way: bounce it and tell the sender.'],
  fixAndRetry: ['bad', 'Fix, then retry', 'Retrying as is will fail: fix the cause below first, then send again.'],
};

/**
 * The badge class, label and sentence of a result's action. A complaint report's "do not retry"
 * is about the address, not a failed message: the message arrived.
 */
export function actionWords(r) {
  if (r.reason === 'feedback' && r.action === 'doNotRetry') {
    return ['bad', 'Stop mailing the address', 'A recipient reported the message as spam: it arrived, but the address must not be mailed again.'];
  }
  return ACTION[r.action];
}

export const SOURCE = {
  reply: 'an SMTP reply',
  postfix: 'a Postfix log line or bounce',
  exim: 'an Exim log line or bounce',
  dsn: 'a bounce (DSN)',
  sendmail: 'a Sendmail transcript',
  qmail: 'a qmail log line or bounce',
};

/** Commands the library names differently from the command picker (its option labels). */
export const COMMAND = {
  'DATA-END': 'End of DATA',
};

export function words(map, key) {
  return map[key] ?? key;
}

/** "90 seconds", "15 minutes", "1 hour 30 minutes", "2 days". */
export function duration(seconds) {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const unit = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    return s ? `${unit(m, 'minute')} ${unit(s, 'second')}` : unit(m, 'minute');
  }
  if (seconds < 86400) {
    const hr = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    return m ? `${unit(hr, 'hour')} ${unit(m, 'minute')}` : unit(hr, 'hour');
  }
  const d = Math.floor(seconds / 86400);
  const hr = Math.floor((seconds % 86400) / 3600);
  return hr ? `${unit(d, 'day')} ${unit(hr, 'hour')}` : unit(d, 'day');
}

/** "45 s", "39 min", "2.5 h", "3 d": schedules have jitter, so rounded values read better. */
export function approx(seconds) {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.round(seconds / 1800) / 2} h`;
  return `${Math.round(seconds / 86400)} d`;
}

export function timeText(ms) {
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs`;
}

/** The classes of enhanced status codes. */
export const CLASS_WORDS = { 2: 'Success', 4: 'Persistent transient failure', 5: 'Permanent failure' };

/** The first digit of basic reply codes. */
export const DIGIT_NAMES = { 1: 'Positive preliminary', 2: 'Positive completion', 3: 'Positive intermediate', 4: 'Transient negative completion', 5: 'Permanent negative completion' };
