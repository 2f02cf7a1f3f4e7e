// Types of node.mjs (Node's `import`): those of index.d.ts, and the default export node.mjs adds,
// the whole API as one object (what `require('smtp-reply')` gives). browser.js has no default
// export, so index.d.ts, its types, declares none.
import * as api from './index.js';

export * from './index.js';
export default api;
