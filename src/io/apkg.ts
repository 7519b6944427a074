import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import * as zlib from 'node:zlib';
import { strFromU8, strToU8, unzipSync, Zip, zipSync, type ZipInputFile } from 'fflate';
import type { ForeignNote } from '../core/interchange/anki-notes.js';
import type { AnkiCollection } from '../core/interchange/apkg.js';

/**
 * `.apkg` files: a zip holding an Anki collection (SQLite) and a `media` map. The collection
 * is built and read in memory (better-sqlite3 serialises and deserialises databases).
 */

// The addon by path, as src/io/db.ts loads it (the bundle has no `bindings` lookup).
let nativeBinding: string | undefined;
const addonPath = () =>
  (nativeBinding ??= createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node'));

// Anki's schema 11 tables (rslib/src/storage/schema11.sql), which every Anki since 2.1 imports.
const SCHEMA_11 = `
  CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL, ver integer NOT NULL,
    dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
    dconf text NOT NULL, tags text NOT NULL);
  CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL,
    tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
  CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL, mod integer NOT NULL,
    usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
    reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL,
    data text NOT NULL);
  CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL, ivl integer NOT NULL,
    lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
  CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
`;
// Made after the rows are in: building an index once is faster than keeping it up to date row by row.
const INDEXES_11 = `
  CREATE INDEX ix_notes_usn ON notes (usn);
  CREATE INDEX ix_cards_usn ON cards (usn);
  CREATE INDEX ix_revlog_usn ON revlog (usn);
  CREATE INDEX ix_cards_nid ON cards (nid);
  CREATE INDEX ix_cards_sched ON cards (did, queue, due);
  CREATE INDEX ix_revlog_cid ON revlog (cid);
  CREATE INDEX ix_notes_csum ON notes (csum);
`;

/** A package that cannot be read, said in one sentence naming the file; the command turns it into exit 2. */
export class ApkgReadError extends Error {
  override name = 'ApkgReadError';
}

/** Anki's note checksum: the first 8 hex digits of the SHA-1 of the first field's text, as an integer. */
function checksum(text: string): number {
  return parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);
}

/** The .apkg bytes of a collection. */
export function writeApkg(collection: AnkiCollection): Uint8Array {
  // Built in memory and serialised: no temporary file to write, read back and remove.
  const db = new Database(':memory:', { nativeBinding: addonPath() });
  let sqlite: Buffer;
  try {
    db.exec(SCHEMA_11);
    const c = collection.col;
    db.prepare('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)').run(
      c.crt,
      c.mod,
      c.scm,
      c.conf,
      c.models,
      c.decks,
      c.dconf,
      '{}',
    );
    const note = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
    const card = db.prepare("INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')");
    db.transaction(() => {
      for (const n of collection.notes)
        note.run(n.id, n.guid, n.mid, n.mod, n.tags, n.flds, n.sfld, checksum(n.checksumText));
      for (const k of collection.cards) card.run(k.id, k.nid, k.did, k.ord, k.mod, k.due);
    })();
    db.exec(INDEXES_11);
    sqlite = db.serialize();
  } finally {
    db.close();
  }
  return zipFiles([
    ['collection.anki2', sqlite],
    ['media', strToU8('{}')],
  ]);
}

/**
 * fflate writes the zip; the deflating is Node's own zlib when this Node has zlib.crc32
 * (20.15+), since fflate's JavaScript deflate took 0.7 s of a 3 s export of 10k cards.
 */
function zipFiles(files: [string, Uint8Array][]): Uint8Array {
  const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (!crc32) return zipSync(Object.fromEntries(files.map(([name, data]) => [name, [data, { level: 1 }]])));
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [filename, data] of files) {
    const entry: ZipInputFile = { filename, size: data.length, crc: crc32(data), compression: 8 };
    zip.add(entry);
    // Level 1: a third of level 6's time, for a file a quarter larger.
    entry.ondata!(null, zlib.deflateRawSync(data, { level: 1 }), true);
  }
  zip.end();
  return Buffer.concat(chunks);
}

