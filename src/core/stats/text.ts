import { displayWidth, padEndDisplay, wrapText } from '../text.js';
import { plainChartPaint, type ChartPaint } from '../paint.js';
import { heatWeeks, monthStarting, niceMax } from './charts.js';
import { ENGLISH, type Messages } from '../messages/index.js';
import type { StatsStrings } from '../messages/types.js';
import type { DeckStats, Retention, StatsReport, StatusCounts } from './model.js';
import { HEATMAP_WEEKS } from './report.js';

/**
 * The terminal screen of `stats`. Colour comes in as `paint` (the shell builds it from chalk);
 * without colour the heatmap uses shade characters, so it reads the same in a pipe or a log.
 */
/** Text without colour: the stats report in a pipe and in tests. */
export const PLAIN: ChartPaint = plainChartPaint;

const SHADES = ['·', '░', '▒', '▓', '█'];
const EIGHTHS = ['', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** `messages`: the screen's language (English by default). */
export function renderStatsText(
  report: StatsReport,
  options: { columns: number; paint?: ChartPaint; messages?: Messages },
): string {
  const paint = options.paint ?? PLAIN;
  const m = options.messages ?? ENGLISH;
  const L = m.stats;
  const width = Math.max(60, options.columns);
  // With one deck its rows are the total's: shown once.
  const all = report.decks.length === 1 ? report.decks : [...report.decks, report.total];
  // The charts and lists are for all the decks together: with one deck, they are its own.
  const total = report.decks.length === 1 ? report.decks[0]! : report.total;
  const out: string[] = [];
  out.push(
    paint.bold(`${L.title} · ${L.decks(report.decks.length)} · ${L.studyDay(report.today.date, report.dayStartHour)}`),
    '',
  );
  out.push(...countsTable(L.items, all, (d) => d.items, paint, L), '');
  out.push(...countsTable(L.cards, all, (d) => d.cards, paint, L));
  out.push(...note(L.countsNote, width, paint));
  for (const d of report.decks) if (d.removed > 0) out.push(paint.dim(L.removed(d.id!, d.removed)));
  out.push('');
  out.push(...heatmap(total, width, paint, L), '');
  out.push(...forecast(total, width, paint, L), '');
  out.push(...retentionTable(all, paint, L), '');
  out.push(...calibration(all, total, width, paint, L), '');
  out.push(...hardest(total, width, paint, L, m.intervals), '');
  out.push(...quiz(total, width, paint, L));
  return `${out.join('\n').replace(/[ \t]+$/gm, '')}\n`;
}

/** Rows of cells, left column left-aligned, the others right-aligned, two spaces apart. */
function table(rows: string[][], header = true, paint: ChartPaint = PLAIN): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  return rows.map((r, n) => {
    const line = r
      .map((c, i) => (i === 0 ? padEndDisplay(c, widths[i]!) : ' '.repeat(widths[i]! - displayWidth(c)) + c))
      .join('  ');
    return header && n === 0 ? paint.dim(line) : line;
  });
}

const name = (d: DeckStats, L: StatsStrings) => d.id ?? L.total;

function countsTable(
  title: string,
  decks: DeckStats[],
  pick: (d: DeckStats) => StatusCounts,
  paint: ChartPaint,
  L: StatsStrings,
): string[] {
  const keys = ['new', 'learning', 'young', 'mature', 'leeches', 'total'] as const;
  const rows = [
    [title, ...keys.map((k) => L.statuses[k])],
    ...decks.map((d) => [name(d, L), ...keys.map((k) => group(pick(d)[k]))]),
  ];
  // The title cell is a heading, the column names dim: the header row is painted in two parts.
  const plain = table(rows, false);
  return [paint.bold(title) + paint.dim(plain[0]!.slice(title.length)), ...plain.slice(1)];
}

