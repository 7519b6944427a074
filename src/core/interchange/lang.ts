/**
 * A deck's language guessed from its text, for imports without `--lang`: the script decides
 * for most languages; Latin-script text is told apart by its most common short words.
 */
const SCRIPTS: [RegExp, string][] = [
  [/[\u3040-\u30ff]/g, 'ja'],
  [/[\uac00-\ud7a3]/g, 'ko'],
  [/[\u4e00-\u9fff]/g, 'zh'],
  [/[\u0400-\u04ff]/g, 'ru'],
  [/[\u0370-\u03ff]/g, 'el'],
  [/[\u0600-\u06ff]/g, 'ar'],
  [/[\u0590-\u05ff]/g, 'he'],
  [/[\u0e00-\u0e7f]/g, 'th'],
];

const WORDS: [string, string[]][] = [
  ['en', ['the', 'of', 'and', 'is', 'to', 'in', 'what', 'which', 'a', 'are']],
  ['de', ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'wie', 'welche']],
  ['fr', ['le', 'la', 'les', 'et', 'est', 'des', 'une', 'du', 'quel', 'quelle']],
  ['es', ['el', 'los', 'las', 'y', 'es', 'una', 'del', 'qué', 'cuál', 'por']],
  ['it', ['il', 'gli', 'e', 'è', 'della', 'che', 'una', 'di', 'quale', 'per']],
  ['pt', ['o', 'os', 'as', 'e', 'é', 'uma', 'do', 'da', 'qual', 'não']],
  ['nl', ['de', 'het', 'een', 'en', 'is', 'van', 'niet', 'wat', 'welke', 'zijn']],
];

export function guessLang(texts: Iterable<string>): string {
  let sample = '';
  for (const t of texts) {
    sample += `${t}\n`;
    if (sample.length > 20_000) break;
  }
  const letters = (sample.match(/\p{L}/gu) ?? []).length || 1;
  // Japanese text mixes kana with Han characters, so kana is looked for before Han.
  for (const [pattern, lang] of SCRIPTS) {
    const count = (sample.match(pattern) ?? []).length;
    if (lang === 'ja' ? count / letters > 0.05 : count / letters > 0.2) return lang;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best = 'en';
  let bestScore = 0;
  for (const [lang, common] of WORDS) {
    const set = new Set(common);
    const score = words.reduce((n, w) => n + (set.has(w) ? 1 : 0), 0);
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  return best;
}
