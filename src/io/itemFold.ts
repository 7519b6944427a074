import type { Db } from './db.js';

/**
 * The review log folded inside SQLite, item by item: an aggregate function grouped by item, so
 * 500k reviews never become 500k JavaScript rows and no item key crosses into JavaScript (on 20k
 * cards and 500k reviews, about 85 ms of SQLite and calls, where passing each review's key and
 * looking it up took 250). `stats` and `optimize` read the log this way.
 *
 * It walks the covering index `reviews_item` (deck_id, card_key, id, reviewed_at, rating,
 * state_before, stability): `columns` may use those. A GROUP BY that walks an index hands each
 * group's rows to the aggregate in the index's order, here id order, the order of saving;
 * asking for it with ORDER BY inside the call would sort every item's reviews again (a third
 * more). A database no writing command has opened since migration 6 has no such index: then
 * SQLite sorts the deck's reviews, and the ORDER BY is what promises id order
 * (tests/stats/fastpath.test.ts and tests/optimize/conversion.test.ts check that both give the
 * same result).
 */
export interface FoldSteps {
  /** The SQL expressions handed to `review`, numbers only (each value costs about as much as reading the row). */
  columns: string;
  /** Before each item's reviews: the index of its deck in `deckIds`. */
  item: (deck: number) => void;
  /**
   * One review, in id order: `_` is SQLite's accumulator, then one value per column. It returns
   * nothing: better-sqlite3 then keeps the accumulator instead of storing a new one per row (a
   * tenth of the cost of the calls). better-sqlite3 counts its parameters for the arity.
   */
  review: (_: number, ...values: number[]) => void;
}

/**
 * One part of each deck's items, for two threads (io/statsFold.ts): those whose key sorts before
 * (`below`) or from (`from`) the deck's key. A deck without a key is folded whole by `from`
 * and not at all by `below`.
 */
export interface FoldPart {
  half: 'below' | 'from';
  keys: readonly (string | null)[];
}

export function foldItems(db: Db, deckIds: readonly string[], fold: FoldSteps, part?: FoldPart): void {
  let deck = 0;
  db.aggregate('quizdeck_item_fold', {
    start: () => {
      fold.item(deck);
      return 0;
    },
    // @types/better-sqlite3 types step as two-argument; SQLite passes one value per argument.
    step: fold.review as unknown as (total: number, next: number) => number,
    result: () => null,
  });
  // Read the file through a memory map: copying its pages into SQLite's page cache cost a third more.
  db.pragma('mmap_size = 1073741824');
  const indexed =
    db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'reviews_item'").pluck().get() === 1;
  const select = (where: string) =>
    db
      .prepare(
        `SELECT count(*) FROM (SELECT quizdeck_item_fold(${fold.columns}${indexed ? '' : ' ORDER BY id'}) FROM reviews ${indexed ? 'INDEXED BY reviews_item' : 'NOT INDEXED'} WHERE ${where} GROUP BY card_key)`,
      )
      .pluck();
  const whole = select('deck_id = ?');
  const ranged = part && select(`deck_id = ? AND card_key ${part.half === 'below' ? '<' : '>='} ?`);
  for (deck = 0; deck < deckIds.length; deck++) {
    const key = part?.keys[deck] ?? null;
    if (!ranged || key === null) {
      if (part?.half !== 'below') whole.get(deckIds[deck]);
    } else ranged.get(deckIds[deck], key);
  }
}