function heatmap(d: DeckStats, width: number, paint: ChartPaint, L: StatsStrings): string[] {
  const a = d.activity;
  const weeks = heatWeeks(a.heatmap.from, a.heatmap.counts);
  const cell = (level: number) =>
    paint.colour ? (level === 0 ? paint.dim('·') : paint.heat(level, '■')) : SHADES[level]!;
  const lines = headingWith(
    L.of(L.heatmap(HEATMAP_WEEKS), name(d, L)),
    L.streak(a.streak.current, a.streak.longest),
    width,
    paint,
  );
  // Padded by display width: Chinese month names are wider than their length.
  let months = '';
  weeks.forEach((w, i) => {
    const month = monthStarting(w);
    if (month !== null && displayWidth(months) <= i * 2) months = padEndDisplay(months, i * 2) + L.months[month];
  });
  lines.push(`     ${months}`);
  for (let row = 0; row < 7; row++) {
    const cells = weeks.map((w) => (w[row] ? cell(w[row]!.level) : ' ')).join(' ');
    lines.push(`${padEndDisplay(L.weekdays[row] ?? '', 4)} ${cells}`);
  }
  const legend = [0, 1, 2, 3, 4].map(cell).join(' ');
  lines.push(
    `     ${L.less} ${legend} ${L.more}   ${L.perDay(a.reviews.today, decimal(a.reviews.perDay), decimal(a.reviews.perStudiedDay))}`,
  );
  return lines;
}

function forecast(d: DeckStats, width: number, paint: ChartPaint, L: StatsStrings): string[] {
  const f = d.forecast;
  const sum = f.reduce((a, b) => a + b, 0);
  const week = f.slice(0, 7).reduce((a, b) => a + b, 0);
  const lines = headingWith(
    L.of(L.forecast(f.length), name(d, L)),
    L.forecastSummary(sum, f[0] ?? 0, week),
    width,
    paint,
  );
  const top = niceMax(Math.max(...f));
  const height = 6;
  const label = String(top).length;
  for (let row = height - 1; row >= 0; row--) {
    const bars = f.map((n) => {
      const eighths = Math.round((n / top) * height * 8) - row * 8;
      return eighths <= 0 ? (n > 0 && row === 0 ? '▁' : ' ') : EIGHTHS[Math.min(8, eighths)]!;
    });
    const axis = row === height - 1 ? String(top).padStart(label) : row === 0 ? '0'.padStart(label) : ' '.repeat(label);
    lines.push(`${axis} ┤${paint.accent(bars.join(' '))}`);
  }
  const marks = f.map((_, k) => k).filter((k) => k % 7 === 0);
  let axisLine = ' '.repeat(label + 2);
  for (const k of marks) axisLine = padEndDisplay(axisLine, label + 2 + k * 2) + (k === 0 ? L.today : `+${k}`);
  lines.push(`${' '.repeat(label)} └${'─'.repeat(f.length * 2 - 1)}`, axisLine);
  return lines;
}

