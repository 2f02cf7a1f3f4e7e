// The package through `require` (CommonJS entry node.cjs): the same instance as `import`.
'use strict';
const assert = require('node:assert/strict');
const { test } = require('node:test');

const api = require('smtp-reply');

test('cjs: require gives the whole API, ready without init', () => {
  for (const name of ['parse', 'parseEhlo', 'classify', 'classifyMany', 'explain', 'codes', 'reasons', 'retryDelay', 'ReplyParser', 'SmtpReplyError', 'init']) {
    assert.equal(typeof api[name], 'function', name);
  }
  assert.equal(api.classify('550 5.1.1 User unknown').reason, 'userunknown');
});

test('cjs: require and import share one module (one SmtpReplyError class)', async () => {
  const esm = await import('smtp-reply');
  assert.equal(esm.SmtpReplyError, api.SmtpReplyError);
  assert.throws(() => esm.parse('hello'), api.SmtpReplyError);
});

test('cjs: all the shared checks', async () => {
  const { checks } = await import('./checks.mjs');
  for (const [, check] of checks) check(api, assert);
});
