import { describe, expect, it } from 'vitest';
import type { Card, Deck } from '../../src/core/deck/schema.js';
import { renderAnkiText } from '../../src/core/interchange/anki-text.js';
import { buildAnkiCollection } from '../../src/core/interchange/apkg.js';
import { renderDelimited } from '../../src/core/interchange/csv.js';
import { renderGift } from '../../src/core/interchange/gift.js';
import { describeLosses } from '../../src/core/interchange/losses.js';
import { renderMoodleXml } from '../../src/core/interchange/moodle-xml.js';
import { runCli } from '../helpers/cli.js';

// No export format has a question type for an order card: each leaves it out whole and says so.
const DECK: Deck = {
  deck: 'd',
  title: 'D',
  lang: 'en',
  file: 'd.yaml',
  cards: [
    { id: 'q', q: 'Hypervisor of ESX?', a: 'VMkernel' },
    { id: 'xen-boot-order', type: 'order', q: 'Order the boot.', steps: ['BIOS', 'Xen', 'Dom0'] } as Card,
  ],
};

describe('export of order cards', () => {
  it.each([
    ['anki', () => renderAnkiText([DECK]).losses, 'an order card (no Anki note type for it)'],
    ['apkg', () => buildAnkiCollection([DECK], 0).losses, 'an order card (no Anki note type for it)'],
    ['gift', () => renderGift([DECK]).losses, 'an order card (no GIFT question type for it)'],
    ['moodle-xml', () => renderMoodleXml([DECK]).losses, 'an order card (no Moodle question type for it)'],
    ['csv', () => renderDelimited([DECK], ',').losses, 'an order card (no front and back for it)'],
  ])('%s leaves the card out whole and reports it', (_format, losses, what) => {
    expect(losses().filter((l) => l.cardId === 'xen-boot-order')).toEqual([
      { deckId: 'd', cardId: 'xen-boot-order', what, whole: true },
    ]);
  });

  it('names them on stderr when the bundled deck is exported', () => {
    const r = runCli(['export', 'decks/hypervisors.en.yaml', '--to', 'gift']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /quizdeck: GIFT cannot carry an order card \(no GIFT question type for it\): left out of \d+ cards \(hypervisors\/[a-z-]+-order/,
    );
    expect(describeLosses('GIFT', renderGift([DECK]).losses)).toEqual([
      'GIFT cannot carry an order card (no GIFT question type for it): left out of 1 card (d/xen-boot-order)',
    ]);
  });
});