function percent(r: Retention): string {
  return r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}% (${group(r.reviews)})`;
}

function retentionTable(decks: DeckStats[], paint: ChartPaint, L: StatsStrings): string[] {
  const rows = [
    ['', ...L.retentionColumns],
    ...decks.map((d) => [
      name(d, L),
      percent(d.retention.last7),
      percent(d.retention.last30),
      percent(d.retention.last365),
      `${Math.round(d.retention.desired * 100)}%`,
    ]),
  ];
  return [paint.bold(L.retention), ...table(rows, true, paint)];
}

function calibration(
  decks: DeckStats[],
  total: DeckStats,
  width: number,
  paint: ChartPaint,
  L: StatsStrings,
): string[] {
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
  const num = (x: number | null) => (x === null ? '—' : x.toFixed(4));
  const rows = [
    ['', ...L.calibrationColumns],
    ...decks.map((d) => [
      name(d, L),
      group(d.calibration.reviews),
      pct(d.calibration.predicted),
      pct(d.calibration.actual),
      num(d.calibration.rmseBins),
      num(d.calibration.logLoss),
    ]),
  ];
  const lines = [paint.bold(L.calibration), ...note(L.calibrationNote, width, paint), ...table(rows, true, paint)];
  const fitted = decks.filter((d) => d.id !== null && d.parameters === 'fitted').map((d) => d.id!);
  if (fitted.length > 0)
    lines.push(
      ...note(
        L.parameters(
          fitted,
          decks.filter((d) => d.id !== null && d.parameters === 'default').map((d) => d.id!),
        ),
        width,
        paint,
      ),
    );
  const bins = total.calibration.bins;
  if (bins.length > 0) {
    lines.push('');
    const binRows = [
      L.binColumns.slice(),
      ...bins.map((b) => [
        `${Math.round(b.from * 100)}–${Math.round(b.to * 100)}%`,
        group(b.count),
        pct(b.predicted),
        pct(b.actual),
      ]),
    ];
    const body = table(binRows, true, paint);
    lines.push(
      ...body.map((line, i) => {
        if (i === 0) return `  ${line}`;
        const b = bins[i - 1]!;
        const off = b.actual - b.predicted;
        const mark =
          Math.abs(off) < 0.02
            ? paint.ok('✓')
            : off < 0
              ? paint.error(`▼ ${(off * 100).toFixed(1)}`)
              : paint.error(`▲ +${(off * 100).toFixed(1)}`);
        return `  ${line}  ${mark}`;
      }),
    );
  }
  return lines;
}

function hardest(
  d: DeckStats,
  width: number,
  paint: ChartPaint,
  L: StatsStrings,
  units: Messages['intervals'],
): string[] {
  if (d.hardest.length === 0) return [paint.bold(L.hardest), paint.dim(L.none)];
  const rows = [
    L.hardestColumns.slice(0, 3),
    ...d.hardest.map((h) => [
      `${h.lapses}${h.leech ? ` ${L.leech}` : ''}`,
      stability(h.stability, units),
      `${h.deck}/${h.key}`,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i]!))));
  const lines = [paint.bold(L.hardest)];
  rows.forEach((r, n) => {
    const head = `  ${padStartDisplay(r[0]!, widths[0]!)}  ${padStartDisplay(r[1]!, widths[1]!)}  ${padEndDisplay(r[2]!, widths[2]!)}  `;
    const q = n === 0 ? L.hardestColumns[3]! : (d.hardest[n - 1]!.question ?? L.gone);
    const text = n === 0 && width - displayWidth(head) < 30 ? head.trimEnd() : withQuestion(head, q, width);
    lines.push(
      n === 0
        ? paint.dim(text)
        : d.hardest[n - 1]!.leech
          ? text.replace(` ${L.leech}`, ` ${paint.error(L.leech)}`)
          : text,
    );
  });
  return lines;
}

function quiz(d: DeckStats, width: number, paint: ChartPaint, L: StatsStrings): string[] {
  const q = d.quiz;
  if (q.attempts === 0) return [paint.bold(L.quiz(0)), paint.dim(L.noQuizzes)];
  const trend = (t: number | null) =>
    t === null ? '—' : t > 0 ? paint.ok(`▲ +${t}`) : t < 0 ? paint.error(`▼ ${t}`) : '→ 0';
  const rows = [
    L.quizColumns.slice(),
    ...q.sections.map((s) => [
      `${s.deck} · ${s.section ?? L.noSection}`,
      String(s.attempts),
      s.last.map((x) => `${x.percent}%`).join(' '),
      trend(s.trend),
    ]),
  ];
  const lines = [paint.bold(L.quiz(q.attempts)), ...table(rows, true, paint).map((l) => `  ${l}`)];
  if (q.missed.length > 0) {
    lines.push('', paint.bold(L.missed));
    const heads = q.missed.map((m) => [L.missedOf(m.missed, m.asked), `${m.deck}/${m.key}`]);
    const w0 = Math.max(...heads.map((h) => displayWidth(h[0]!)));
    const w1 = Math.max(...heads.map((h) => displayWidth(h[1]!)));
    q.missed.forEach((m, i) => {
      const head = `  ${padStartDisplay(heads[i]![0]!, w0)}  ${padEndDisplay(heads[i]![1]!, w1)}  `;
      lines.push(withQuestion(head, m.question ?? L.gone, width));
    });
  }
  return lines;
}

/** A row and its question: on the same line when 30 columns are left for it, else on the next. */
function withQuestion(head: string, question: string, width: number): string {
  const room = width - displayWidth(head);
  return room >= 30
    ? `${head}${truncate(question, room)}`
    : `${head.trimEnd()}\n      ${truncate(question, width - 6)}`;
}

/** A heading and what sums it up, on one line when they fit, else the summary on the next. */
function headingWith(title: string, summary: string, width: number, paint: ChartPaint): string[] {
  return displayWidth(title) + 2 + displayWidth(summary) <= width
    ? [`${paint.bold(title)}  ${summary}`]
    : [paint.bold(title), summary];
}

function note(text: string, width: number, paint: ChartPaint): string[] {
  return wrapText(text, width).map((line) => paint.dim(line));
}

function stability(days: number, units: Messages['intervals']): string {
  if (days < 1) return `${(days * 24).toFixed(1)}${units.h}`;
  if (days < 100) return `${days.toFixed(1)}${units.d}`;
  return `${Math.round(days)}${units.d}`;
}

function padStartDisplay(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** Cut to `width` columns by display width, with an ellipsis when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/** 12,345: thousands grouped by hand (toLocaleString loads ICU's number formats: 50 ms at launch). */
function group(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function decimal(n: number): string {
  return n.toFixed(1);
}
