import type { ExamStrings } from '../messages/types.js';
import { niceMax } from '../stats/charts.js';
import type { ExamPlan } from './plan.js';
import { dayTotal, group, percent, problemText, TABLE_DAYS } from './text.js';

/**
 * The exam plan as a `<section>` of the stats HTML report (its stylesheet: `.muted`, `.good`,
 * `.bad`, `.bar`, tables): the same sentences as the terminal, a stacked bar a day (new, due,
 * pulled forward, cram) and, for a plan of up to three weeks, the table of days.
 */
export function renderExamHtml(plan: ExamPlan, L: ExamStrings): string {
  const t = plan.total;
  const target = percent(plan.target);
  const lines = [L.normal(group(t.atTarget), group(t.items), target, group(t.new))];
  if (t.new - t.notIntroduced > 0 && t.lastNewDay !== null)
    lines.push(L.newItems(group(t.new), group(t.newPerDay), t.lastNewDay));
  else if (t.new === 0) lines.push(L.noNewItems);
  if (t.pulledReviews > 0) lines.push(L.pulled(group(t.pulledReviews), group(t.pulledItems)));
  lines.push(L.following(group(t.plannedAtTarget), group(t.items), target, group(t.cram)));
  const verdict = plan.feasible
    ? `<p class="good">✓ ${esc(L.feasible(group(plan.limits.newPerDay), group(plan.limits.reviewsPerDay)))}</p>`
    : `<p class="bad">✗ ${esc(L.notFeasible)}</p><ul>${plan.problems.map((p) => `<li>${esc(problemText(p, L))}</li>`).join('')}</ul>`;
  return `<section class="exam">
<h2>${esc(L.title(plan.exam, plan.daysLeft, target))}</h2>
${lines.map((l) => `<p>${esc(l)}</p>`).join('\n')}
${verdict}
<div class="block"><h3>${esc(L.workload)}</h3>${chart(plan, L)}${plan.total.days.length <= TABLE_DAYS ? table(plan, L) : ''}</div>
</section>`;
}

const PARTS = [
  ['new', 'fill: var(--bar); fill-opacity: 0.45'],
  ['due', 'fill: var(--bar)'],
  ['pulled', 'fill: var(--good)'],
  ['cram', 'fill: var(--bad)'],
] as const;

function chart(plan: ExamPlan, L: ExamStrings): string {
  const days = plan.total.days;
  const top = niceMax(Math.max(...days.map(dayTotal)));
  const bw = Math.max(2, Math.min(18, Math.floor(880 / days.length)));
  const h = 120;
  const left = 36;
  const parts = [
    `<line class="axis" x1="${left}" y1="${h}" x2="${left + days.length * bw}" y2="${h}"/>`,
    `<text x="0" y="10">${top}</text>`,
    `<text x="0" y="${h}">0</text>`,
  ];
  days.forEach((d, k) => {
    let y = h;
    for (const [part, style] of PARTS) {
      const n = d[part];
      if (n === 0) continue;
      const bh = (n / top) * (h - 4);
      y -= bh;
      parts.push(
        `<rect style="${style}" x="${left + k * bw + (bw > 4 ? 1 : 0)}" y="${y.toFixed(1)}" width="${bw > 4 ? bw - 2 : bw}" height="${bh.toFixed(1)}"><title>${d.date}: ${esc(L.columns[part])} ${n}</title></rect>`,
      );
    }
  });
  parts.push(
    `<text x="${left}" y="${h + 14}">${esc(L.today)}</text>`,
    `<text x="${left + days.length * bw}" y="${h + 14}" text-anchor="end">${esc(`${days.at(-1)!.date} ${L.exam}`)}</text>`,
  );
  const legend = PARTS.map(
    ([part, style], i) =>
      `<rect style="${style}" x="${left + i * 110}" y="${h + 22}" width="10" height="10"/><text x="${left + i * 110 + 14}" y="${h + 31}">${esc(L.columns[part])}</text>`,
  ).join('');
  const width = left + days.length * bw + 8;
  return `<svg role="img" aria-label="${esc(L.workload)}" width="${Math.max(width, left + 440)}" height="${h + 40}" viewBox="0 0 ${Math.max(width, left + 440)} ${h + 40}">${parts.join('')}${legend}</svg>`;
}

function table(plan: ExamPlan, L: ExamStrings): string {
  const c = L.columns;
  const last = plan.total.days.length - 1;
  const rows = plan.total.days.map(
    (d, k) =>
      `<tr><td>${d.date}${k === 0 ? ` <span class="muted">${esc(L.today)}</span>` : k === last ? ` <span class="muted">${esc(L.exam)}</span>` : ''}</td><td>${d.new}</td><td>${d.due}</td><td>${d.pulled}</td><td>${d.cram}</td><td>${dayTotal(d)}</td></tr>`,
  );
  return `<table><tr>${[c.date, c.new, c.due, c.pulled, c.cram, c.total].map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows.join('')}</table>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
