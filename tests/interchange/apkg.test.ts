import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { idAllocator } from '../../src/core/interchange/ids.js';
import { noteToCard } from '../../src/core/interchange/anki-notes.js';
import { ankiDeckId, buildAnkiCollection, MODEL_IDS } from '../../src/core/interchange/apkg.js';
import { readApkg, writeApkg } from '../../src/io/apkg.js';
import { asValidDeck, EDGE, loadDeck, SAMPLE, without } from './helpers.js';

const NOW = Date.UTC(2026, 0, 15, 12);
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The collection of an .apkg, extracted to a temporary file and opened as Anki would open it. */
function openCollection(apkg: Uint8Array, name = 'collection.anki2') {
  const entries = unzipSync(apkg);
  const dir = mkdtempSync(join(tmpdir(), 'quizdeck-apkg-test-'));
  dirs.push(dir);
  const file = join(dir, name);
  writeFileSync(file, entries[name]!);
  return { db: new Database(file, { readonly: true }), entries };
}

describe('.apkg export', () => {
  const decks = [loadDeck(SAMPLE), loadDeck(EDGE)];
  const apkg = writeApkg(buildAnkiCollection(decks, NOW));
  const { db, entries } = openCollection(apkg);
  afterAll(() => db.close());

  it('is a zip with a schema 11 collection and an empty media map', () => {
    expect(Object.keys(entries).sort()).toEqual(['collection.anki2', 'media']);
    expect(strFromU8(entries.media!)).toBe('{}');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
    ).map((r) => r.name);
    expect(tables).toEqual(['cards', 'col', 'graves', 'notes', 'revlog']);
    expect(db.prepare('SELECT id, ver, crt, mod FROM col').all()).toEqual([
      { id: 1, ver: 11, crt: Date.UTC(2026, 0, 15) / 1000, mod: NOW },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM revlog').get()).toEqual({ n: 0 });
  });

  it('holds the note types and decks its notes and cards point at', () => {
    const col = db.prepare('SELECT models, decks, dconf FROM col').get() as {
      models: string;
      decks: string;
      dconf: string;
    };
    const models = JSON.parse(col.models) as Record<
      string,
      {
        id: number;
        name: string;
        type: number;
        flds: { name: string; ord: number }[];
        tmpls: { name: string; ord: number; qfmt: string }[];
      }
    >;
    expect(Object.values(models).map((m) => [m.name, m.type, m.flds.map((f) => f.name), m.tmpls.length])).toEqual([
      ['Basic (quizdeck)', 0, ['Front', 'Back', 'Why'], 1],
      ['Basic (and reversed card) (quizdeck)', 0, ['Front', 'Back', 'Why'], 2],
      ['Cloze (quizdeck)', 1, ['Text', 'Back Extra'], 1],
    ]);
    for (const [id, model] of Object.entries(models)) expect(model.id).toBe(Number(id));
    const ankiDecks = JSON.parse(col.decks) as Record<string, { id: number; name: string; conf: number }>;
    expect(Object.values(ankiDecks).map((d) => d.name)).toEqual([
      'Default',
      'Hypervisor basics',
      'Edge cases & <specials>',
    ]);
    expect(Object.keys(JSON.parse(col.dconf) as object)).toEqual(['1']);

    const notes = db.prepare('SELECT id, guid, mid, tags, flds, sfld, csum FROM notes ORDER BY id').all() as {
      id: number;
      guid: string;
      mid: number;
      tags: string;
      flds: string;
      sfld: string;
      csum: number;
    }[];
    expect(notes).toHaveLength(12);
    expect(new Set(notes.map((n) => n.guid)).size).toBe(12);
    expect(notes[0]).toMatchObject({
      guid: 'sample/esx-hypervisor-name',
      mid: MODEL_IDS['Basic (and reversed card)'],
      tags: ' esx section::esx ',
    });
    for (const note of notes) {
      const model = models[String(note.mid)]!;
      expect(note.flds.split('\x1f')).toHaveLength(model.flds.length);
      expect(note.csum).toBe(parseInt(createHash('sha1').update(note.sfld).digest('hex').slice(0, 8), 16));
    }
    const cards = db.prepare('SELECT nid, did, ord FROM cards ORDER BY id').all() as {
      nid: number;
      did: number;
      ord: number;
    }[];
    const noteIds = new Set(notes.map((n) => n.id));
    expect(cards.every((c) => noteIds.has(c.nid) && String(c.did) in ankiDecks)).toBe(true);
    // One card per template, one per cloze deletion: what quizdeck calls items.
    const perNote = notes.map((n) => cards.filter((c) => c.nid === n.id).map((c) => c.ord));
    expect(perNote).toEqual([[0, 1], [0], [0], [0, 1], [0], [0], [0], [0], [0, 1, 2], [0], [0, 1], [0]]);
    expect(cards.filter((c) => c.did === ankiDeckId('edge-cases'))).toHaveLength(11);
  });

  it('reads back as the same cards, less what Anki cannot carry', () => {
    const { notes, title, messages } = readApkg('deck.apkg', apkg);
    expect(messages).toEqual([]);
    expect(title).toBe('Edge cases & <specials>');
    const allocate = idAllocator();
    const cards = notes.map((n) => noteToCard(n, allocate).card!);
    asValidDeck(cards);
    expect(cards).toEqual(
      decks
        .flatMap((d) => d.cards)
        .map((c) => without(c, 'accept'))
        .map((c) => (c.tags ? { ...c, tags: c.tags.map((t) => t.replace(/ /g, '_')) } : c)),
    );
  });
});

describe('.apkg import', () => {
  /** A package as Anki 2.1 exports one: stock Basic and Cloze note types, a media map, collection.anki21 beside a dummy anki2. */
  function ankiPackage(): Uint8Array {
    const dir = mkdtempSync(join(tmpdir(), 'quizdeck-apkg-fixture-'));
    dirs.push(dir);
    const file = join(dir, 'c.anki21');
    const db = new Database(file);
    db.exec(`CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
      CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
      CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
      CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
      CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);`);
    const models = {
      1342697561419: {
        id: 1342697561419,
        name: 'Basic',
        type: 0,
        flds: [
          { name: 'Front', ord: 0 },
          { name: 'Back', ord: 1 },
        ],
        tmpls: [{ name: 'Card 1', ord: 0 }],
      },
      1342697561420: {
        id: 1342697561420,
        name: 'Cloze',
        type: 1,
        flds: [
          { name: 'Text', ord: 0 },
          { name: 'Back Extra', ord: 1 },
        ],
        tmpls: [{ name: 'Cloze', ord: 0 }],
      },
    };
    const decks = { 1: { id: 1, name: 'Default' }, 1700000000000: { id: 1700000000000, name: 'Spanish::Verbs' } };
    db.prepare("INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?, ?, '{}', '{}')").run(
      JSON.stringify(models),
      JSON.stringify(decks),
    );
    const note = db.prepare("INSERT INTO notes VALUES (?, ?, ?, 0, -1, ?, ?, '', 0, 0, '')");
    note.run(1, 'G6c*[Xa|2Q', 1342697561419, ' spanish verbs ', 'hablar<img src="hablar.jpg">\x1fto speak');
    note.run(2, 'Hk0<!]b@9e', 1342697561419, '', 'comer [sound:comer.mp3]\x1fto eat');
    note.run(3, 'r5y{v7Tz+1', 1342697561420, ' spanish ', 'Yo {{c1::hablo::hablar}} español.\x1fPresent tense');
    const card = db.prepare(
      "INSERT INTO cards VALUES (?, ?, 1700000000000, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '')",
    );
    for (const id of [1, 2, 3]) card.run(id, id);
    db.close();
    return zipSync({
      'collection.anki2': strToU8('not the real collection'),
      'collection.anki21': readFileSync(file),
      media: strToU8('{"0": "hablar.jpg", "1": "comer.mp3"}'),
      0: new Uint8Array([1]),
      1: new Uint8Array([2]),
    });
  }

  it('reads an Anki 2.1 package (collection.anki21), naming the media it drops', () => {
    const { notes, title, messages } = readApkg('spanish.apkg', ankiPackage());
    expect(title).toBe('Spanish::Verbs');
    expect(messages).toEqual(['2 media files (images, sounds) dropped: quizdeck decks hold text only']);
    const allocate = idAllocator();
    const converted = notes.map((n) => noteToCard(n, allocate));
    const cards = converted.map((c) => c.card!);
    asValidDeck(cards, 'es');
    expect(cards).toEqual([
      { id: expect.stringMatching(/^anki-[0-9a-z]+$/), tags: ['spanish', 'verbs'], q: 'hablar', a: 'to speak' },
      { id: expect.stringMatching(/^anki-[0-9a-z]+$/), q: 'comer', a: 'to eat' },
      {
        id: expect.stringMatching(/^anki-[0-9a-z]+$/),
        tags: ['spanish'],
        type: 'cloze',
        text: 'Yo {{hablo::hablar}} español.',
        why: 'Present tense',
      },
    ]);
    expect(converted.map((c) => c.notes)).toEqual([['image hablar.jpg dropped'], ['sound comer.mp3 dropped'], []]);
  });

  it('refuses the zstd collection.anki21b with a sentence that says what to do', () => {
    const newer = zipSync({
      'collection.anki21b': new Uint8Array([0x28, 0xb5, 0x2f, 0xfd]),
      meta: new Uint8Array([8, 3]),
    });
    expect(() => readApkg('new.apkg', newer)).toThrow(
      /new\.apkg: this package uses Anki's newer format \(collection\.anki21b, zstd-compressed\).*"Support older Anki versions"/,
    );
  });

  it('refuses a file that is not a zip, or a zip without a collection', () => {
    expect(() => readApkg('x.apkg', strToU8('hello'))).toThrow(/x\.apkg: not an Anki package/);
    expect(() => readApkg('y.apkg', zipSync({ 'readme.txt': strToU8('hi') }))).toThrow(
      /y\.apkg: no Anki collection in this package/,
    );
  });
});
