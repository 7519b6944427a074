import { heatWeeks, monthStarting, niceMax } from './charts.js';
import { ENGLISH, type Messages } from '../messages/index.js';
import type { StatsStrings } from '../messages/types.js';
import type { Calibration, DeckStats, Retention, StatsReport, StatusCounts } from './model.js';
import { HEATMAP_WEEKS } from './report.js';

/**
 * The `--html` report: one self-contained file (inline CSS and SVG, no script, nothing fetched),
 * light or dark after the reader's setting, and printable (each section kept on a page).
 */

/** `messages`: the report's language (its words and `<html lang>`; English by default). */
export function renderStatsHtml(report: StatsReport, messages: Messages = ENGLISH): string {
  const L = messages.stats;
  const sections = [report.total, ...(report.decks.length > 1 ? report.decks : [])].map((d) => deckSection(d, L));
  return `<!doctype html>
<html lang="${messages.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${esc(L.title)} · ${esc(report.today.date)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(L.title)}</h1>
<p class="muted">${esc(L.decks(report.decks.length))} · ${esc(L.studyDay(report.today.date, report.dayStartHour))} · ${esc(L.html.generated(report.generatedAt))}</p>
</header>
${sections.join('\n')}
</body>
</html>
`;
}

const STYLE = `
:root { --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bar: #0969da; --good: #1a7f37; --bad: #cf222e;
  --h0: #ebedf0; --h1: #9be9a8; --h2: #40c463; --h3: #30a14e; --h4: #216e39; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --bar: #4493f8; --good: #3fb950; --bad: #f85149;
    --h0: #151b23; --h1: #033a16; --h2: #196c2e; --h3: #2ea043; --h4: #56d364; }
}
@media print {
  :root { --bg: #ffffff; --fg: #000000; --muted: #444444; --line: #999999; --bar: #333333; --h0: #eeeeee; --h1: #c6e48b; --h2: #7bc96f; --h3: #239a3b; --h4: #196127; }
  section, .block { break-inside: avoid; }
  section { break-before: page; }
  section:first-of-type { break-before: auto; }
}
html { background: var(--bg); color: var(--fg); }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 24px auto; max-width: 960px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 14px; margin: 18px 0 6px; }
.muted { color: var(--muted); }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 10px; border-bottom: 1px solid var(--line); text-align: right; }
th:first-child, td:first-child, td.text, th.text { text-align: left; }
td { white-space: nowrap; } td.text { white-space: normal; }
th { color: var(--muted); font-weight: 600; }
.grid { display: flex; flex-wrap: wrap; gap: 8px 40px; align-items: flex-start; }
svg text { fill: var(--muted); font-size: 10px; }
.h0 { fill: var(--h0); } .h1 { fill: var(--h1); } .h2 { fill: var(--h2); } .h3 { fill: var(--h3); } .h4 { fill: var(--h4); }
.bar { fill: var(--bar); } .axis { stroke: var(--line); } .diag { stroke: var(--muted); stroke-dasharray: 3 3; }
.dot { fill: var(--bar); fill-opacity: 0.7; } .good { color: var(--good); } .bad { color: var(--bad); }
.leech { color: var(--bad); font-weight: 600; }
`;

function deckSection(d: DeckStats, L: StatsStrings): string {
  const title = d.id === null ? L.total : L.of(d.title, d.id);
  return `<section>
<h2>${esc(title)}</h2>
<div class="grid">${countsTable(L.items, d.items, L)}${countsTable(L.cards, d.cards, L)}</div>
<p class="muted">${esc(L.countsNote)}</p>
<div class="block"><h3>${esc(L.heatmap(HEATMAP_WEEKS))}</h3>${heatmapSvg(d, L)}
<p>${esc(L.streak(d.activity.streak.current, d.activity.streak.longest))} · ${esc(L.perDay(d.activity.reviews.today, d.activity.reviews.perDay.toFixed(1), d.activity.reviews.perStudiedDay.toFixed(1)))}</p></div>
<div class="block"><h3>${esc(L.forecast(d.forecast.length))}</h3>${forecastSvg(d.forecast, L)}</div>
<div class="block"><h3>${esc(L.retention)}</h3>${retentionTable(d, L)}</div>
<div class="block"><h3>${esc(L.calibration)}</h3><p class="muted">${esc(L.calibrationNote)}${d.parameters === 'fitted' ? ` · ${esc(L.parameters([d.id ?? L.total], []))}` : ''}</p><div class="grid">${calibrationSvg(d.calibration, L)}${calibrationTable(d.calibration, L)}</div></div>
<div class="block"><h3>${esc(L.hardest)}</h3>${hardestTable(d, L)}</div>
<div class="block"><h3>${esc(L.quiz(d.quiz.attempts))}</h3>${quizTables(d, L)}</div>
</section>`;
}

