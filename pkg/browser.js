// Browser entry (ES module; no bundler needed): `await init()` once, then call the API.
import initWasm, * as glue from './dist/smtp_reply_web.js';
import { setWasm } from './dist/api.mjs';

export { parse, classify, classifyMany, retryDelay, explain, codes, ReplyParser, SmtpReplyError } from './dist/api.mjs';

let loading = null;

/** Where the .wasm is: beside this file, or, under Vite's dev server, in the package itself. */
function defaultWasm() {
  // Vite's dev server pre-bundles dependencies into node_modules/.vite/deps/, away from the
  // .wasm; the package's own copy is served from the project root. (Written so that bundlers
  // do not take it for an asset to copy.)
  if (import.meta.url.includes('/node_modules/.vite/')) {
    return new URL(['', 'node_modules', 'smtp-reply', 'dist', 'smtp_reply_bg.wasm'].join('/'), import.meta.url);
  }
  return new URL('./dist/smtp_reply_bg.wasm', import.meta.url);
}

/**
 * Loads the WebAssembly module (idempotent). By default it is fetched from beside this file;
 * pass a URL, a Response, the wasm bytes or a compiled module to load it from elsewhere.
 * @param {URL | string | Response | BufferSource | WebAssembly.Module} [source]
 * @returns {Promise<void>}
 */
export function init(source) {
  if (loading === null) {
    const module_or_path = source === undefined ? defaultWasm() : source;
    loading = initWasm({ module_or_path }).then(
      () => setWasm(glue),
      (error) => {
        loading = null;
        throw error;
      },
    );
  }
  return loading;
}
