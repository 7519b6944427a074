import '../helpers/cache.js';
import {
  copyFileSync,
  existsSync,
  symlinkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outlineOf, type DeckOutline } from '../../src/core/deck/outline.js';
import type { Deck } from '../../src/core/deck/schema.js';
import { CACHE_MARKER, deckCacheDir, pruneOtherBuilds } from '../../src/io/deckCache.js';
import { loadDecks, type LoadedDecks } from '../../src/io/decks.js';
import { loadWholeDecks } from '../helpers/decks.js';

const temp = (name: string) => mkdtempSync(join(tmpdir(), `quizdeck-${name}-`));

async function load(paths: string[], cacheDir: string | null): Promise<LoadedDecks> {
  const loaded = await loadDecks(paths, { cacheDir });
  if ('error' in loaded) throw new Error(loaded.error);
  return loaded.value;
}

describe('loadDecks with a cache', () => {
  it('gives what loadDecks gives, from the cache the second time', async () => {
    const cache = temp('cache');
    const first = await loadWholeDecks(['tests/fixtures/valid'], { cacheDir: cache });
    expect(readdirSync(cache).filter((f) => f.endsWith('.qdc'))).toHaveLength(1);
    const second = await loadWholeDecks(['tests/fixtures/valid'], { cacheDir: cache });
    const direct = await loadWholeDecks(['tests/fixtures/valid'], { cacheDir: null });
    expect(second.decks).toEqual(direct.decks);
    expect(first.decks).toEqual(direct.decks);
  });

  it('keys entries by file version, so an edited file is parsed again and a copy elsewhere names its own path', async () => {
    const cache = temp('cache');
    const dir = temp('decks');
    copyFileSync('tests/fixtures/invalid/duplicate-card-id.yaml', join(dir, 'a.yaml'));
    const before = await loadWholeDecks([join(dir, 'a.yaml')], { cacheDir: cache });
    expect(before.diagnostics.map((d) => [d.rule, d.line])).toEqual([['duplicate-card-id', 10]]);
    copyFileSync('tests/fixtures/invalid/duplicate-card-id.yaml', join(dir, 'b.yaml'));
    const copy = await loadWholeDecks([join(dir, 'b.yaml')], { cacheDir: cache });
    expect(copy.diagnostics[0]!.file).toBe(join(dir, 'b.yaml'));
    writeFileSync(join(dir, 'a.yaml'), 'deck: fixed\ntitle: Fixed\ncards:\n  - id: one\n    q: Why?\n    a: Because\n');
    const after = await loadWholeDecks([join(dir, 'a.yaml')], { cacheDir: cache });
    expect(after.diagnostics).toEqual([]);
    expect(after.decks[0]!.file).toBe(join(dir, 'a.yaml'));
  });

  const openFiles = () => readdirSync('/proc/self/fd').length;

  /** The cached outline is the parsed deck's; its cards, one by one or all at once, are the parsed deck's cards. */
  function expectSameDeck(cached: LoadedDecks, parsedDeck: Deck) {
    const [outline] = cached.outlines as [DeckOutline];
    const id = outline.deck.deck;
    expect(outline).toEqual(outlineOf(parsedDeck));
    for (let i = outline.cards.length - 1; i >= 0; i--) expect(cached.cards.card(id, i)).toEqual(parsedDeck.cards[i]);
    const all = cached.cards.all(id);
    expect(all).toEqual(parsedDeck.cards);
    // Cards read one by one and all at once are the same objects.
    expect(all[3]).toBe(cached.cards.card(id, 3));
  }

  it('outlines a small cached deck (ids, types, item keys, sections, tags), reads its cards with the header and closes the file', async () => {
    const cache = temp('cache');
    const [parsed] = (await loadWholeDecks(['decks/hypervisors.en.yaml'], { cacheDir: cache })).decks;
    const before = openFiles();
    const cached = await load(['decks/hypervisors.en.yaml'], cache);
    expect(openFiles()).toBe(before);
    rmSync(cache, { recursive: true });
    expect(parsed!.cards.some((c) => c.type === 'cloze')).toBe(true);
    expect(
      parsed!.cards.some((c) => c.section !== undefined) && parsed!.cards.some((c) => (c.tags ?? []).length > 0),
    ).toBe(true);
    expectSameDeck(cached, parsed!);
    cached.cards.close();
    expect(() => cached.cards.card('hypervisors', 0)).toThrow('the card reader is closed');
  });

  it('reads a large cached deck card by card from a file it keeps open until the reader is closed, even after the entry is deleted', async () => {
    const cache = temp('cache');
    const dir = temp('decks');
    const filler = 'x'.repeat(300);
    const body = Array.from({ length: 4000 }, (_, i) =>
      i % 2
        ? `  - id: c${i}\n    type: cloze\n    text: "{{one}} and {{two}} ${filler}"\n    section: S${i % 3}\n`
        : `  - id: c${i}\n    q: Question ${i} ${filler}\n    a: Answer ${i}\n    reverse: true\n    tags: [t${i % 5}, all]\n`,
    ).join('');
    writeFileSync(join(dir, 'big.yaml'), `deck: big\ntitle: Big\ncards:\n${body}`);
    const [parsed] = (await loadWholeDecks([join(dir, 'big.yaml')], { cacheDir: cache })).decks;
    const before = openFiles();
    const cached = await load([join(dir, 'big.yaml')], cache);
    expect(openFiles()).toBe(before + 1);
    rmSync(cache, { recursive: true });
    const [outline] = cached.outlines;
    expect(outline!.cards[1]).toEqual({ id: 'c1', type: 'cloze', keys: ['c1:c1', 'c1:c2'], section: 'S1', tags: [] });
    expect(outline!.cards[2]).toEqual({
      id: 'c2',
      type: 'basic',
      keys: ['c2', 'c2:reverse'],
      section: undefined,
      tags: ['t2', 'all'],
    });
    expect(cached.cards.card('big', 3999)).toEqual(parsed!.cards[3999]);
    expect(openFiles()).toBe(before + 1);
    cached.cards.close();
    expect(openFiles()).toBe(before);
    expect(() => cached.cards.card('big', 0)).toThrow('the card reader is closed');

    // Reading every card reads the rest at once and closes the file.
    const again = await loadWholeDecks([join(dir, 'big.yaml')], { cacheDir: cache });
    const cachedAgain = await load([join(dir, 'big.yaml')], cache);
    expect(again.decks).toEqual([parsed]);
    expectSameDeck(cachedAgain, parsed!);
    expect(openFiles()).toBe(before);
  });

  it('ignores a damaged entry and parses the deck again', async () => {
    const cache = temp('cache');
    const first = await loadWholeDecks(['decks/hypervisors.zh.yaml'], { cacheDir: cache });
    const [entry] = readdirSync(cache).filter((f) => f.endsWith('.qdc'));
    const full = readFileSync(join(cache, entry!));
    truncateSync(join(cache, entry!), full.length - 10);
    expect((await loadWholeDecks(['decks/hypervisors.zh.yaml'], { cacheDir: cache })).decks).toEqual(first.decks);
    expect(readFileSync(join(cache, entry!))).toEqual(full); // written again whole
    writeFileSync(join(cache, entry!), 'not a cache entry');
    expect((await loadWholeDecks(['decks/hypervisors.zh.yaml'], { cacheDir: cache })).decks).toEqual(first.decks);
  });

  it('still checks deck ids across files when every file comes from the cache', async () => {
    const cache = temp('cache');
    await loadWholeDecks(['tests/fixtures/dup-deck-ids'], { cacheDir: cache });
    const { diagnostics, decks } = await loadWholeDecks(['tests/fixtures/dup-deck-ids'], { cacheDir: cache });
    expect(diagnostics.map((d) => d.rule)).toEqual(['duplicate-deck-id']);
    expect(decks).toHaveLength(1);
  });

  it('follows XDG_CACHE_HOME, QUIZDECK_CACHE_DIR, and QUIZDECK_CACHE=0', () => {
    expect(deckCacheDir({ XDG_CACHE_HOME: '/x' })).toMatch(/^\/x\/quizdeck\/decks-/);
    expect(deckCacheDir({ QUIZDECK_CACHE_DIR: '/y' })).toMatch(/^\/y\/decks-/);
    expect(deckCacheDir({ QUIZDECK_CACHE: '0' })).toBeUndefined();
  });
});

