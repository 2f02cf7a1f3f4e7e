#!/usr/bin/env node
// Zero-dependency static server for the demo page: serves www/ at / and the npm package (pkg/) at /pkg/.
//
//   node www/serve.mjs [port] [--csp] [--pkg DIR] [--quiet]
//   PORT=9000 CSP=1 node www/serve.mjs
//
// Port 0 picks a free port; the URL actually bound is printed on the first line of stdout, so tests
// can start it and read where it listens. --csp (or CSP=1) sends a Content-Security-Policy that allows
// only same-origin scripts plus WebAssembly compilation, to prove the page needs nothing inline.
// --pkg (or PKG_DIR) serves another package folder at /pkg/ (default: the repo's pkg/).
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Content-Security-Policy sent with --csp: nothing inline, wasm allowed. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

function parseArgs(argv, env) {
  const opts = {
    port: env.PORT !== undefined && env.PORT !== '' ? Number(env.PORT) : 8080,
    host: env.HOST || '127.0.0.1',
    csp: env.CSP === '1' || env.CSP === 'true',
    pkg: env.PKG_DIR || join(here, '..', 'pkg'),
    quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--csp') opts.csp = true;
    else if (a === '--quiet') opts.quiet = true;
    else if (a === '--pkg') opts.pkg = argv[++i];
    else if (a === '--port') opts.port = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log('usage: node www/serve.mjs [port] [--csp] [--pkg DIR] [--quiet]   (env: PORT, CSP=1, PKG_DIR)');
      process.exit(0);
    } else if (/^\d+$/.test(a)) opts.port = Number(a);
    else throw new Error(`serve.mjs: unknown argument ${a}`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    throw new Error(`serve.mjs: bad port ${opts.port}`);
  }
  return opts;
}

/** Maps a URL path to a file under one of the two roots, or null when it escapes them. */
function resolvePath(urlPath, roots) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  let root = roots.www;
  let rest = path;
  if (path === '/pkg' || path.startsWith('/pkg/')) {
    root = roots.pkg;
    rest = path.slice(4);
  }
  const file = normalize(join(root, rest));
  if (file !== root && !file.startsWith(root + sep)) return null;
  return file;
}

function fileFor(path) {
  try {
    let st = statSync(path);
    if (st.isDirectory()) {
      path = join(path, 'index.html');
      st = statSync(path);
    }
    return st.isFile() ? { path, size: st.size } : null;
  } catch {
    return null;
  }
}

/** Starts the server; resolves with { server, url } once it listens. */
export function start(options = {}) {
  const opts = { ...parseArgs([], process.env), ...options };
  const roots = { www: resolve(here), pkg: resolve(opts.pkg) };
  const server = createServer((req, res) => {
    const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
    if (opts.csp) headers['Content-Security-Policy'] = CSP;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
      res.end('method not allowed\n');
      return;
    }
    const urlPath = new URL(req.url, 'http://x').pathname;
    const target = resolvePath(urlPath, roots);
    const file = target && fileFor(target);
    if (!file) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`not found: ${urlPath}\n`);
      return;
    }
    const type = MIME[extname(file.path).toLowerCase()] || 'application/octet-stream';
    res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': file.size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file.path)
      .on('error', () => res.destroy())
      .pipe(res);
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      const { port } = server.address();
      resolveStart({ server, url: `http://${opts.host}:${port}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2), process.env);
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  start(opts).then(
    ({ url }) => {
      console.log(url);
      if (!opts.quiet) {
        console.log(`smtp-reply demo: serving www/ and /pkg/ (${opts.pkg})${opts.csp ? ' with CSP' : ''}; Ctrl-C to stop`);
        if (!existsSync(join(opts.pkg, 'dist'))) {
          console.log('note: pkg/dist/ is missing; run `make pkg` (bash .ci/build-pkg.sh) first');
        }
      }
    },
    (e) => {
      const hint = e.code === 'EADDRINUSE' ? ` (another server uses port ${opts.port}; try PORT=${opts.port + 1} make demo, or port 0 for any free port)` : '';
      console.error(`serve.mjs: ${e.message}${hint}`);
      process.exit(1);
    },
  );
}
