// index.d.cts, the types of node.cjs for CommonJS TypeScript (`require`, or `import` compiled to
// `require`), made from index.d.ts: the same declarations in a namespace that is `export =`, as
// node.cjs sets module.exports to the API object. `npm pack` and `npm publish` run this
// (package.json "prepack": `node scripts/cjs-types.mjs`); types.test.mjs checks the packed file.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** index.d.cts for the text of index.d.ts. */
export function cjsDeclarations(dts) {
  // A namespace can hold declarations only: no imports, re-exports or default export.
  const bad = dts.match(/^\s*(import\b|export\s+(default\b|\*|\{|=)).*/m);
  if (bad) throw new Error(`index.d.ts: '${bad[0].trim()}' cannot go into index.d.cts's namespace`);
  return '// Generated from index.d.ts by scripts/cjs-types.mjs when the package is packed: do not edit.\n' +
    '// The types of node.cjs (`require(\'smtp-reply\')`), whose module.exports is the API object.\n' +
    `declare namespace smtpReply {\n${dts.trimEnd()}\n}\n\nexport = smtpReply;\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
  writeFileSync(join(pkg, 'index.d.cts'), cjsDeclarations(readFileSync(join(pkg, 'index.d.ts'), 'utf8')));
}
