// The deck format's id rule (schema.ts), repeated so exports do not load zod.
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * FNV-1a, 64 bits: a stable hash without node:crypto (core stays pure). Used only to name
 * things (GUIDs, ids, Anki row ids), never for security.
 */
export function hash64(text: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h;
}

/**
 * The Anki GUID of a card: the deck id and card id joined, so the same card exported again
 * updates its note in Anki instead of adding a copy, and importing the file back restores
 * the card id. Both ids are kebab-case, so the GUID holds no separator of any format.
 */
export function ankiGuid(deckId: string, cardId: string): string {
  return `${deckId}/${cardId}`;
}

/** The card id in a GUID that ankiGuid wrote. */
export function cardIdFromGuid(guid: string): string | undefined {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(guid);
  return match?.[2];
}

/** A lowercase kebab-case id from any text (`Xen 4.0: PV` -> `xen-4-0-pv`), at most `max` characters. */
export function slugify(text: string, max = 48): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  return cut.slice(0, cut.lastIndexOf('-') > max / 2 ? cut.lastIndexOf('-') : max).replace(/-+$/, '');
}

/** An id for a card from a source that names it only by an opaque key (an Anki GUID of another tool). */
export function idFromKey(prefix: string, key: string): string {
  return `${prefix}-${hash64(key).toString(36)}`;
}

/** Gives out ids unique within one deck: a second `intro` becomes `intro-2`. */
export function idAllocator(taken: Iterable<string> = []): (wanted: string, fallback: string) => string {
  const used = new Set(taken);
  return (wanted, fallback) => {
    const base = ID_PATTERN.test(wanted) ? wanted : slugify(wanted) || fallback;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}