function countsTable(title: string, c: StatusCounts, L: StatsStrings): string {
  const keys = ['new', 'learning', 'young', 'mature', 'leeches', 'total'] as const;
  return `<table><tr><th>${esc(title)}</th><th></th></tr>${keys.map((k) => `<tr><td>${esc(L.statuses[k])}</td><td>${c[k]}</td></tr>`).join('')}</table>`;
}

function heatmapSvg(d: DeckStats, L: StatsStrings): string {
  const weeks = heatWeeks(d.activity.heatmap.from, d.activity.heatmap.counts);
  const size = 12;
  const gap = 3;
  const left = 30;
  const top = 16;
  const cells: string[] = [];
  weeks.forEach((w, x) => {
    const m = monthStarting(w);
    if (m !== null) cells.push(`<text x="${left + x * (size + gap)}" y="10">${esc(L.months[m]!)}</text>`);
    w.forEach((c, y) => {
      cells.push(
        `<rect class="h${c.level}" x="${left + x * (size + gap)}" y="${top + y * (size + gap)}" width="${size}" height="${size}" rx="2"><title>${new Date(c.day * 86_400_000).toISOString().slice(0, 10)}: ${c.count}</title></rect>`,
      );
    });
  });
  L.weekdays.forEach(
    (name, y) => name && cells.push(`<text x="0" y="${top + y * (size + gap) + 10}">${esc(name)}</text>`),
  );
  // Room on the right for a month label that starts in the last week.
  const width = left + weeks.length * (size + gap) + 24;
  const height = top + 7 * (size + gap);
  return `<svg role="img" aria-label="${esc(L.heatmap(HEATMAP_WEEKS))}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${cells.join('')}</svg>`;
}

function forecastSvg(forecast: readonly number[], L: StatsStrings): string {
  const top = niceMax(Math.max(...forecast));
  const bw = 18;
  const h = 120;
  const left = 36;
  const parts = [
    `<line class="axis" x1="${left}" y1="${h}" x2="${left + forecast.length * bw}" y2="${h}"/>`,
    `<text x="0" y="10">${top}</text>`,
    `<text x="0" y="${h}">0</text>`,
  ];
  forecast.forEach((n, k) => {
    const bh = (n / top) * (h - 4);
    parts.push(
      `<rect class="bar" x="${left + k * bw + 2}" y="${h - bh}" width="${bw - 4}" height="${bh}"><title>+${k}: ${n}</title></rect>`,
    );
    if (k % 7 === 0)
      parts.push(`<text x="${left + k * bw + 2}" y="${h + 14}">${k === 0 ? esc(L.today) : `+${k}`}</text>`);
  });
  const width = left + forecast.length * bw + 4;
  return `<svg role="img" aria-label="${esc(L.forecast(forecast.length))}" width="${width}" height="${h + 20}" viewBox="0 0 ${width} ${h + 20}">${parts.join('')}</svg>`;
}

