import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runOptimize } from '../../src/commands/optimize.js';
import { buildHistories, itemsOf } from '../../src/core/optimize/history.js';
import { evaluateWeights } from '../../src/core/optimize/metrics.js';
import { DEFAULT_WEIGHTS } from '../../src/core/schedule/fsrs.js';
import { UTC_DAY_RULE } from '../../src/core/schedule/day.js';
import { openDatabase } from '../../src/io/db.js';
import { loadParameters, readReviewLog } from '../../src/io/parametersStore.js';
import { loadOptimizer } from '../../src/io/optimizer.js';
import { UsageError } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { insertReviews, simulateLog, TRUE_WEIGHTS, type SimulatedRow } from './simulate.mjs';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function dbWith(rows: readonly SimulatedRow[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'quizdeck-optimize-'));
  dirs.push(dir);
  const path = join(dir, 'q.db');
  const db = openDatabase(path);
  insertReviews(db, rows);
  db.close();
  return path;
}
const storedIn = (path: string) => {
  const db = openDatabase(path, { readonly: true })!;
  try {
    return loadParameters(db);
  } finally {
    db.close();
  }
};
async function optimize(path: string, options: Record<string, unknown> = {}, deps: Record<string, unknown> = {}) {
  let out = '';
  await runOptimize(
    { db: path, ...options },
    { out: (s) => void (out += s), clock: { now: () => Date.UTC(2027, 0, 1), utcOffsetMinutes: () => 0 }, ...deps },
  );
  return out;
}

// A learner whose recall follows FSRS-6 with TRUE_WEIGHTS, for 150 days, 12 new items a day.
const LOG = simulateLog({ days: 150, newPerDay: 12, seed: 7 });

