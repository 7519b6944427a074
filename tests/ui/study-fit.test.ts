import { describe, expect, it } from 'vitest';
import { fitAfterAnswer, gradePromptLines } from '../../src/ui/study/fit.js';

describe('the screen after an answer in a short terminal', () => {
  const before = 'deck Title\n1 new · 0 learning · 0 due\n░░░ 1 left · 0 done\n';
  const question = '  line one of the question\n  line two of the question\n';
  const feedback = '✓ Correct\nAnswer:\n  False\nWhy:\n  because one\n  because two\n';

  it('is left as printed when it fits', () => {
    expect(fitAfterAnswer({ before, question, feedback }, 30)).toBeNull();
  });

  it('cuts the explanation first, marking the cut', () => {
    expect(fitAfterAnswer({ before, question, feedback }, 8)).toBe(
      '  line one of the question\n  line two of the question\n\n✓ Correct\nAnswer:\n  False\nWhy:\n  …\n',
    );
  });

  it('keeps the first line of the question and the verdict at the least (10 rows less the grade prompt)', () => {
    expect(fitAfterAnswer({ before, question, feedback }, 3)).toBe('  line one of the question …\n✓ Correct\n  …\n');
    expect(fitAfterAnswer({ before, question, feedback }, 4)).toBe('  line one of the question …\n\n✓ Correct\n  …\n');
  });

  it('the grade prompt: message, four grades, and the hint wrapped', () => {
    expect(gradePromptLines('x'.repeat(62), 60)).toBe(7);
    expect(gradePromptLines('x'.repeat(60), 60)).toBe(6);
  });
});
