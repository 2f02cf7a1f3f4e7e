// Times two builds of the package against each other in one process, as a change to it is
// measured: `node benches/node/ab.mjs OLD_PKG NEW_PKG [classify|parse|classifyMany] [ROUNDS]`
// (each a directory holding a built package: `node.cjs` and `dist/`, such as a copy of `pkg/`
// made before the change). Each round runs one pass over the bench corpus with each build,
// the two in turn, the one that goes first alternating from round to round; the result is the
// median over rounds of old/new time within a round (above 1: the new build is faster). Which
// build is loaded first biases the result a little, so run it both ways round.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

import { loadCorpus } from './corpus.mjs';
import { cpuMs, median } from './measure.mjs';

const [oldDir, newDir, mode = 'classify', roundsArg = '41'] = process.argv.slice(2);
if (!oldDir || !newDir || !['classify', 'parse', 'classifyMany'].includes(mode)) {
  console.error('usage: node benches/node/ab.mjs OLD_PKG NEW_PKG [classify|parse|classifyMany] [ROUNDS]');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const builds = [require(join(resolve(oldDir), 'node.cjs')), require(join(resolve(newDir), 'node.cjs'))];

const { replies } = loadCorpus();

function pass(m) {
  let sum = 0;
  if (mode === 'classifyMany') for (const r of m.classifyMany(replies)) sum += r.code ?? 0;
  else for (const r of replies) sum += m[mode](r).code ?? 0;
  return sum;
}
if (pass(builds[0]) !== pass(builds[1])) throw new Error('the two builds give different results');
for (let i = 0; i < 3; i++) builds.forEach(pass); // warm-up

const times = [[], []];
const ratios = [];
for (let round = 0; round < Number(roundsArg); round++) {
  for (const k of round % 2 === 0 ? [0, 1] : [1, 0]) {
    const t = cpuMs();
    pass(builds[k]);
    times[k].push(cpuMs() - t);
  }
  ratios.push(times[0][round] / times[1][round]);
}
console.log(`${mode}: old ${median(times[0]).toFixed(2)} ms, new ${median(times[1]).toFixed(2)} ms a pass; old/new ${median(ratios).toFixed(3)} (median of ${ratios.length} rounds)`);
