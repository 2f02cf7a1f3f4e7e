// Compiled by types.test.mjs with `--moduleResolution bundler`, as for Vite or another bundler
// building for browsers: the types of browser.js (index.d.ts), which has no default export.
import { init, classify, parseEhlo, SmtpReplyError, type Reason } from 'smtp-reply';
// @ts-expect-error browser.js has no default export
import api from 'smtp-reply';

await init();
const reason: Reason = classify('550 5.1.1 User unknown').reason;
const error = new SmtpReplyError('empty', 0, 'no reply');
console.log(reason, error.kind, api, parseEhlo('250 mx')?.domain);
