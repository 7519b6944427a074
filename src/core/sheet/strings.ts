/**
 * The words a sheet prints around the cards. A Chinese deck gets a Chinese sheet: a class
 * that studies in Chinese should not get "Name:" and "True / False" on its test.
 */
export interface SheetStrings {
  name: string;
  date: string;
  score: string;
  version: (label: string) => string;
  answerKey: string;
  answer: string;
  why: string;
  seed: (seed: string) => string;
  /** Text before and after the page number in the page footer. */
  page: [string, string];
  trueWord: string;
  falseWord: string;
  /** Lead-in for the reverse direction of a basic card, whose prompt is the card's answer. */
  reversePrompt: string;
  /** After a field name or label: ": " in English, a full-width colon in Chinese. */
  colon: string;
  /** Separator between items in a list of answers. */
  listSeparator: string;
  /** Before the other answers a typed answer may give (`accept`), as study and quiz say it. */
  alsoAccepted: string;
  /** Under a choice question with several right answers. */
  chooseAll: string;
  /** Brackets around a note after an answer. */
  parens: [string, string];
}

const en: SheetStrings = {
  name: 'Name',
  date: 'Date',
  score: 'Score',
  version: (label) => `Version ${label}`,
  answerKey: 'Answer key',
  answer: 'Answer',
  why: 'Why',
  seed: (seed) => `Seed ${seed}`,
  page: ['Page ', ''],
  trueWord: 'True',
  falseWord: 'False',
  reversePrompt: 'Give the question whose answer is:',
  colon: ': ',
  listSeparator: '; ',
  alsoAccepted: 'also accepted',
  chooseAll: 'Choose all that apply',
  parens: [' (', ')'],
};

const zh: SheetStrings = {
  name: '姓名',
  date: '日期',
  score: '得分',
  version: (label) => `${label} 卷`,
  answerKey: '答案',
  answer: '答案',
  why: '解析',
  seed: (seed) => `种子 ${seed}`,
  page: ['第 ', ' 页'],
  trueWord: '正确',
  falseWord: '错误',
  reversePrompt: '写出答案为下列内容的问题：',
  colon: '：',
  listSeparator: '；',
  alsoAccepted: '亦可',
  chooseAll: '选出所有正确答案',
  parens: ['（', '）'],
};

export function sheetStrings(lang: string): SheetStrings {
  return /^zh\b/i.test(lang) ? zh : en;
}

/** "(also accepted: x; y)" after a basic answer, or '' when it has no alternatives. */
export function alsoAcceptedNote(accept: readonly string[], s: SheetStrings): string {
  return accept.length === 0 ? '' : `${s.parens[0]}${s.alsoAccepted}${s.colon}${accept.join(s.listSeparator)}${s.parens[1]}`;
}

export function trueFalseWord(value: boolean, s: SheetStrings): string {
  return value ? s.trueWord : s.falseWord;
}
