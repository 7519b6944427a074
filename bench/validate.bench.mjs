// `quizdeck validate` on generated decks of 1k, 10k and 100k cards, against yaml's bare
// parseDocument (bench/parse-document.mjs) and ajv-cli (js-yaml + ajv with the deck JSON Schema),
// each as a child process on the same file in the same run.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare, fmt, markdownTable, OUT_DIR, QUIZDECK, ROOT, runOnce, writeSyntheticDeck } from './lib.mjs';

// BENCH_SIZES=1000,10000 runs only those sizes (while working on the validator).
const SIZES = [
  { cards: 1_000, runs: 5, warmup: true },
  { cards: 10_000, runs: 5, warmup: true },
  { cards: 100_000, runs: 3, warmup: false },
].filter(({ cards }) => !process.env.BENCH_SIZES || process.env.BENCH_SIZES.split(',').map(Number).includes(cards));
const AJV = join(ROOT, 'node_modules', '.bin', 'ajv');
const PARSE_DOCUMENT = join(ROOT, 'bench', 'parse-document.mjs');
const RSS_LIMIT_MB = 1024;
const LINEAR_SLACK = 1.5;

const schemaFile = await writeSchema();
await checkBaselinesCatchErrors(schemaFile);

const rows = [];
const perThousand = [];
let failed = false;
const row = (label, q, base, target, ok) => {
  rows.push([
    label,
    fmt.ms(q.medianMs),
    fmt.ms(base.medianMs),
    fmt.ratio(q.medianMs / base.medianMs),
    `${fmt.mb(q.rssMb)} / ${fmt.mb(base.rssMb)}`,
    target,
    ok === undefined ? '—' : fmt.pass(ok),
  ]);
  if (ok === false) failed = true;
};

for (const { cards, runs, warmup } of SIZES) {
  const deck = writeSyntheticDeck(cards);
  const results = await compare(
    [
      { name: 'quizdeck', command: process.execPath, args: [QUIZDECK, 'validate', deck] },
      { name: 'parseDocument', command: process.execPath, args: [PARSE_DOCUMENT, deck] },
      { name: 'ajv-cli', command: AJV, args: ['validate', '--spec=draft2020', '-s', schemaFile, '-d', deck] },
    ],
    { runs, warmup },
  );
  const q = results.get('quizdeck');
  const pd = results.get('parseDocument');
  const ajv = results.get('ajv-cli');
  const k = `${cards / 1000}k`;
  const ratioAjv = q.medianMs / ajv.medianMs;
  const ratioPd = q.medianMs / pd.medianMs;
  row(
    `validate ${k} vs ajv-cli`,
    q,
    ajv,
    cards === 1_000 ? '≤ 1.00×' : '—',
    cards === 1_000 ? ratioAjv <= 1.0 : undefined,
  );
  row(
    `validate ${k} vs parseDocument`,
    q,
    pd,
    cards === 10_000 ? '≤ 1.25×' : '—',
    cards === 10_000 ? ratioPd <= 1.25 : undefined,
  );
  perThousand.push({ cards, ms: q.medianMs, rssMb: q.rssMb });
}

console.log(
  markdownTable(
    [
      'case',
      'quizdeck median ms',
      'baseline median ms',
      'ratio',
      'peak RSS MB (quizdeck / baseline)',
      'target',
      'result',
    ],
    rows,
  ),
);
console.log();

// Linear growth: the cost of each further 1k cards (startup excluded) may not rise from the
// 1k-10k step to the 10k-100k step by more than LINEAR_SLACK.
const marginal = (from, to) => (from && to ? (to.ms - from.ms) / ((to.cards - from.cards) / 1000) : undefined);
const bySize = (cards) => perThousand.find((p) => p.cards === cards);
const step10k = marginal(bySize(1_000), bySize(10_000));
const scaleRows = perThousand.map(({ cards, ms, rssMb }, i) => {
  const step = marginal(perThousand[i - 1], perThousand[i]);
  const big = cards === 100_000;
  const linear = step !== undefined && step10k !== undefined && step <= step10k * LINEAR_SLACK;
  const ok = big ? linear && rssMb < RSS_LIMIT_MB : undefined;
  if (ok === false) failed = true;
  return [
    `validate ${cards / 1000}k`,
    fmt.ms(ms),
    fmt.ms(ms / (cards / 1000)),
    step === undefined ? '—' : fmt.ms(step),
    fmt.mb(rssMb),
    big ? `< ${RSS_LIMIT_MB} MB; added ms/1k ≤ ${LINEAR_SLACK}× the 1k→10k value` : '—',
    ok === undefined ? '—' : fmt.pass(ok),
  ];
});
console.log(
  markdownTable(
    [
      'case',
      'quizdeck median ms',
      'ms per 1k cards',
      'added ms per 1k cards from the size before',
      'peak RSS MB',
      'target',
      'result',
    ],
    scaleRows,
  ),
);

if (failed) process.exitCode = 1;

async function writeSchema() {
  const result = await runOnce(process.execPath, [QUIZDECK, 'schema']);
  if (result.code !== 0) throw new Error(`quizdeck schema failed: ${result.stderr}`);
  const file = join(OUT_DIR, 'deck.schema.json');
  writeFileSync(file, result.stdout);
  return file;
}

/** A comparison with a validator that accepts anything would be meaningless: both must reject a broken deck. */
async function checkBaselinesCatchErrors(schema) {
  const broken = join(OUT_DIR, 'broken.yaml');
  writeFileSync(
    broken,
    'deck: broken\ntitle: Broken\ncards:\n  - id: one\n    a: an answer without a question\n  - id: two\n    type: truefalse\n    q: Is "yes" a boolean?\n    answer: "yes"\n',
  );
  const ajv = await runOnce(AJV, ['validate', '--spec=draft2020', '-s', schema, '-d', broken]);
  if (ajv.code === 0 || !/invalid/.test(ajv.stdout + ajv.stderr))
    throw new Error(`ajv-cli accepted a broken deck:\n${ajv.stdout}${ajv.stderr}`);
  const ours = await runOnce(process.execPath, [QUIZDECK, 'validate', broken]);
  if (ours.code !== 1) throw new Error(`quizdeck validate accepted a broken deck:\n${ours.stdout}${ours.stderr}`);
}
