// Shared helpers for bench/*.bench.mjs: timing child processes, peak RSS, synthetic decks,
// Markdown tables. Plain Node ESM with no dependencies, so a bench runs without a build step
// of its own (it measures the built dist/ through bin/quizdeck.js).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Generated decks and schemas live here (gitignored). */
export const OUT_DIR = join(ROOT, 'bench', 'out');
export const QUIZDECK = join(ROOT, 'bin', 'quizdeck.js');

// GNU time prints the child's peak RSS (ru_maxrss, KiB) with -f %M; it is the cheapest honest
// measure, since Node cannot read a child's rusage itself.
const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true']).status === 0;

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs `command args` once and resolves with its wall time in ms, exit code and output.
 * Timing covers spawn to exit, as a user at a shell would see it.
 */
export function runOnce(command, args, { cwd = ROOT, env = process.env } = {}) {
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      resolvePromise({ ms, code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() });
    });
  });
}

/**
 * Peak RSS of one run of `command args`, in MB. Uses GNU time when present; otherwise polls
 * VmHWM (the kernel's own high-water mark) in /proc until the child exits, which can miss
 * growth in the last few milliseconds but never over-reports.
 */
export async function peakRssMb(command, args, options = {}) {
  if (hasGnuTime) {
    const marker = '__PEAK_RSS_KB__';
    const result = await runOnce(GNU_TIME, ['-f', `${marker}%M`, command, ...args], options);
    const match = new RegExp(`${marker}(\\d+)`).exec(result.stderr);
    if (!match) throw new Error(`no RSS from ${GNU_TIME}: ${result.stderr.slice(-300)}`);
    return { ...result, mb: Number(match[1]) / 1024, stderr: result.stderr.replace(match[0], '') };
  }
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peakKb = 0;
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // The child exited between polls.
      }
    }, 2);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      resolvePromise({
        ms,
        mb: peakKb / 1024,
        code,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
      });
    });
  });
}

/**
 * Measures several commands against each other, `runs` timed runs each, interleaved A B A B ...
 * so drift from other load on the machine hits every command alike. Each case is
 * `{ name, command, args, expectCode }`; a run with another exit code throws, since timing a
 * failure would be meaningless. With `warmup` (the default) each command first runs once
 * untimed, under GNU time for its peak RSS; without it (for runs of many seconds, where a
 * warm-up would only cost time) every timed run goes through GNU time and the peak is the
 * highest seen.
 */
export async function compare(cases, { runs = 5, warmup = true } = {}) {
  const results = new Map(cases.map((c) => [c.name, { name: c.name, times: [], rssMb: 0 }]));
  if (warmup) {
    for (const c of cases) results.get(c.name).rssMb = (await checked(c, () => peakRssMb(c.command, c.args, c))).mb;
  }
  for (let i = 0; i < runs; i++) {
    for (const c of cases) {
      const result = results.get(c.name);
      const run = await checked(c, () => (warmup ? runOnce(c.command, c.args, c) : peakRssMb(c.command, c.args, c)));
      result.times.push(run.ms);
      if (!warmup) result.rssMb = Math.max(result.rssMb, run.mb);
    }
  }
  for (const r of results.values()) r.medianMs = median(r.times);
  return results;
}

// One retry: in a shared tree another `tsup` may be rewriting dist/ at that moment.
async function checked(c, run) {
  const first = await run();
  if (first.code === (c.expectCode ?? 0)) return first;
  process.stderr.write(`bench: ${c.name} exited with ${first.code}; running it once more\n`);
  const second = await run();
  checkExit(c, second);
  return second;
}

function checkExit(c, run) {
  const expected = c.expectCode ?? 0;
  if (run.code !== expected) {
    throw new Error(
      `${c.name}: exit code ${run.code}, expected ${expected}\n${run.stdout.slice(0, 500)}${run.stderr.slice(0, 500)}`,
    );
  }
}

const TOPICS = [
  'kernel',
  'scheduler',
  'memory',
  'paging',
  'interrupt',
  'driver',
  'network',
  'storage',
  'boot',
  'cache',
];

/** The YAML text of one synthetic card; `i` picks its type, so a deck cycles through all four. */
export function syntheticCard(i) {
  const topic = TOPICS[i % TOPICS.length];
  const tags = `    tags: [${topic}, set-${i % 7}]\n`;
  switch (i % 4) {
    case 0:
      return `  - id: card-${i}\n    section: part-${i % 13}\n${tags}    q: What does component number ${i} of the ${topic} subsystem do?\n    a: It handles request class ${i * 7}\n    accept: [request class ${i * 7}, class ${i * 7}]\n    why: The reference manual describes component ${i} in its ${topic} chapter.\n`;
    case 1:
      return `  - id: card-${i}\n    type: choice\n${tags}    q: Which value belongs to ${topic} item ${i}?\n    choices: [alpha ${i}, beta ${i}, gamma ${i}, delta ${i}]\n    answer: gamma ${i}\n`;
    case 2:
      return `  - id: card-${i}\n    type: truefalse\n${tags}    q: The ${topic} table entry ${i} is always writable.\n    answer: ${i % 3 === 0}\n    why: Entry ${i} follows the general rule for the ${topic} table.\n`;
    default:
      return `  - id: card-${i}\n    type: cloze\n${tags}    text: The ${topic} path number ${i} ends in {{stage ${i}::a stage}} after {{step ${i * 3}}}.\n`;
  }
}

/** A valid deck of `cards` cards (no errors, no warnings), as YAML text. */
export function syntheticDeck(cards) {
  const parts = [
    `deck: bench-${cards}\ntitle: Synthetic benchmark deck of ${cards} cards\nlang: en\ntags: [bench]\ncards:\n`,
  ];
  for (let i = 0; i < cards; i++) parts.push(syntheticCard(i));
  return parts.join('');
}

/** Writes (or reuses) bench/out/deck-<cards>.yaml and returns its path. */
export function writeSyntheticDeck(cards) {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, `deck-${cards}.yaml`);
  const text = syntheticDeck(cards);
  if (!existsSync(file) || statSync(file).size !== Buffer.byteLength(text) || readFileSync(file, 'utf8') !== text)
    writeFileSync(file, text);
  return file;
}

/** A deck of one card with `keys` unknown keys besides its own (each one a problem to report). */
export function manyKeysDeck(keys) {
  const parts = [
    `deck: keys-${keys}\ntitle: One card with ${keys} unknown keys\ncards:\n  - id: one\n    q: What is this card?\n    a: A card with many keys\n`,
  ];
  for (let i = 0; i < keys; i++) parts.push(`    extra-${i}: value ${i}\n`);
  return parts.join('');
}

/** A valid deck of one card whose question holds a single word of `bytes` letters (no space to wrap at). */
export function longWordDeck(bytes) {
  return `deck: word-${bytes}\ntitle: One word of ${bytes} bytes\ncards:\n  - id: one\n    q: Spell ${'x'.repeat(bytes)}?\n    a: yes\n`;
}

/** Writes (or reuses) bench/out/<name> with `text` and returns its path. */
export function writeBenchFile(name, text) {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, name);
  if (!existsSync(file) || statSync(file).size !== Buffer.byteLength(text) || readFileSync(file, 'utf8') !== text)
    writeFileSync(file, text);
  return file;
}

export function markdownTable(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export const fmt = {
  ms: (n) => n.toFixed(n < 100 ? 1 : 0),
  ratio: (n) => `${n.toFixed(2)}×`,
  mb: (n) => n.toFixed(0),
  pass: (ok) => (ok ? 'pass' : 'FAIL'),
};
