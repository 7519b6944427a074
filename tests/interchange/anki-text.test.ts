import { describe, expect, it } from 'vitest';
import type { Card, Deck } from '../../src/core/deck/schema.js';
import { parseAnkiText, renderAnkiText } from '../../src/core/interchange/anki-text.js';
import { ankiGuid } from '../../src/core/interchange/ids.js';
import { asValidDeck, EDGE, fixture, loadDeck, SAMPLE, without } from './helpers.js';

// Anki maps the columns after the tags onto the note type's fields and drops the ones it has no
// field for (rslib/src/import_export/text/import.rs, ForeignNote::into_native zips them): its stock
// Basic types have Front and Back only, so the Why column of a Basic note is lost in Anki.
const WHY_LOSS =
  "the explanation (why) into Anki's stock Basic note types, which have no field for it (Anki drops that column; the .apkg keeps it)";

describe('Anki text export', () => {
  it('writes the documented file headers, one note per line, and the sample deck as expected', () => {
    const { text, losses } = renderAnkiText([loadDeck(SAMPLE)]);
    expect(text.split('\n').slice(0, 6)).toEqual([
      '#separator:tab',
      '#html:true',
      '#guid column:1',
      '#notetype column:2',
      '#deck column:3',
      '#tags column:4',
    ]);
    expect(text).toBe(fixture('sample.anki.txt'));
    expect(losses).toEqual([
      { deckId: 'sample', cardId: 'esx-hypervisor-name', what: 'accepted alternative answers (accept)' },
      { deckId: 'sample', cardId: 'esx-hypervisor-name', what: WHY_LOSS },
      { deckId: 'sample', cardId: 'xen-pv-hw', what: WHY_LOSS },
    ]);
    expect(renderAnkiText([loadDeck(EDGE)]).losses.filter((l) => l.cardId === 'html-specials')).toEqual([
      {
        deckId: 'edge-cases',
        cardId: 'html-specials',
        what: 'spaces in tags (Anki tags cannot hold them; written as _)',
      },
    ]);
  });

  it('maps each card type to its note type, with the GUID from deck and card id', () => {
    const rows = renderAnkiText([loadDeck(SAMPLE), loadDeck(EDGE)])
      .text.trimEnd()
      .split('\n')
      .slice(6)
      .map((line) => line.split('\t'));
    const byGuid = new Map(rows.map((r) => [r[0], r]));
    expect(byGuid.get(ankiGuid('sample', 'esx-hypervisor-name'))?.[1]).toBe('Basic (and reversed card)');
    expect(byGuid.get('sample/hyperv-parent')?.[1]).toBe('Basic');
    expect(byGuid.get('sample/kvm-merge')?.slice(1, 5)).toEqual([
      'Cloze',
      'Hypervisor basics',
      'kvm history section::kvm',
      'KVM was merged into Linux {{c1::2.6.20::version}} in {{c2::February 2007}}.',
    ]);
    expect(byGuid.get('edge-cases/three-deletions')?.[4]).toBe(
      '{{c1::Red::colour}}, {{c2::green}} and {{c3::blue::colour}} make white light; } and # stay plain.',
    );
    // HTML fields: special characters escaped, so they show as typed; spaces in tags become underscores.
    expect(byGuid.get('edge-cases/html-specials')?.slice(3, 6)).toEqual([
      'html two_words section::markup_&_more',
      'Is &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; text kept as typed?',
      'Yes, &lt;b&gt; stays literal',
    ]);
    expect(byGuid.get('edge-cases/multiline')?.[4]).toBe('Two lines:<br>the first and the second?');
    expect(byGuid.get('edge-cases/multi-select')?.[5]).toBe('A. 2<br>B. 3<br>D. 5');
  });

  it('reports a card type it does not know', () => {
    const deck = {
      deck: 'd',
      title: 'D',
      lang: 'en',
      file: 'd.yaml',
      cards: [{ id: 'steps', type: 'order', q: 'Order', items: ['a', 'b'] } as unknown as Card],
    } as Deck;
    expect(renderAnkiText([deck]).losses).toEqual([
      { deckId: 'd', cardId: 'steps', what: 'an order card (no Anki note type for it)', whole: true },
    ]);
  });
});