describe('quizdeck optimize on a synthetic learner', { timeout: 60_000 }, () => {
  it('fits parameters that predict the held-out later reviews better than the defaults, and adopts them', async () => {
    const path = dbWith(LOG);
    const out = await optimize(path);
    expect(out).toMatch(/Fitting FSRS-6 to [\d,]+ reviews of 1 deck/);
    expect(out).toContain('sim: better than the defaults: adopted, study uses them from now on.');
    const line = out.match(/\nsim .*/)![0];
    const losses = line.match(/(\d\.\d{3}) → (\d\.\d{3})/)!;
    expect(Number(losses[2])).toBeLessThan(Number(losses[1]));
    const stored = storedIn(path);
    expect([...stored.keys()]).toEqual(['sim']);
    expect(stored.get('sim')).toHaveLength(21);

    // The stored row's own numbers: log loss on the held-out reviews, lower than the defaults'.
    const db = openDatabase(path, { readonly: true })!;
    const row = db
      .prepare('SELECT log_loss, default_log_loss, rmse, default_rmse, reviews FROM fsrs_parameters')
      .get() as { log_loss: number; default_log_loss: number; reviews: number };
    db.close();
    expect(row.log_loss).toBeLessThan(row.default_log_loss);
    expect(row.reviews).toBe(LOG.length);

    // Over the whole log too, the fitted parameters are closer to the truth than the defaults.
    const reading = openDatabase(path, { readonly: true })!;
    const cards = buildHistories(readReviewLog(reading), UTC_DAY_RULE);
    reading.close();
    const all = itemsOf(cards);
    const truth = evaluateWeights(cards, all, TRUE_WEIGHTS);
    const fitted = evaluateWeights(cards, all, stored.get('sim')!);
    const defaults = evaluateWeights(cards, all, DEFAULT_WEIGHTS);
    expect(fitted.logLoss).toBeLessThan(defaults.logLoss);
    expect(fitted.logLoss - truth.logLoss).toBeLessThan((defaults.logLoss - truth.logLoss) / 2);
  });

  it('--dry-run shows the comparison and saves nothing', async () => {
    const path = dbWith(LOG);
    const out = await optimize(path, { dryRun: true });
    expect(out).toContain('sim: better than the defaults: would be adopted (--dry-run: nothing saved).');
    expect(storedIn(path).size).toBe(0);
  });

  it('suggests the desired retention with the least time per item remembered, and saves none', async () => {
    const path = dbWith(LOG);
    const out = await optimize(path);
    const suggested = out.match(
      /\nsim: suggested desired retention (0\.\d\d)(?: \(0\.90 costs (\d+)% more per item remembered\))?\.\n/,
    )!;
    expect(suggested).not.toBeNull();
    expect(Number(suggested[1])).toBeGreaterThanOrEqual(0.7);
    expect(Number(suggested[1])).toBeLessThanOrEqual(0.95);
    expect(out).toContain(
      `Not saved: to study with it, pass it to study, e.g. quizdeck study --retention ${suggested[1]}.\n`,
    );
    // The same suggestion again (seeded), in --dry-run too, and in Chinese on request.
    expect(await optimize(path, { dryRun: true })).toContain(suggested[0]);
    const zh = await optimize(path, { dryRun: true, lang: 'zh' });
    expect(zh).toContain(`sim：建议的期望记忆保留率为 ${suggested[1]}`);
    expect(zh).toContain(`例如 quizdeck study --retention ${suggested[1]}。`);
    // Nothing stores a retention: the only table optimize writes holds the parameters.
    const db = openDatabase(path, { readonly: true })!;
    const columns = (
      db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('fsrs_parameters') as string[]
    ).join(',');
    db.close();
    expect(columns).not.toMatch(/retention/);
  });

  it('--reset removes the adopted parameters', async () => {
    const path = dbWith(LOG);
    await optimize(path);
    expect(storedIn(path).size).toBe(1);
    expect(await optimize(path, { reset: true })).toBe(
      "Removed 1 set of fitted parameters: study uses FSRS's default parameters again.\n",
    );
    expect(storedIn(path).size).toBe(0);
    expect(await optimize(path, { reset: true })).toContain('study already uses');
  });

  it('fits a deck with too few reviews together with all decks, and keeps the defaults below the minimum overall', async () => {
    const small = simulateLog({ decks: ['tiny'], days: 20, newPerDay: 2, seed: 3 });
    expect(small.length).toBeLessThan(400);
    const path = dbWith([...LOG, ...small]);
    const out = await optimize(path);
    expect(out).toMatch(/tiny: \d+ reviews, fewer than 400: uses the parameters of all decks together\./);
    expect(out).toContain('all decks (used by tiny): better than the defaults: adopted');
    expect([...storedIn(path).keys()].sort()).toEqual(['*', 'sim']);

    const onlySmall = dbWith(small);
    const few = await optimize(onlySmall, {}, { loadBinding: () => Promise.reject(new Error('not needed')) });
    expect(few).toMatch(
      /^\d+ reviews in .*, fewer than the 400 needed to fit parameters: FSRS's default parameters stay/,
    );
    expect(storedIn(onlySmall).size).toBe(0);
  });

  it('fits each deck as it would be fitted alone, whichever deck is read first', async () => {
    // "a" is read first and is big enough for parameters of its own: it is fitted while "b"
    // is read; the pipeline must neither mix the decks' items nor reorder the groups.
    const two = simulateLog({ decks: ['a', 'b'], days: 90, newPerDay: 8, seed: 11 });
    const line = (out: string, deck: string) => out.match(new RegExp(`\\n${deck} +[\\d,]+ .*`))![0];
    const both = await optimize(dbWith(two), { dryRun: true });
    expect(both).toMatch(/Fitting FSRS-6 to [\d,]+ reviews of 2 decks/);
    expect(both.indexOf(line(both, 'a'))).toBeLessThan(both.indexOf(line(both, 'b')));
    for (const deck of ['a', 'b']) {
      const alone = await optimize(dbWith(two.filter((row) => row[0] === deck)), { dryRun: true });
      expect(line(both, deck)).toBe(line(alone, deck));
    }

    // A first deck with too few reviews of its own: every deck is read before the first fit.
    const small = simulateLog({ decks: ['aaa'], days: 20, newPerDay: 2, seed: 3 });
    const out = await optimize(dbWith([...LOG, ...small]), { dryRun: true });
    expect(out).toMatch(/aaa: \d+ reviews, fewer than 400: uses the parameters of all decks together\./);
    expect(out.indexOf('\nsim ')).toBeLessThan(out.indexOf('\nall decks '));
    expect(out).toContain('all decks (used by aaa): better than the defaults: would be adopted');
  });

  it("keeps the defaults of a group whose fit fails, and still fits and saves the others'", async () => {
    const binding = await loadOptimizer();
    let fits = 0;
    const failingFirst = {
      ...binding,
      computeParameters: (...args: Parameters<typeof binding.computeParameters>) =>
        ++fits === 1 ? Promise.reject(new Error('out of memory')) : binding.computeParameters(...args),
    };
    const path = dbWith(simulateLog({ decks: ['a', 'b'], days: 90, newPerDay: 8, seed: 11 }));
    const out = await optimize(path, {}, { loadBinding: () => Promise.resolve(failingFirst) });
    expect(out).toMatch(/\na +the optimiser failed \(out of memory\): defaults kept\n/);
    expect(out).toContain('b: better than the defaults: adopted');
    expect([...storedIn(path).keys()]).toEqual(['b']);
  });

  it('neutralises deck ids from the database before printing them', async () => {
    const hostile = 'evil\u001b]0;pwned\u0007\nnext';
    const small = simulateLog({ decks: [hostile], days: 20, newPerDay: 2, seed: 3 });
    const out = await optimize(dbWith([...LOG, ...small]), { dryRun: true });
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(out).not.toContain('pwned\u0007');
    expect(out).toMatch(/evil.*pwned.*: \d+ reviews, fewer than 400/);
    expect(out).toMatch(/used by evil.*next\)/);
  });

  it('says in one sentence when the optimiser cannot be loaded', async () => {
    const path = dbWith(LOG);
    const failing = () =>
      Promise.reject(new Error('Cannot find native binding. npm has a bug related to optional dependencies\n  at ...'));
    const error = await optimize(path, {}, { loadBinding: failing }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(
      /^the FSRS optimiser \(@open-spaced-repetition\/binding\) cannot be loaded on \w+-\w+ with Node [\d.]+ \(Cannot find native binding\); reinstall quizdeck/,
    );
    expect((error as UsageError).message).not.toContain('\n');
    expect(storedIn(path).size).toBe(0);
  });

  it('the built CLI says so in one sentence when the native addon is missing (exit 2)', () => {
    const path = dbWith(LOG);
    // The binding's loader takes this path instead of its platform package: a missing addon.
    const result = runCli(['optimize', '--db', path], {
      env: { NAPI_RS_NATIVE_LIBRARY_PATH: join(tmpdir(), 'no-such-addon.node') },
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^quizdeck: the FSRS optimiser \(@open-spaced-repetition\/binding\) cannot be loaded on .* \(Cannot find native binding\); reinstall quizdeck with its optional dependencies \(npm install --include=optional\) — study keeps working with FSRS's default parameters\n$/,
    );
    expect(storedIn(path).size).toBe(0);
  });

  it('with no database says so and creates none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quizdeck-optimize-'));
    dirs.push(dir);
    const path = join(dir, 'none.db');
    expect(await optimize(path, { dryRun: true })).toContain('No reviews yet');
    expect(existsSync(path)).toBe(false);
  });
});
