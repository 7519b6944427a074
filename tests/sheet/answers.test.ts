import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/deck/schema.js';
import { messagesFor } from '../../src/core/messages/index.js';
import { renderSheetHtml } from '../../src/core/sheet/html.js';
import { sheetToJson } from '../../src/core/sheet/json.js';
import { renderSheetMarkdown } from '../../src/core/sheet/markdown.js';
import { renderSheetText } from '../../src/core/sheet/text.js';
import { deck, sheetOf } from './decks.js';

// Answer keys a marker can use (issue 10): accepted alternatives in the key; multi-select
// questions marked as such on paper and in JSON, their key listing every letter.
const CARDS: Card[] = [
  {
    id: 'root',
    q: 'Which partition runs the drivers?',
    a: 'The parent partition',
    accept: ['root partition', 'parent'],
  },
  {
    id: 'domains',
    type: 'choice',
    q: 'Which are Xen domains?',
    choices: ['Dom0', 'DomU', 'VMBus'],
    answer: ['Dom0', 'DomU'],
  },
  { id: 'one', type: 'choice', q: 'Which owns the drivers?', choices: ['Parent', 'Child'], answer: 'Parent' },
];
const EN = deck(CARDS);
const ZH = deck(CARDS, { lang: 'zh' });

describe('answer keys', () => {
  it('text: accepted alternatives after the answer, a note and boxes for multi-select, every letter in the key', () => {
    const text = renderSheetText(sheetOf([EN], { seed: '1' }));
    expect(text).toMatch(/ \d\. The parent partition \(also accepted: root partition; parent\)\n/);
    expect(text).toContain('    (Choose all that apply)\n    [ ] A.');
    const single = text.slice(text.indexOf('Which owns the drivers?'));
    expect(single.split('\n')[1]).toMatch(/^ {4}A\. /);
    const key = text.slice(text.indexOf('Answer key'));
    const multi = sheetToJson(sheetOf([EN], { seed: '1' })).versions[0]!.questions.find(
      (q) => q.type === 'choice' && q.multiple,
    )!;
    expect(multi.answer).toHaveLength(2);
    expect(key).toContain(`${(multi.answer as string[]).join(', ')} (`);
  });

  it('Chinese: 选出所有正确答案 and 也可接受, as study and quiz say it', () => {
    const text = renderSheetText(sheetOf([ZH], { seed: '1', lang: 'zh' }));
    expect(text).toContain('(选出所有正确答案)');
    expect(text).toContain('The parent partition（也可接受：root partition；parent）');
  });

  it.each(['en', 'zh'])('%s: the key names alternatives in the words of study and quiz feedback', (lang) => {
    const m = messagesFor(lang);
    expect(m.feedback.alsoAccepted.toLowerCase()).toBe(`${m.sheet.alsoAccepted}${m.sheet.colon.trim()}`.toLowerCase());
  });

  it('html: square boxes (a class) and the note for multi-select; alternatives in the key', () => {
    const html = renderSheetHtml(sheetOf([EN], { seed: '1' }));
    expect(html).toContain('<p class="choose-all">Choose all that apply</p><ol class="choices multiple">');
    expect(html.match(/class="choices multiple"/g)).toHaveLength(1);
    expect(html).toContain('.multiple .letter { border-radius: 0.3mm; }');
    expect(html).toContain(
      '<span class="key-answer">The parent partition</span><span class="also"> (also accepted: root partition; parent)</span>',
    );
  });

  it('markdown: task-list boxes for multi-select, alternatives in the key', () => {
    const md = renderSheetMarkdown(sheetOf([EN], { seed: '1', answers: 'inline' }));
    expect(md).toContain('   *Choose all that apply*\n\n   - [ ] **A.**');
    expect(md).toContain('**The parent partition** (also accepted: root partition; parent)');
  });

  it('json: "multiple" on every choice question, "accept" on a basic one that has alternatives', () => {
    const questions = sheetToJson(sheetOf([EN], { seed: '1' })).versions[0]!.questions;
    expect(
      questions
        .filter((q) => q.type === 'choice')
        .map((q) => q.multiple)
        .sort(),
    ).toEqual([false, true]);
    expect(questions.find((q) => q.type === 'basic')).toMatchObject({
      answer: 'The parent partition',
      accept: ['root partition', 'parent'],
    });
  });
});
