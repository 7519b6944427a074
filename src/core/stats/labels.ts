/**
 * Every word `stats` shows (terminal and HTML), in one object so that a message catalogue can
 * take it over (Chinese screens); renderers take it as an argument.
 */
export const STATS_LABELS = {
  title: 'quizdeck stats',
  decks: (n: number) => `${n} ${n === 1 ? 'deck' : 'decks'}`,
  studyDay: (date: string, hour: number) => `study day ${date} (from ${String(hour).padStart(2, '0')}:00)`,
  total: 'total',
  items: 'Items',
  cards: 'Cards',
  statuses: { new: 'new', learning: 'learning', young: 'young', mature: 'mature', leeches: 'leeches', total: 'total' },
  countsNote: 'young: interval under 21 days, mature: 21 days or more; a card counts where its least advanced item is',
  removed: (deck: string, n: number) => `${deck}: ${n} studied ${n === 1 ? 'item is' : 'items are'} no longer in the deck (left out)`,
  heatmap: (weeks: number) => `Reviews, last ${weeks} weeks`,
  weekdays: ['Mon', '', 'Wed', '', 'Fri', '', ''],
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  less: 'less',
  more: 'more',
  streak: (current: number, longest: number) => `streak ${current} ${current === 1 ? 'day' : 'days'} (longest ${longest})`,
  perDay: (today: number, perDay: string, perStudied: string) => `${today} today · ${perDay} a day · ${perStudied} a day studied`,
  forecast: (days: number) => `Due in the next ${days} days`,
  forecastSummary: (total: number, today: number, week: number) => `${total} in all · ${today} today (with overdue) · ${week} this week`,
  today: 'today',
  retention: 'True retention (answers to review items not Again)',
  retentionColumns: ['7 days', '30 days', '365 days', 'desired'],
  calibration: 'Calibration: predicted recall against what happened',
  calibrationNote: 'reviews a study day or more after the one before; RMSE(bins) and log loss as srs-benchmark defines them (lower is better)',
  calibrationColumns: ['reviews', 'predicted', 'actual', 'RMSE(bins)', 'log loss'],
  binColumns: ['predicted', 'reviews', 'mean predicted', 'recalled'],
  parameters: (fitted: string[], defaults: string[]) =>
    `predicted with FSRS parameters fitted by quizdeck optimize: ${fitted.join(', ')}${defaults.length > 0 ? `; with the defaults: ${defaults.join(', ')}` : ''}`,
  hardest: 'Hardest items',
  hardestColumns: ['lapses', 'stability', 'item', 'question'],
  leech: 'leech',
  gone: '(no longer in the deck)',
  quiz: (attempts: number) => `Quizzes: ${attempts} complete ${attempts === 1 ? 'attempt' : 'attempts'}`,
  quizColumns: ['section', 'attempts', 'last scores', 'trend'],
  noSection: '(no section)',
  missed: 'Missed most often',
  missedOf: (missed: number, asked: number) => `${missed} of ${asked}`,
  none: 'none yet',
  noReviews: 'no reviews yet',
  noQuizzes: 'no quizzes yet',
  html: { generated: (at: string) => `Generated ${at}`, predictedAxis: 'predicted recall', actualAxis: 'recalled', days: 'days from today' },
};

export type StatsLabels = typeof STATS_LABELS;
