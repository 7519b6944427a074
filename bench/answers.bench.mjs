// The typed-answer checker (src/core/answer.ts) on hostile text (issue 10): deck answers and
// typed answers are untrusted, and each of these inputs once took time that grew faster than
// the text: a wrong answer to a long Chinese answer (cubic: 800 characters took 1.6 s), "C"
// followed by a run of + signs (quadratic: 20,000 took 4.8 s), a long list typed in another
// order. The checker is pure and reached only from interactive screens, so the bench bundles
// it with tsup (into bench/out/answers) and times one check per process (bench/answers-case.mjs)
// beside a baseline that only normalizes the same text, in the same run. Growth must be
// linear: the time added per unit from the middle size to the largest may not exceed
// LINEAR_SLACK times the time added per unit from the smallest to the middle one.
import { join } from 'node:path';
import { build } from 'tsup';
import { compare, fmt, markdownTable, OUT_DIR, ROOT } from './lib.mjs';

const LINEAR_SLACK = 1.5;
// Sizes far enough apart that the first step (hundreds of ms) stands well above Node's start-up
// jitter on a shared machine (at 10k/40k a 100 ms hiccup failed a linear list).
const SIZES = [20_000, 80_000, 320_000];
const UNIT = 10_000;
const CASE = join(ROOT, 'bench', 'answers-case.mjs');
const BUNDLE_DIR = join(OUT_DIR, 'answers');

await build({
  config: false,
  entry: { answer: join(ROOT, 'src', 'core', 'answer.ts') },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  outDir: BUNDLE_DIR,
  clean: true,
  silent: true,
});
const bundle = join(BUNDLE_DIR, 'answer.js');

let failed = false;
for (const name of ['zh-partial', 'plus-run', 'list-reversed']) {
  console.log(await series(name));
  console.log();
}
if (failed) process.exitCode = 1;

async function series(name) {
  const measured = [];
  for (const n of SIZES) {
    const args = [CASE, bundle, name, String(n)];
    try {
      const big = n === SIZES.at(-1);
      const results = await compare(
        [
          { name: 'checkAnswer', command: process.execPath, args },
          { name: 'normalizeAnswer', command: process.execPath, args: [...args, '--baseline'] },
        ],
        { runs: big ? 3 : 5, warmup: !big },
      );
      measured.push({ n, q: results.get('checkAnswer'), base: results.get('normalizeAnswer') });
    } catch (error) {
      failed = true;
      return `${name}, ${n / 1000}k characters: FAIL: ${String(error.message).split('\n')[0]}`;
    }
  }
  const step = (i) =>
    i === 0
      ? undefined
      : (measured[i].q.medianMs - measured[i - 1].q.medianMs) / ((measured[i].n - measured[i - 1].n) / UNIT);
  const firstStep = step(1);
  const rows = measured.map(({ n, q, base }, i) => {
    const added = step(i);
    const last = i === measured.length - 1;
    const ok = last
      ? added !== undefined && firstStep !== undefined && added <= Math.max(firstStep, 0.1) * LINEAR_SLACK
      : undefined;
    if (ok === false) failed = true;
    return [
      `${name}, ${n / 1000}k characters`,
      fmt.ms(q.medianMs),
      fmt.ms(base.medianMs),
      fmt.ratio(q.medianMs / base.medianMs),
      added === undefined ? '—' : fmt.ms(added),
      last ? `added ms/10k ≤ ${LINEAR_SLACK}× the step before` : '—',
      ok === undefined ? '—' : fmt.pass(ok),
    ];
  });
  return markdownTable(
    [
      'case',
      'checkAnswer median ms',
      'normalizeAnswer median ms',
      'ratio',
      'added ms per 10k characters from the size before',
      'target',
      'result',
    ],
    rows,
  );
}
