// Browser entry (ES module; no bundler needed): `await init()` once, then call the API.
import initWasm, * as glue from './dist/smtp_reply_web.js';
import { setWasm, whenLost } from './dist/api.mjs';

export { parse, parseEhlo, classify, classifyMany, retryDelay, explain, codes, reasons, ReplyParser, SmtpReplyError } from './dist/api.mjs';

let loading = null;
/** Module instances made so far (a second one only after a failure). */
let instances = 0;

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
    // After a failure (see lib/api.js `afterTrap`) a new copy of the glue makes a new instance.
    const load = instances === 0
      ? initWasm({ module_or_path }).then((exports) => ({ input: glue.input, run: glue.run, memory: exports.memory }))
      : import(/* @vite-ignore */ `./dist/smtp_reply_web.js?instance=${instances}`).then(async (fresh) => {
          const exports = await fresh.default({ module_or_path });
          return { input: fresh.input, run: fresh.run, memory: exports.memory };
        });
    loading = load.then(
      (g) => {
        instances++;
        setWasm(g);
      },
      (error) => {
        loading = null;
        throw error;
      },
    );
  }
  return loading;
}

whenLost(() => {
  loading = null;
});
