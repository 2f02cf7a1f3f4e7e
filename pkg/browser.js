// Browser entry (ES module; no bundler needed): `await init()` once, then call the API.
import initWasm, * as glue from './dist/smtp_reply_web.js';
import { setWasm } from './dist/api.mjs';

export { parse, classify, classifyMany, retryDelay, explain, codes, ReplyParser, SmtpReplyError } from './dist/api.mjs';

let loading = null;

/**
 * Loads the WebAssembly module (idempotent). By default it is fetched from beside this file;
 * pass a URL, a Response or the wasm bytes to load it from elsewhere.
 * @param {URL | string | Response | BufferSource} [source]
 */
export function init(source) {
  if (loading === null) {
    const module_or_path = source === undefined ? new URL('./dist/smtp_reply_bg.wasm', import.meta.url) : source;
    loading = initWasm({ module_or_path }).then(() => setWasm(glue), (error) => {
      loading = null;
      throw error;
    });
  }
  return loading;
}