describe('a path that cannot be used', () => {
  it('is reported as one sentence naming it, and nothing is read', async () => {
    expect(await loadDecks(['tests/fixtures/no-such-dir'], { cacheDir: null })).toEqual({
      error: 'tests/fixtures/no-such-dir: no such file or directory',
    });
    const empty = temp('empty');
    try {
      expect(await loadDecks([empty], { cacheDir: null })).toEqual({
        error: `${empty}: no deck files (*.yaml, *.yml) in this directory`,
      });
    } finally {
      rmSync(empty, { recursive: true });
    }
  });
});

describe('pruning the entries of other builds', () => {
  it("never removes a folder it did not make: a user's decks-biology beside the cache survives, an old build's marked entries go", async () => {
    const root = temp('cacheroot');
    try {
      const mine = join(root, 'decks-biology');
      mkdirSync(mine);
      writeFileSync(join(mine, 'notes.txt'), 'mine');
      writeFileSync(join(mine, `${'a'.repeat(64)}.qdc`), 'looks like ours, but no marker');
      const old = join(root, 'decks-oldbuild');
      await loadWholeDecks(['tests/fixtures/valid'], { cacheDir: old });
      expect(readdirSync(old)).toContain(CACHE_MARKER);
      // A marked directory where someone put a file of their own: our files go, theirs and the folder stay.
      const shared = join(root, 'decks-shared');
      await loadWholeDecks(['tests/fixtures/valid'], { cacheDir: shared });
      writeFileSync(join(shared, 'keep.md'), 'x');

      await loadWholeDecks(['tests/fixtures/valid'], { cacheDir: join(root, 'decks-current') });

      expect(readFileSync(join(mine, 'notes.txt'), 'utf8')).toBe('mine');
      expect(readdirSync(mine).sort()).toEqual([`${'a'.repeat(64)}.qdc`, 'notes.txt']);
      expect(existsSync(old)).toBe(false);
      expect(readdirSync(shared).sort()).toEqual([CACHE_MARKER, 'keep.md']);
      expect(readdirSync(join(root, 'decks-current'))).toContain(CACHE_MARKER);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('leaves an unmarked sibling alone even when called directly', () => {
    const root = temp('cacheroot');
    try {
      mkdirSync(join(root, 'decks-x'));
      pruneOtherBuilds(join(root, 'decks-y'));
      expect(existsSync(join(root, 'decks-x'))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("a file that cannot be stat'ed", () => {
  it('skips the cache for that file alone: a link loop is reported, the other decks are used', async () => {
    const dir = temp('decks');
    try {
      copyFileSync('tests/fixtures/valid/sample.yaml', join(dir, 'good.yaml'));
      symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
      const { decks, diagnostics } = await loadWholeDecks([dir], { cacheDir: temp('cache') });
      expect(decks.map((d) => d.deck)).toEqual(['sample']);
      expect(diagnostics.map((d) => d.rule)).toEqual(['file-unreadable']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
