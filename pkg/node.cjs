'use strict';
// Node entry (CommonJS): the wasm is compiled synchronously on load, so nothing needs `init()`.
// node.mjs re-exports this module, so `require` and `import` share one instance.
const api = require('./dist/api.cjs');

// The glue instantiates the module when it is loaded; loading it afresh gives a new instance,
// which replaces a failed one (see `afterTrap` in lib/api.js).
const gluePath = require.resolve('./dist/smtp_reply_node.cjs');
function freshGlue() {
  delete require.cache[gluePath];
  return require(gluePath);
}
api.setWasm(freshGlue(), freshGlue);

module.exports = {
  parse: api.parse,
  parseEhlo: api.parseEhlo,
  classify: api.classify,
  classifyMany: api.classifyMany,
  retryDelay: api.retryDelay,
  explain: api.explain,
  codes: api.codes,
  reasons: api.reasons,
  ReplyParser: api.ReplyParser,
  SmtpReplyError: api.SmtpReplyError,
  /** Nothing to do in Node (the module is ready on load); kept so code can call it anywhere. */
  init: () => Promise.resolve(),
};