export interface ApkgNotes {
  notes: ForeignNote[];
  /** The deck most notes are in. */
  title?: string;
  messages: string[];
}

/** Notes of an .apkg (or .colpkg) of the legacy formats; the zstd `collection.anki21b` gets one clear sentence. */
export function readApkg(file: string, bytes: Uint8Array): ApkgNotes {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw new ApkgReadError(
      `${file}: not an Anki package (.apkg files are zip archives, and this one cannot be opened)`,
    );
  }
  const collection = entries['collection.anki21'] ?? entries['collection.anki2'];
  if (!collection) {
    if (entries['collection.anki21b']) {
      throw new ApkgReadError(
        `${file}: this package uses Anki's newer format (collection.anki21b, zstd-compressed), which quizdeck cannot read; in Anki, export it again with "Support older Anki versions" ticked, or as "Notes in Plain Text"`,
      );
    }
    throw new ApkgReadError(
      `${file}: no Anki collection in this package (expected collection.anki2 or collection.anki21)`,
    );
  }
  const messages: string[] = [];
  const media = entries.media ? countMedia(entries.media) : 0;
  if (media > 0)
    messages.push(
      `${media} media ${media === 1 ? 'file' : 'files'} (images, sounds) dropped: quizdeck decks hold text only`,
    );
  let db: Database.Database | undefined;
  try {
    // A serialised database opens in memory: the package's collection is never written to disk.
    db = new Database(Buffer.from(collection.buffer, collection.byteOffset, collection.byteLength), {
      readonly: true,
      nativeBinding: addonPath(),
    });
    return { ...readNotes(db), messages };
  } catch (error) {
    throw new ApkgReadError(
      `${file}: the Anki collection in this package cannot be read (${(error as Error).message})`,
    );
  } finally {
    db?.close();
  }
}

function countMedia(bytes: Uint8Array): number {
  try {
    return Object.keys(JSON.parse(strFromU8(bytes)) as object).length;
  } catch {
    return 0;
  }
}

interface ModelJson {
  name?: string;
  type?: number;
  flds?: { name: string; ord?: number }[];
  tmpls?: unknown[];
}

function readNotes(db: Database.Database): Omit<ApkgNotes, 'messages'> {
  const col = db.prepare('SELECT models, decks FROM col').get() as { models: string; decks: string };
  const models = JSON.parse(col.models) as Record<string, ModelJson>;
  const decks = JSON.parse(col.decks) as Record<string, { name?: string }>;
  const deckOf = new Map<number, number>();
  for (const row of db.prepare('SELECT nid, did FROM cards ORDER BY ord').iterate() as Iterable<{
    nid: number;
    did: number;
  }>) {
    if (!deckOf.has(row.nid)) deckOf.set(row.nid, row.did);
  }
  const counts = new Map<string, number>();
  const notes: ForeignNote[] = [];
  let index = 0;
  for (const row of db.prepare('SELECT id, guid, mid, tags, flds FROM notes ORDER BY id').iterate() as Iterable<{
    id: number;
    guid: string;
    mid: number;
    tags: string;
    flds: string;
  }>) {
    index++;
    const model = models[String(row.mid)];
    const deckName = decks[String(deckOf.get(row.id))]?.name;
    if (deckName) counts.set(deckName, (counts.get(deckName) ?? 0) + 1);
    const fieldNames = model?.flds
      ? [...model.flds].sort((a, b) => (a.ord ?? 0) - (b.ord ?? 0)).map((f) => f.name)
      : undefined;
    notes.push({
      guid: row.guid,
      noteType: model?.name,
      cloze: model ? model.type === 1 : undefined,
      templates: model?.tmpls?.length,
      fields: row.flds.split('\x1f'),
      fieldNames,
      tags: row.tags.split(/\s+/).filter(Boolean),
      deckName,
      where: `note ${index}`,
    });
  }
  const title = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { notes, title };
}
