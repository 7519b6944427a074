// `quizdeck print`: a 10k-question HTML sheet against parsing the same deck alone (yaml's bare
// parseDocument, bench/parse-document.mjs; `quizdeck validate` shown too, as the loading cost
// print shares with every command), and a 100-question PDF through the system's Chromium.
// Each case runs as a child process on the same file in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { delimiter, join } from 'node:path';
import { compare, fmt, markdownTable, median, OUT_DIR, QUIZDECK, ROOT, runOnce, writeSyntheticDeck } from './lib.mjs';

const HTML_TARGET = 1.5;
const PDF_TARGET_MS = 5000;
const PARSE_DOCUMENT = join(ROOT, 'bench', 'parse-document.mjs');

let failed = false;
const rows = [];
const loadBefore = loadavg()[0];

// 10k cards of the four types cycling give 10k questions (a cloze card is one question).
const deck10k = writeSyntheticDeck(10_000);
const html = join(OUT_DIR, 'print-10k.html');
const results = await compare(
  [
    {
      name: 'print',
      command: process.execPath,
      args: [QUIZDECK, 'print', deck10k, '--format', 'html', '--seed', '1', '-o', html],
    },
    { name: 'parseDocument', command: process.execPath, args: [PARSE_DOCUMENT, deck10k] },
    { name: 'validate', command: process.execPath, args: [QUIZDECK, 'validate', deck10k] },
  ],
  { runs: 5 },
);
const questions = (readFileSync(html, 'utf8').match(/<li class="q q-/g) ?? []).length;
if (questions !== 10_000) throw new Error(`expected 10000 questions in ${html}, found ${questions}`);
const print = results.get('print');
for (const [baseline, target] of [
  ['parseDocument', HTML_TARGET],
  ['validate', undefined],
]) {
  const base = results.get(baseline);
  const ratio = print.medianMs / base.medianMs;
  const ok = target === undefined ? undefined : ratio <= target;
  if (ok === false) failed = true;
  rows.push([
    `print 10k questions to HTML vs ${baseline}`,
    fmt.ms(print.medianMs),
    fmt.ms(base.medianMs),
    fmt.ratio(ratio),
    `${fmt.mb(print.rssMb)} / ${fmt.mb(base.rssMb)}`,
    target === undefined ? '—' : `≤ ${fmt.ratio(target)}`,
    ok === undefined ? '—' : fmt.pass(ok),
  ]);
}

// PDF: median wall time of whole runs (browser start included), as a user waits for it.
const browser = findBrowser();
if (browser === undefined) {
  rows.push([
    'PDF of 100 questions',
    'skipped: no chromium/chrome on PATH or CHROME_PATH',
    '',
    '',
    '',
    `≤ ${PDF_TARGET_MS / 1000} s`,
    '—',
  ]);
} else {
  const deck100 = writeSyntheticDeck(100);
  const pdf = join(OUT_DIR, 'print-100.pdf');
  const html100 = join(OUT_DIR, 'print-100.html');
  const cliPdf = join(OUT_DIR, 'print-100-cli.pdf');
  spawnSync(process.execPath, [QUIZDECK, 'print', deck100, '--seed', '1', '-o', html100]);
  // Baseline: the browser alone printing the same sheet from its own command line (fresh
  // profile each time, same flags), which shows how much of the time is the browser's start.
  const profile = join(OUT_DIR, 'chrome-profile');
  const flags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-pdf-header-footer',
  ];
  const quizdeckTimes = [];
  const browserTimes = [];
  for (let i = 0; i < 4; i++) {
    rmSync(pdf, { force: true });
    const run = await runOnce(process.execPath, [
      QUIZDECK,
      'print',
      deck100,
      '--seed',
      '1',
      '-o',
      pdf,
      '--browser',
      browser,
    ]);
    if (run.code !== 0 || !existsSync(pdf)) throw new Error(`PDF run failed: ${run.stderr}`);
    rmSync(profile, { recursive: true, force: true });
    const alone = await runOnce(browser, [
      ...flags,
      `--user-data-dir=${profile}`,
      `--print-to-pdf=${cliPdf}`,
      `file://${html100}`,
    ]);
    if (alone.code !== 0) throw new Error(`${browser} --print-to-pdf failed: ${alone.stderr.slice(-300)}`);
    // The first round warms the disk cache for both.
    if (i > 0) {
      quizdeckTimes.push(run.ms);
      browserTimes.push(alone.ms);
    }
  }
  rmSync(profile, { recursive: true, force: true });
  const ms = median(quizdeckTimes);
  const base = median(browserTimes);
  const ok = ms <= PDF_TARGET_MS;
  if (!ok) failed = true;
  rows.push([
    'PDF of 100 questions vs chromium --print-to-pdf alone',
    fmt.ms(ms),
    fmt.ms(base),
    fmt.ratio(ms / base),
    '—',
    `≤ ${PDF_TARGET_MS / 1000} s`,
    fmt.pass(ok),
  ]);
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
// Absolute times (the PDF target) depend on what else the machine is doing; say how busy it was.
console.log(
  `\nLoad average (1 min): ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end, on ${cpus().length} cores.`,
);
if (failed) process.exitCode = 1;

function findBrowser() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'])
    for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean))
      if (existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

// The sheet is deterministic, so the bench also checks that two runs give the same bytes.
const again = spawnSync(process.execPath, [QUIZDECK, 'print', deck10k, '--format', 'html', '--seed', '1'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (again.stdout !== readFileSync(html, 'utf8'))
  throw new Error('print is not deterministic: two runs with --seed 1 differ');
