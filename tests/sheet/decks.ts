import type { Card, Deck } from '../../src/core/deck/schema.js';
import { collectQuestions, pickQuestions } from '../../src/core/sheet/select.js';
import { buildSheet, type SheetSettings } from '../../src/core/sheet/versions.js';
import type { Sheet } from '../../src/core/sheet/model.js';

/** Decks built inline for sheet tests: every card type, a reverse card, a two-blank cloze. */
export function deck(cards: Card[], over: Partial<Deck> = {}): Deck {
  return { deck: 'sample', title: 'Hypervisor basics', lang: 'en', file: 'sample.yaml', cards, ...over };
}

export const CARDS: Card[] = [
  {
    id: 'esx-name',
    q: 'What is the hypervisor of ESX called?',
    a: 'VMkernel',
    reverse: true,
    section: 'esx',
    tags: ['esx'],
    why: 'It takes over the hardware.',
  },
  {
    id: 'hyperv-parent',
    type: 'choice',
    q: 'Which partition owns the drivers?',
    choices: ['Parent partition', 'Child partition', 'VMBus', 'Hypervisor'],
    answer: 'Parent partition',
    section: 'hyper-v',
    tags: ['hyper-v'],
  },
  {
    id: 'hw-assist',
    type: 'choice',
    q: 'Which need VT-x for every VM?',
    choices: ['KVM', 'ESX', 'Xen', 'Hyper-V'],
    answer: ['KVM', 'Hyper-V'],
    section: 'compare',
    tags: ['cpu'],
  },
  {
    id: 'xen-pv',
    type: 'truefalse',
    q: 'Xen PV guests need VT-x.',
    answer: false,
    section: 'xen',
    tags: ['xen', 'cpu'],
    why: 'PV guests run a modified kernel.',
  },
  {
    id: 'kvm-merge',
    type: 'cloze',
    text: 'KVM was merged into Linux {{2.6.20::version}} in {{February 2007}}.',
    section: 'kvm',
    tags: ['kvm'],
  },
];

export const SAMPLE = deck(CARDS);

/** Twenty choice cards, enough for orders to differ visibly between seeds and versions. */
export const MANY = deck(
  Array.from({ length: 20 }, (_, i): Card => ({
    id: `c${i}`,
    type: 'choice',
    q: `Question ${i}?`,
    choices: [`right ${i}`, `wrong ${i}a`, `wrong ${i}b`, `wrong ${i}c`],
    answer: `right ${i}`,
    section: i % 2 ? 'odd' : 'even',
  })),
  { deck: 'many', title: 'Many' },
);

export function sheetOf(decks: Deck[], over: Partial<SheetSettings> & { count?: number } = {}): Sheet {
  const seed = over.seed ?? '42';
  const questions = pickQuestions(
    collectQuestions(decks, { tags: [], sections: [], types: [] }, seed),
    over.count,
    seed,
  );
  return buildSheet(questions, {
    title: 'Hypervisor basics',
    lang: 'en',
    seed,
    paper: 'a4',
    answers: 'end',
    versions: 1,
    ...over,
  });
}
