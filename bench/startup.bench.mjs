// `quizdeck --version` against `node -e 0`: what the CLI costs before it does any work.
import { compare, fmt, markdownTable, QUIZDECK } from './lib.mjs';

const RUNS = 15;
const TARGET = 1.3;

const results = await compare(
  [
    { name: 'node -e 0', command: process.execPath, args: ['-e', '0'] },
    { name: '--version', command: process.execPath, args: [QUIZDECK, '--version'] },
    { name: '--help', command: process.execPath, args: [QUIZDECK, '--help'] },
  ],
  { runs: RUNS },
);
const base = results.get('node -e 0');
const rows = ['--version', '--help'].map((name) => {
  const r = results.get(name);
  const ratio = r.medianMs / base.medianMs;
  const targeted = name === '--version';
  return [
    `quizdeck ${name}`,
    fmt.ms(r.medianMs),
    fmt.ms(base.medianMs),
    fmt.ratio(ratio),
    `${fmt.mb(r.rssMb)} / ${fmt.mb(base.rssMb)}`,
    targeted ? `≤ ${TARGET.toFixed(2)}×` : '—',
    targeted ? fmt.pass(ratio <= TARGET) : '—',
  ];
});
console.log(
  markdownTable(
    ['case', 'quizdeck median ms', 'node -e 0 median ms', 'ratio', 'peak RSS MB (quizdeck / node)', 'target', 'result'],
    rows,
  ),
);
if (rows.some((r) => r.at(-1) === 'FAIL')) process.exitCode = 1;
