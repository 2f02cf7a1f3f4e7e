// The bench corpus for the Node scripts: the Rust benches' deterministic corpus
// (benches/corpus.rs), written to a file by examples/gen_corpus.rs (generated here when missing)
// with the byte range of each reply beside it, in `<path>.bounds`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The corpus file's path, its bytes, and each reply as a string. */
export function loadCorpus() {
  const targetDir = process.env.CARGO_TARGET_DIR || join(root, 'target');
  const path = process.env.SMTP_REPLY_CORPUS || join(targetDir, 'bench-corpus.txt');
  if (!existsSync(path) || !existsSync(`${path}.bounds`)) {
    console.error(`generating the corpus: cargo run --release --example gen_corpus -- ${path}`);
    execFileSync('cargo', ['run', '--release', '--example', 'gen_corpus', '--', path], { cwd: root, stdio: 'inherit' });
  }
  const bytes = readFileSync(path);
  const replies = readFileSync(`${path}.bounds`, 'utf8')
    .trim()
    .split('\n')
    .map((l) => {
      const [start, end] = l.split(' ').map(Number);
      return bytes.subarray(start, end).toString('utf8');
    });
  return { path, bytes, replies };
}
