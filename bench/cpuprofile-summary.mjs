// Summarizes a V8 .cpuprofile by self time: `node bench/cpuprofile-summary.mjs FILE [TOP]`.
// Use with `node --cpu-prof --cpu-prof-dir=bench/out/prof bin/quizdeck.js validate big.yaml`.
import { readFileSync } from 'node:fs';

const [file, top = '25'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/cpuprofile-summary.mjs FILE.cpuprofile [TOP]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const interval = new Map();
// timeDeltas[i] is the time before samples[i] was taken; charge it to that sample's node.
profile.samples.forEach((id, i) => interval.set(id, (interval.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const self = new Map();
for (const [id, us] of interval) {
  const { callFrame: f } = byId.get(id);
  const where = f.url
    ? `${f.url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*\/(dist|src)\//, '$1/')}:${f.lineNumber + 1}`
    : '';
  const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
  self.set(key, (self.get(key) ?? 0) + us);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(top));
console.log(`total ${(total / 1000).toFixed(0)} ms sampled`);
for (const [key, us] of rows)
  console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
