import '../helpers/cache.js';
import { copyFileSync, existsSync, symlinkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outlineOf } from '../../src/core/deck/outline.js';
import type { Deck } from '../../src/core/deck/schema.js';
import { CACHE_MARKER, deckCacheDir, deckOutline, loadDecks, pruneOtherBuilds, requireValidDecks } from '../../src/io/decks.js';

const temp = (name: string) => mkdtempSync(join(tmpdir(), `quizdeck-${name}-`));

describe('loadDecks with a cache', () => {
  it('gives what loadDecks gives, from the cache the second time', async () => {
    const cache = temp('cache');
    const first = await loadDecks(['tests/fixtures/valid'], { cacheDir: cache });
    expect(readdirSync(cache).filter((f) => f.endsWith('.qdc'))).toHaveLength(1);
    const second = await loadDecks(['tests/fixtures/valid'], { cacheDir: cache });
    const direct = await loadDecks(['tests/fixtures/valid'], { cacheDir: null });
    expect(second.decks).toEqual(direct.decks);
    expect(first.decks).toEqual(direct.decks);
  });

  it('keys entries by file version, so an edited file is parsed again and a copy elsewhere names its own path', async () => {
    const cache = temp('cache');
    const dir = temp('decks');
    copyFileSync('tests/fixtures/invalid/duplicate-card-id.yaml', join(dir, 'a.yaml'));
    const before = await loadDecks([join(dir, 'a.yaml')], { cacheDir: cache });
    expect(before.diagnostics.map((d) => [d.rule, d.line])).toEqual([['duplicate-card-id', 10]]);
    copyFileSync('tests/fixtures/invalid/duplicate-card-id.yaml', join(dir, 'b.yaml'));
    const copy = await loadDecks([join(dir, 'b.yaml')], { cacheDir: cache });
    expect(copy.diagnostics[0]!.file).toBe(join(dir, 'b.yaml'));
    writeFileSync(join(dir, 'a.yaml'), 'deck: fixed\ntitle: Fixed\ncards:\n  - id: one\n    q: Why?\n    a: Because\n');
    const after = await loadDecks([join(dir, 'a.yaml')], { cacheDir: cache });
    expect(after.diagnostics).toEqual([]);
    expect(after.decks[0]!.file).toBe(join(dir, 'a.yaml'));
  });

  const openFiles = () => readdirSync('/proc/self/fd').length;

  function expectSameOutline(cachedDeck: Deck, parsedDeck: Deck) {
    const direct = outlineOf(parsedDeck);
    const outline = deckOutline(cachedDeck);
    expect(outline.size).toBe(direct.size);
    for (let i = outline.size - 1; i >= 0; i--) {
      expect([outline.id(i), outline.keys(i), outline.card(i)]).toEqual([direct.id(i), direct.keys(i), direct.card(i)]);
    }
    // Cards read one by one and all at once are the same objects.
    expect(cachedDeck.cards[3]).toBe(outline.card(3));
    expect(cachedDeck.cards).toEqual(parsedDeck.cards);
  }

  it('reads a small cached deck whole and closes it', async () => {
    const cache = temp('cache');
    const [parsed] = (await loadDecks(['decks/hypervisors.en.yaml'], { cacheDir: cache })).decks;
    const before = openFiles();
    const [cached] = (await loadDecks(['decks/hypervisors.en.yaml'], { cacheDir: cache })).decks;
    expect(openFiles()).toBe(before);
    rmSync(cache, { recursive: true });
    expect(parsed!.cards.some((c) => c.type === 'cloze')).toBe(true);
    expectSameOutline(cached!, parsed!);
  });

  it('reads a large cached deck card by card from a file it keeps open, even after the entry is deleted', async () => {
    const cache = temp('cache');
    const dir = temp('decks');
    const filler = 'x'.repeat(300);
    const body = Array.from({ length: 4000 }, (_, i) =>
      i % 2 ? `  - id: c${i}\n    type: cloze\n    text: "{{one}} and {{two}} ${filler}"\n` : `  - id: c${i}\n    q: Question ${i} ${filler}\n    a: Answer ${i}\n    reverse: true\n`,
    ).join('');
    writeFileSync(join(dir, 'big.yaml'), `deck: big\ntitle: Big\ncards:\n${body}`);
    const [parsed] = (await loadDecks([join(dir, 'big.yaml')], { cacheDir: cache })).decks;
    const before = openFiles();
    const [cached] = (await loadDecks([join(dir, 'big.yaml')], { cacheDir: cache })).decks;
    expect(openFiles()).toBe(before + 1);
    rmSync(cache, { recursive: true });
    expect(deckOutline(cached!).keys(1)).toEqual(['c1:c1', 'c1:c2']);
    expect(deckOutline(cached!).keys(2)).toEqual(['c2', 'c2:reverse']);
    expectSameOutline(cached!, parsed!);
    expect(openFiles()).toBe(before); // reading every card (expectSameOutline did) closes it
  });

  it('ignores a damaged entry and parses the deck again', async () => {
    const cache = temp('cache');
    const first = await loadDecks(['decks/hypervisors.zh.yaml'], { cacheDir: cache });
    const [entry] = readdirSync(cache).filter((f) => f.endsWith('.qdc'));
    const full = readFileSync(join(cache, entry!));
    truncateSync(join(cache, entry!), full.length - 10);
    expect((await loadDecks(['decks/hypervisors.zh.yaml'], { cacheDir: cache })).decks).toEqual(first.decks);
    expect(readFileSync(join(cache, entry!))).toEqual(full); // written again whole
    writeFileSync(join(cache, entry!), 'not a cache entry');
    expect((await loadDecks(['decks/hypervisors.zh.yaml'], { cacheDir: cache })).decks).toEqual(first.decks);
  });

  it('still checks deck ids across files when every file comes from the cache', async () => {
    const cache = temp('cache');
    await loadDecks(['tests/fixtures/dup-deck-ids'], { cacheDir: cache });
    const { diagnostics } = await loadDecks(['tests/fixtures/dup-deck-ids'], { cacheDir: cache });
    expect(diagnostics.map((d) => d.rule)).toEqual(['duplicate-deck-id']);
  });

  it('follows XDG_CACHE_HOME, QUIZDECK_CACHE_DIR, and QUIZDECK_CACHE=0', () => {
    expect(deckCacheDir({ XDG_CACHE_HOME: '/x' })).toMatch(/^\/x\/quizdeck\/decks-/);
    expect(deckCacheDir({ QUIZDECK_CACHE_DIR: '/y' })).toMatch(/^\/y\/decks-/);
    expect(deckCacheDir({ QUIZDECK_CACHE: '0' })).toBeUndefined();
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
      await loadDecks(['tests/fixtures/valid'], { cacheDir: old });
      expect(readdirSync(old)).toContain(CACHE_MARKER);
      // A marked directory where someone put a file of their own: our files go, theirs and the folder stay.
      const shared = join(root, 'decks-shared');
      await loadDecks(['tests/fixtures/valid'], { cacheDir: shared });
      writeFileSync(join(shared, 'keep.md'), 'x');

      await loadDecks(['tests/fixtures/valid'], { cacheDir: join(root, 'decks-current') });

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

describe('a file that cannot be stat\'ed', () => {
  it('skips the cache for that file alone: a link loop is reported, the other decks are used', async () => {
    const dir = temp('decks');
    try {
      copyFileSync('tests/fixtures/valid/sample.yaml', join(dir, 'good.yaml'));
      symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
      const { decks, diagnostics } = await loadDecks([dir], { cacheDir: temp('cache') });
      expect(decks.map((d) => d.deck)).toEqual(['sample']);
      expect(diagnostics.map((d) => d.rule)).toEqual(['file-unreadable']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('requireValidDecks', () => {
  it('refuses with the first error, its file and line, and how many more there are', async () => {
    await expect(requireValidDecks(['tests/fixtures/invalid/duplicate-card-id.yaml', 'tests/fixtures/invalid/no-cards.yaml'])).rejects.toThrow(
      'tests/fixtures/invalid/duplicate-card-id.yaml:10: duplicate card id "one"; it is first used on line 4 (and 1 more problem); run `quizdeck validate tests/fixtures/invalid/duplicate-card-id.yaml` to see every problem',
    );
  });
});
