// Prints how a wasm module's bytes divide between its code and its data section (where the
// tables live: phrases, advice, definitions, registry, examples), raw and gzipped on their own.
// Usage: node .ci/wasm-sections.mjs FILE.wasm
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const bytes = readFileSync(process.argv[2]);
const sections = new Map(); // section id -> its bytes
let at = 8; // past the magic number and the version
const leb = () => {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return value >>> 0;
};
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  sections.set(id, bytes.subarray(at, at + size));
  at += size;
}
const show = (label, part) =>
  console.log(`    ${label.padEnd(38)} ${String(part.length).padStart(8)} B raw ${String(gzipSync(part, { level: 9 }).length).padStart(8)} B gzip`);
show('code section', sections.get(10));
show('data section (tables, little else)', sections.get(11));