function rate(r: Retention): string {
  return r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}% <span class="muted">(${r.reviews})</span>`;
}

function retentionTable(d: DeckStats, L: StatsStrings): string {
  const r = d.retention;
  return `<table><tr>${L.retentionColumns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr><tr><td>${rate(r.last7)}</td><td>${rate(r.last30)}</td><td>${rate(r.last365)}</td><td>${Math.round(r.desired * 100)}%</td></tr></table>`;
}

function calibrationSvg(c: Calibration, L: StatsStrings): string {
  const s = 200;
  const pad = 30;
  const x = (p: number) => pad + p * s;
  const y = (p: number) => pad / 2 + (1 - p) * s;
  const max = Math.max(1, ...c.bins.map((b) => b.count));
  const parts = [
    `<line class="axis" x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(0)}"/>`,
    `<line class="axis" x1="${x(0)}" y1="${y(0)}" x2="${x(0)}" y2="${y(1)}"/>`,
    `<line class="diag" x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}"/>`,
    `<text x="${x(0.5) - 30}" y="${y(0) + 24}">${esc(L.html.predictedAxis)}</text>`,
    `<text x="0" y="${y(1) + 4}">1</text><text x="0" y="${y(0)}">0</text>`,
    `<text transform="translate(12 ${y(0.5) + 20}) rotate(-90)">${esc(L.html.actualAxis)}</text>`,
    ...c.bins.map(
      (b) =>
        `<circle class="dot" cx="${x(b.predicted).toFixed(1)}" cy="${y(b.actual).toFixed(1)}" r="${(3 + 7 * Math.sqrt(b.count / max)).toFixed(1)}"><title>${pctText(b.predicted)} → ${pctText(b.actual)} (${b.count})</title></circle>`,
    ),
  ];
  return `<svg role="img" aria-label="${esc(L.calibration)}" width="${s + pad + 10}" height="${s + pad + 10}" viewBox="0 0 ${s + pad + 10} ${s + pad + 10}">${parts.join('')}</svg>`;
}

function calibrationTable(c: Calibration, L: StatsStrings): string {
  const head = `<table><tr>${L.calibrationColumns.map((h) => `<th>${esc(h)}</th>`).join('')}</tr><tr><td>${c.reviews}</td><td>${pctText(c.predicted)}</td><td>${pctText(c.actual)}</td><td>${c.rmseBins?.toFixed(4) ?? '—'}</td><td>${c.logLoss?.toFixed(4) ?? '—'}</td></tr></table>`;
  if (c.bins.length === 0) return `<div>${head}</div>`;
  const bins = `<table><tr>${L.binColumns.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${c.bins
    .map(
      (b) =>
        `<tr><td>${Math.round(b.from * 100)}–${Math.round(b.to * 100)}%</td><td>${b.count}</td><td>${pctText(b.predicted)}</td><td>${pctText(b.actual)}</td></tr>`,
    )
    .join('')}</table>`;
  return `<div>${head}<br>${bins}</div>`;
}

function hardestTable(d: DeckStats, L: StatsStrings): string {
  if (d.hardest.length === 0) return `<p class="muted">${esc(L.none)}</p>`;
  return `<table><tr>${L.hardestColumns.map((h, i) => `<th${i >= 2 ? ' class="text"' : ''}>${esc(h)}</th>`).join('')}</tr>${d.hardest
    .map(
      (h) =>
        `<tr><td>${h.lapses}${h.leech ? ` <span class="leech">${esc(L.leech)}</span>` : ''}</td><td>${h.stability.toFixed(1)}</td><td class="text">${esc(`${h.deck}/${h.key}`)}</td><td class="text">${esc(h.question ?? L.gone)}</td></tr>`,
    )
    .join('')}</table>`;
}

function quizTables(d: DeckStats, L: StatsStrings): string {
  const q = d.quiz;
  if (q.attempts === 0) return `<p class="muted">${esc(L.noQuizzes)}</p>`;
  const trend = (t: number | null) =>
    t === null ? '—' : t > 0 ? `<span class="good">▲ +${t}</span>` : t < 0 ? `<span class="bad">▼ ${t}</span>` : '→ 0';
  const sections = `<table><tr>${L.quizColumns.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${q.sections
    .map(
      (s) =>
        `<tr><td>${esc(`${s.deck} · ${s.section ?? L.noSection}`)}</td><td>${s.attempts}</td><td>${s.last.map((x) => `${x.percent}%`).join(' ')}</td><td>${trend(s.trend)}</td></tr>`,
    )
    .join('')}</table>`;
  const missed =
    q.missed.length === 0
      ? ''
      : `<h3>${esc(L.missed)}</h3><table>${q.missed.map((m) => `<tr><td>${esc(L.missedOf(m.missed, m.asked))}</td><td class="text">${esc(`${m.deck}/${m.key}`)}</td><td class="text">${esc(m.question ?? L.gone)}</td></tr>`).join('')}</table>`;
  return sections + missed;
}

function pctText(x: number | null): string {
  return x === null ? '—' : `${(x * 100).toFixed(1)}%`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
