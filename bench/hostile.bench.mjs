// Inputs that used to take quadratic time (issue 9, item 9), each beside yaml's bare
// parseDocument of the same file (bench/parse-document.mjs, without yaml's own duplicate-key
// check, itself quadratic in a mapping's keys) in the same run:
// - `quizdeck validate` of one card with 1k, 10k and 100k unknown keys (each problem located
//   itself by parsing its card again: 1,000 keys took 36 s);
// - `quizdeck print --format txt` of a card whose question is one word of 100 KB, 1 MB and
//   10 MB (wrapping measured the rest of the word again for each line: 400 KB took 41 s).
// Growth must be linear: the time added per unit from the middle size to the largest may not
// exceed LINEAR_SLACK times the time added per unit from the smallest to the middle one.
import { join } from 'node:path';
import {
  compare,
  fmt,
  longWordDeck,
  manyKeysDeck,
  markdownTable,
  OUT_DIR,
  QUIZDECK,
  ROOT,
  writeBenchFile,
} from './lib.mjs';

const PARSE_DOCUMENT = join(ROOT, 'bench', 'parse-document.mjs');
const LINEAR_SLACK = 1.5;
const RSS_LIMIT_MB = 1024;
// The cache would measure a cached read after the first run; these measure the parse.
const env = { ...process.env, QUIZDECK_CACHE: '0' };

let failed = false;

const keys = await series({
  label: (n) => `validate, ${n / 1000}k unknown keys`,
  sizes: [1_000, 10_000, 100_000],
  unit: 1_000,
  unitName: '1k keys',
  file: (n) => writeBenchFile(`keys-${n}.yaml`, manyKeysDeck(n)),
  // A problem per key: exit 1, and the report is capped at 100 lines.
  command: (file) => ({ args: [QUIZDECK, 'validate', file], expectCode: 1 }),
});
const words = await series({
  label: (n) => `print --format txt, one word of ${n >= 1 << 20 ? `${n / (1 << 20)} MB` : `${n / 1024} KB`}`,
  sizes: [100 * 1024, 1 << 20, 10 << 20],
  unit: 100 * 1024,
  unitName: '100 KB',
  file: (n) => writeBenchFile(`word-${n}.yaml`, longWordDeck(n)),
  command: (file, n) => ({
    args: [QUIZDECK, 'print', '--format', 'txt', '--seed', '1', '-o', join(OUT_DIR, `word-${n}.txt`), file],
    expectCode: 0,
  }),
});

for (const table of [keys, words]) {
  console.log(table);
  console.log();
}
if (failed) process.exitCode = 1;

/**
 * Times each size against parseDocument and prints the table with the linearity figure: ms per
 * unit and ms added per unit from the size before, as bench/validate.bench.mjs does per 1k cards.
 */
async function series({ label, sizes, unit, unitName, file, command }) {
  const measured = [];
  for (const n of sizes) {
    const path = file(n);
    const { args, expectCode } = command(path, n);
    const big = n === sizes.at(-1);
    try {
      const results = await compare(
        [
          { name: 'quizdeck', command: process.execPath, args, expectCode, env },
          { name: 'parseDocument', command: process.execPath, args: [PARSE_DOCUMENT, '--no-unique-keys', path] },
        ],
        { runs: big ? 3 : 5, warmup: !big },
      );
      measured.push({ n, q: results.get('quizdeck'), base: results.get('parseDocument') });
    } catch (error) {
      // A run that fails is a result too: the table says how, and the bench fails.
      failed = true;
      const reason =
        String(error.message)
          .split('\n')
          .find((l) => l.startsWith('quizdeck:')) ?? String(error.message).split('\n')[0];
      return markdownTable(
        ['case', 'result'],
        [...measured.map((m) => [label(m.n), `${fmt.ms(m.q.medianMs)} ms`]), [label(n), `FAIL: ${reason}`]],
      );
    }
  }
  const step = (i) =>
    i === 0
      ? undefined
      : (measured[i].q.medianMs - measured[i - 1].q.medianMs) / ((measured[i].n - measured[i - 1].n) / unit);
  const firstStep = step(1);
  const rows = measured.map(({ n, q, base }, i) => {
    const added = step(i);
    const last = i === measured.length - 1;
    const ok = last
      ? added !== undefined && firstStep !== undefined && added <= firstStep * LINEAR_SLACK && q.rssMb < RSS_LIMIT_MB
      : undefined;
    if (ok === false) failed = true;
    return [
      label(n),
      fmt.ms(q.medianMs),
      fmt.ms(base.medianMs),
      fmt.ratio(q.medianMs / base.medianMs),
      fmt.ms(q.medianMs / (n / unit)),
      added === undefined ? '—' : fmt.ms(added),
      `${fmt.mb(q.rssMb)} / ${fmt.mb(base.rssMb)}`,
      last ? `< ${RSS_LIMIT_MB} MB; added ms/${unitName} ≤ ${LINEAR_SLACK}× the step before` : '—',
      ok === undefined ? '—' : fmt.pass(ok),
    ];
  });
  return markdownTable(
    [
      'case',
      'quizdeck median ms',
      'parseDocument median ms',
      'ratio',
      `ms per ${unitName}`,
      `added ms per ${unitName} from the size before`,
      'peak RSS MB (quizdeck / baseline)',
      'target',
      'result',
    ],
    rows,
  );
}
