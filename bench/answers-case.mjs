// One hostile typed-answer check for bench/answers.bench.mjs, in a process of its own:
// `node bench/answers-case.mjs MODULE CASE SIZE [--baseline]`. MODULE is src/core/answer.ts as
// the bench bundled it. With --baseline the same inputs only go through normalizeAnswer (NFKC,
// case, spacing: one pass of regular expressions over the text), the floor of any checker.
import { pathToFileURL } from 'node:url';

const [modulePath, name, size] = process.argv.slice(2);
const n = Number(size);
const { checkAnswer, normalizeAnswer } = await import(pathToFileURL(modulePath).href);

/** [deck answer, typed answer, the verdict's reason checkAnswer must give] for n characters. */
const CASES = {
  // A Chinese answer of n characters and a wrong typed half of it: looked for as a part of the answer.
  'zh-partial': () => {
    const zh = '硬件辅助虚拟化'.repeat(Math.ceil(n / 7)).slice(0, n);
    return [zh, `${zh.slice(0, n / 2)}软`, 'different'];
  },
  // "C" and n plus signs: each + once asked whether its run ends a word.
  'plus-run': () => [`C${'+'.repeat(n)}`, 'C', 'different'],
  // A list of items ending in digits, typed in the reverse order: the same items.
  'list-reversed': () => {
    const count = Math.floor(n / 8);
    const items = Array.from({ length: count }, (_, i) => `item${i}`);
    return [items.join(', '), [...items].reverse().join(', '), 'same-items'];
  },
};

const [answer, typed, reason] = CASES[name]();
if (process.argv.includes('--baseline')) {
  normalizeAnswer(answer);
  normalizeAnswer(typed);
} else {
  const check = checkAnswer(typed, { answer, accept: [], lang: name.startsWith('zh') ? 'zh' : 'en' });
  if (check.reason !== reason) {
    process.stderr.write(`${name} ${n}: ${check.reason}, expected ${reason}\n`);
    process.exitCode = 1;
  }
}