describe('Anki text import', () => {
  it('reads a notes export with headers: HTML as text, media named as dropped, GUIDs as ids', () => {
    const { cards, messages, title } = parseAnkiText(fixture('anki-notes.txt'));
    asValidDeck(cards);
    expect(title).toBe('Biology::Cells');
    expect(cards).toEqual([
      {
        id: expect.stringMatching(/^anki-[0-9a-z]+$/),
        tags: ['biology', 'cells'],
        q: 'What is the powerhouse of the cell?',
        a: 'The mitochondrion',
      },
      {
        id: expect.stringMatching(/^anki-[0-9a-z]+$/),
        tags: ['biology'],
        q: 'ATP',
        a: 'adenosine triphosphate',
        reverse: true,
      },
      {
        id: expect.stringMatching(/^anki-[0-9a-z]+$/),
        tags: ['biology'],
        type: 'cloze',
        text: '{{Ribosomes::organelle}} make proteins; "rough" ER is studded with {{them}}.',
        why: 'Back extra: seen under EM',
      },
      {
        id: expect.stringMatching(/^anki-[0-9a-z]+$/),
        q: 'Which organelle is shown?',
        a: 'Endoplasmic reticulum\n(the rough kind)',
      },
      { id: 'nucleus-role', tags: ['biology'], section: 'organelles', q: 'What does the nucleus hold?', a: 'The DNA' },
    ]);
    expect(messages).toEqual([
      'line 7: sound cell.mp3 dropped',
      'line 10: image er.png dropped',
      'line 11: an empty back; skipped',
    ]);
    // The same GUID gives the same id on every import, so a second import merges instead of duplicating.
    expect(parseAnkiText(fixture('anki-notes.txt')).cards.map((c) => c.id)).toEqual(cards.map((c) => c.id));
  });

  it('reads a file without headers (tab separated, HTML detected)', () => {
    const { cards, messages } = parseAnkiText(fixture('anki-plain.txt'));
    asValidDeck(cards, 'de');
    expect(cards.map((c) => [c.id, (c as { q: string }).q, (c as { a: string }).a])).toEqual([
      ['hund', 'Hund', 'dog'],
      ['katze', 'Katze', 'cat'],
      ['das-haus', 'das Haus', 'the house'],
      ['der-baum', 'der Baum', 'the tree'],
      ['die-blume', 'die Blume', 'the flower, a plant'],
    ]);
    expect(messages).toEqual(['line 4: sound baum.mp3 dropped']);
  });

  it.each([
    ['#separator:semicolon\n#html:false\nfront;back <b>\n', [{ id: 'front', q: 'front', a: 'back <b>' }]],
    ['#separator:comma\n#columns:Back,Front\nyes,oui\n', [{ id: 'oui', q: 'oui', a: 'yes' }]],
    ['tags:fr vocab\nchat\tcat\n', [{ id: 'chat', q: 'chat', a: 'cat', tags: ['fr', 'vocab'] }]],
    [
      '#separator:tab\n#notetype:Cloze\nLyon is in {{c1::France}}.\t\n',
      [{ id: 'lyon-is-in-france', type: 'cloze', text: 'Lyon is in {{France}}.' }],
    ],
    [
      'a\tb\n\nc\td\n',
      [
        { id: 'a', q: 'a', a: 'b' },
        { id: 'c', q: 'c', a: 'd' },
      ],
    ],
    [
      'dup\tone\ndup\ttwo\n',
      [
        { id: 'dup', q: 'dup', a: 'one' },
        { id: 'dup-2', q: 'dup', a: 'two' },
      ],
    ],
  ])('%j', (text, expected) => {
    expect(parseAnkiText(text).cards).toEqual(expected);
  });

  it('round trip YAML -> Anki text -> YAML keeps every card, less accept (and spaces in tags)', () => {
    for (const path of [SAMPLE, EDGE]) {
      const deck = loadDeck(path);
      const { cards, messages } = parseAnkiText(renderAnkiText([deck]).text);
      expect(messages).toEqual([]);
      asValidDeck(cards);
      const expected = deck.cards
        .map((card) => without(card, 'accept'))
        .map((c) => (c.tags ? { ...c, tags: c.tags.map((t) => t.replace(/ /g, '_')) } : c));
      expect(cards).toEqual(expected);
    }
  });
});
