// `quizdeck export`: a 10k-card deck in every format, each beside `quizdeck print --format json`
// of the same deck in the same run (both load the deck the same way, through the parsed-deck
// cache, so the ratio is the cost of converting and writing). Each case runs as a child process.
import { readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { compare, fmt, markdownTable, OUT_DIR, QUIZDECK, writeSyntheticDeck } from './lib.mjs';

const TARGET = 1.5;
const FORMATS = [
  ['anki', 'export-10k.txt'],
  ['apkg', 'export-10k.apkg'],
  ['gift', 'export-10k.gift'],
  ['moodle-xml', 'export-10k.xml'],
  ['csv', 'export-10k.csv'],
];

const loadBefore = loadavg()[0];
const deck = writeSyntheticDeck(10_000);
const json = join(OUT_DIR, 'print-10k.json');
const results = await compare(
  [
    {
      name: 'print json',
      command: process.execPath,
      args: [QUIZDECK, 'print', deck, '--format', 'json', '--seed', '1', '-o', json],
    },
    ...FORMATS.map(([format, file]) => ({
      name: format,
      command: process.execPath,
      args: [QUIZDECK, 'export', deck, '--to', format, '-o', join(OUT_DIR, file)],
    })),
  ],
  { runs: 5 },
);

// What was written must hold every card: 10k notes, questions or rows.
const count = (file, pattern) => (readFileSync(join(OUT_DIR, file), 'utf8').match(pattern) ?? []).length;
const checks = {
  anki: count('export-10k.txt', /^bench-10000\//gm),
  'moodle-xml': count('export-10k.xml', /<question type="(?!category)/g),
  csv: count('export-10k.csv', /\n/g),
};
for (const [format, n] of Object.entries(checks))
  if (n !== 10_000) throw new Error(`${format}: expected 10000 cards, found ${n}`);
// GIFT writes a cloze card of two deletions as two questions.
const giftQuestions = count('export-10k.gift', /^::card-/gm);
if (giftQuestions !== 12_500) throw new Error(`gift: expected 12500 questions, found ${giftQuestions}`);

let failed = false;
const base = results.get('print json');
const rows = FORMATS.map(([format, file]) => {
  const r = results.get(format);
  const ratio = r.medianMs / base.medianMs;
  const ok = ratio <= TARGET;
  if (!ok) failed = true;
  const size = (statSync(join(OUT_DIR, file)).size / 1e6).toFixed(1);
  return [
    `export 10k cards --to ${format} (${size} MB) vs print --format json`,
    fmt.ms(r.medianMs),
    fmt.ms(base.medianMs),
    fmt.ratio(ratio),
    `${fmt.mb(r.rssMb)} / ${fmt.mb(base.rssMb)}`,
    `≤ ${fmt.ratio(TARGET)}`,
    fmt.pass(ok),
  ];
});

console.log(
  markdownTable(
    ['case', 'quizdeck median ms', 'baseline median ms', 'ratio', 'peak RSS MB (export / print)', 'target', 'result'],
    rows,
  ),
);
console.log(
  `\nLoad average (1 min): ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end, on ${cpus().length} cores.`,
);
if (failed) process.exitCode = 1;
