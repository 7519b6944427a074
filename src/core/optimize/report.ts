import type { Messages } from '../messages/index.js';
import { neutralizeLine } from '../text.js';
import type { Evaluation } from './metrics.js';
import { EQUAL_COST, LOSS_AVERSION } from './simulate.js';
import { ALL_DECKS, type FitGroup } from './plan.js';

/** What `quizdeck optimize` found for one group of decks. */
export type GroupOutcome =
  | {
      kind: 'fitted';
      group: FitGroup;
      trainedOn: number;
      fitted: Evaluation;
      defaults: Evaluation;
      adopted: boolean;
      weights: number[];
    }
  | { kind: 'untestable'; group: FitGroup; reason: string };

/** Deck ids come from the database: neutralised, like every string a file gave. */
export const groupName = (group: FitGroup) => (group.key === ALL_DECKS ? 'all decks' : neutralizeLine(group.key));

const fixed = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : '—');
const percent = (n: number) => (Number.isFinite(n) ? `${(n * 100).toFixed(1)}%` : '—');
const count = (n: number) => n.toLocaleString('en-US');

/** The comparison table and, below it, what was done; plain text, one group per line. */
export function formatOutcomes(outcomes: readonly GroupOutcome[], options: { dryRun: boolean }): string {
  const lines: string[] = [];
  const width = Math.max(10, ...outcomes.map((o) => groupName(o.group).length));
  lines.push(`${'parameters'.padEnd(width)}  fitted on  tested on   log loss          RMSE(bins)`);
  lines.push(`${''.padEnd(width)}  (earlier)  (later)     default → fitted  default → fitted`);
  for (const o of outcomes) {
    const name = groupName(o.group).padEnd(width);
    if (o.kind === 'untestable') {
      lines.push(`${name}  ${o.reason}`);
      continue;
    }
    const loss = `${fixed(o.defaults.logLoss)} → ${fixed(o.fitted.logLoss)}`;
    const rmse = `${percent(o.defaults.rmseBins)} → ${percent(o.fitted.rmseBins)}`;
    lines.push(
      `${name}  ${count(o.trainedOn).padStart(9)}  ${count(o.fitted.reviews).padStart(9)}   ${loss.padEnd(16)}  ${rmse}`,
    );
  }
  lines.push('');
  for (const o of outcomes) {
    if (o.kind !== 'fitted') continue;
    const users = o.group.key === ALL_DECKS ? ` (used by ${o.group.usedBy.map(neutralizeLine).join(', ')})` : '';
    const better = o.adopted;
    const verdict = better
      ? options.dryRun
        ? 'better than the defaults: would be adopted (--dry-run: nothing saved)'
        : 'better than the defaults: adopted, study uses them from now on'
      : 'not better than the defaults: not adopted';
    lines.push(`${groupName(o.group)}${users}: ${verdict}.`);
  }
  return `${lines.join('\n')}\n`;
}

/** A suggested retention for one group, beside the default's cost. */
export interface SuggestionLine {
  group: FitGroup;
  /** The suggestion's seconds per item remembered, and those at the default retention. */
  retention: number;
  secondsPerRemembered: number;
  defaultRetention: number;
  defaultSecondsPerRemembered: number;
}

/** One line per group, then one line on how they were found and how to adopt one. */
export function formatSuggestions(
  lines: readonly SuggestionLine[],
  settings: { days: number; newPerDay: number; reviewsPerDay: number },
  m: Messages,
): string {
  if (lines.length === 0) return '';
  const out = lines.map((line) => {
    const name = line.group.key === ALL_DECKS ? m.optimize.allDecks : neutralizeLine(line.group.key);
    const extra = Math.max(0, Math.round((line.defaultSecondsPerRemembered / line.secondsPerRemembered - 1) * 100));
    return m.optimize.suggestion(
      name,
      line.retention.toFixed(2),
      line.defaultRetention.toFixed(2),
      line.retention === line.defaultRetention ? 0 : extra,
    );
  });
  out.push(
    m.optimize.suggestionNote({
      ...settings,
      within: Math.round(EQUAL_COST * 100),
      lossAversion: LOSS_AVERSION,
      example: lines[0]!.retention.toFixed(2),
    }),
  );
  return `\n${out.join('\n')}\n`;
}
