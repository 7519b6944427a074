import { STATE_REVIEW, type CardMemory, type MemoryState } from '../core/schedule/fsrs.js';
import type { StudyDay } from '../core/schedule/day.js';
import { cardRef, type DailyCounts, type ItemState } from '../core/schedule/queue.js';
import type { CramRecord, QueueSnapshot, ReviewRecord } from '../core/study/session.js';
import type { Db } from './db.js';

/**
 * Reviews and card state in the database (tables in `io/db.ts`). Every answer is one
 * transaction: the review row and the card's new state, so a crash never separates them.
 */

/** One review as a study session records it (modelled in the core). */
export type ReviewInput = ReviewRecord;

interface StateRow {
  deck_id: string;
  card_key: string;
  card_id: string;
  state: number;
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  last_review: number | null;
  leech: number;
  review_id: number;
}

/** What `previous` holds: the card_state row before the answer, enough to restore it exactly. */
type PreviousState = Omit<StateRow, 'deck_id' | 'card_key' | 'card_id'>;

const STATE_COLUMNS =
  'state, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, last_review, leech, review_id';

export class ReviewStore {
  private readonly insertReview;
  private readonly upsertState;
  private readonly selectState;
  private readonly deleteState;
  private readonly deleteReview;

  constructor(readonly db: Db) {
    this.insertReview = db.prepare(
      `INSERT INTO reviews (deck_id, card_key, card_id, rating, reviewed_at, duration_ms, state_before, state, due, stability, difficulty, scheduled_days, previous)
       VALUES (@deck_id, @card_key, @card_id, @rating, @reviewed_at, @duration_ms, @state_before, @state, @due, @stability, @difficulty, @scheduled_days, @previous)`,
    );
    // Another session may have answered the same card meanwhile: the state from the last
    // review saved wins (the highest id), and both reviews are kept. Not the latest
    // `reviewed_at`: after the clock went back, that kept the old state and the card came back
    // in every session, its new reviews written but never applied.
    this.upsertState = db.prepare(
      `INSERT INTO card_state (deck_id, card_key, card_id, ${STATE_COLUMNS})
       VALUES (@deck_id, @card_key, @card_id, @state, @due, @stability, @difficulty, @elapsed_days, @scheduled_days, @learning_steps, @reps, @lapses, @last_review, @leech, @review_id)
       ON CONFLICT (deck_id, card_key) DO UPDATE SET card_id = excluded.card_id, ${STATE_COLUMNS.split(', ')
         .map((c) => `${c} = excluded.${c}`)
         .join(', ')}
       WHERE excluded.review_id > card_state.review_id`,
    );
    this.selectState = db.prepare(`SELECT * FROM card_state WHERE deck_id = ? AND card_key = ?`);
    this.deleteState = db.prepare(`DELETE FROM card_state WHERE deck_id = ? AND card_key = ?`);
    this.deleteReview = db.prepare(`DELETE FROM reviews WHERE id = ? RETURNING deck_id, card_key, previous`);
  }

  /** Saves one answer and the card's new state in one transaction; returns the review id. */
  record(input: ReviewInput): number {
    return this.db
      .transaction(() => {
        const current = this.selectState.get(input.deckId, input.cardKey) as StateRow | undefined;
        const previous: PreviousState | null = current ? stripKeys(current) : null;
        const m = input.after.memory;
        const reviewId = Number(
          this.insertReview.run({
            deck_id: input.deckId,
            card_key: input.cardKey,
            card_id: input.cardId,
            rating: input.rating,
            reviewed_at: input.reviewedAt,
            duration_ms: Math.max(0, Math.round(input.durationMs)),
            state_before: input.before?.memory.state ?? 0,
            state: m.state,
            due: m.due,
            stability: m.stability,
            difficulty: m.difficulty,
            scheduled_days: m.scheduledDays,
            previous: previous ? JSON.stringify(previous) : null,
          }).lastInsertRowid,
        );
        this.upsertState.run({
          deck_id: input.deckId,
          card_key: input.cardKey,
          card_id: input.cardId,
          ...memoryColumns(input.after),
          review_id: reviewId,
        });
        return reviewId;
      })
      .immediate();
  }

  /**
   * Takes back a review: deletes its row and, if the card's state still comes from it, puts
   * back the state from before (or removes it, for a card that was new). One transaction.
   */
  undo(reviewId: number): boolean {
    return this.db
      .transaction(() => {
        const row = this.deleteReview.get(reviewId) as
          { deck_id: string; card_key: string; previous: string | null } | undefined;
        if (!row) return false;
        const current = this.selectState.get(row.deck_id, row.card_key) as StateRow | undefined;
        if (current?.review_id !== reviewId) return true;
        if (row.previous === null) this.deleteState.run(row.deck_id, row.card_key);
        else {
          const previous = JSON.parse(row.previous) as PreviousState;
          this.db
            .prepare(
              `UPDATE card_state SET ${STATE_COLUMNS.split(', ')
                .map((c) => `${c} = @${c}`)
                .join(', ')} WHERE deck_id = @deck_id AND card_key = @card_key`,
            )
            .run({ ...previous, deck_id: row.deck_id, card_key: row.card_key });
        }
        return true;
      })
      .immediate();
  }

  /**
   * Card states by deck id, then item key, as a session's queue needs them: the full state of
   * items that are in learning or due before `dueBefore`, and only the keys of the other studied
   * items (which wait for a later day). A large collection has mostly the latter; not building
   * their states keeps launch fast. `Infinity` gives every state.
   */
  loadQueueStates(
    deckIds: readonly string[],
    dueBefore: number,
  ): { states: Map<string, Map<string, ItemState>>; notDue: Map<string, Set<string>> } {
    const select = this.db
      .prepare(
        `SELECT card_key, ${STATE_COLUMNS} FROM card_state WHERE deck_id = ? AND (state <> ${STATE_REVIEW} OR due < ?)`,
      )
      .raw();
    // One string split in JavaScript rather than a value per row: better-sqlite3's per-row cost
    // dominated this on a collection of 20k cards.
    const later = this.db
      .prepare(
        `SELECT group_concat(card_key, char(10)) FROM card_state WHERE deck_id = ? AND state = ${STATE_REVIEW} AND due >= ?`,
      )
      .pluck();
    const states = new Map<string, Map<string, ItemState>>();
    const notDue = new Map<string, Set<string>>();
    for (const deck of deckIds) {
      // all() rather than iterate(): one call into SQLite instead of one per row.
      states.set(deck, readStates(select.all(deck, dueBefore) as unknown[][]));
      const keys = later.get(deck, dueBefore) as string | null;
      notDue.set(deck, new Set(keys === null ? [] : keys.split('\n')));
    }
    return { states, notDue };
  }

  /**
   * Item keys answered during `day`, by `cardRef(deck, card)`: what buries siblings. Reviews
   * dated after the day (written before the clock was set back) belong to a later day.
   */
  reviewedDuring(deckIds: readonly string[], day: StudyDay): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    const wanted = new Set(deckIds);
    const rows = this.db
      .prepare(`SELECT DISTINCT deck_id, card_id, card_key FROM reviews WHERE reviewed_at >= ? AND reviewed_at < ?`)
      .raw()
      .iterate(day.start, day.end) as Iterable<[string, string, string]>;
    for (const [deck, card, key] of rows) {
      if (!wanted.has(deck)) continue;
      const ref = cardRef(deck, card);
      let keys = out.get(ref);
      if (!keys) out.set(ref, (keys = new Set()));
      keys.add(key);
    }
    return out;
  }

  /**
   * Items introduced and reviewed during `day`, per deck: what the daily limits count. Distinct
   * items, not review rows: two sessions at once introduce the same new cards, and counting
   * both sessions' answers made 20 new cards 40, so the next session showed "-20 new". Reviews
   * dated after the day (the clock was set back since) are not counted against it.
   */
  doneDuring(day: StudyDay): Map<string, DailyCounts> {
    const rows = this.db
      // Without INDEXED BY, SQLite walks the whole reviews_card index to avoid sorting the
      // GROUP BY — every review ever made — instead of today's few through reviews_time.
      .prepare(
        `SELECT deck_id, count(DISTINCT CASE WHEN state_before = 0 THEN card_key END), count(DISTINCT CASE WHEN state_before = 2 THEN card_key END)
         FROM reviews INDEXED BY reviews_time WHERE reviewed_at >= ? AND reviewed_at < ? GROUP BY deck_id`,
      )
      .raw()
      .all(day.start, day.end) as [string, number, number][];
    return new Map(rows.map(([deck, newCards, reviews]) => [deck, { newCards, reviews }]));
  }

  /**
   * Items of these decks in review due before `time`. Items in learning steps are left out: they
   * come back within minutes, and the summary names them as such instead of as "due tomorrow".
   */
  dueBefore(deckIds: readonly string[], time: number): number {
    const count = this.db
      .prepare(`SELECT count(*) FROM card_state WHERE deck_id = ? AND state = ${STATE_REVIEW} AND due < ?`)
      .pluck();
    return deckIds.reduce((n, deck) => n + (count.get(deck, time) as number), 0);
  }

  /** The state of every item of these decks that has one. */
  allStates(deckIds: readonly string[]): Map<string, Map<string, ItemState>> {
    const select = this.db.prepare(`SELECT card_key, ${STATE_COLUMNS} FROM card_state WHERE deck_id = ?`).raw();
    return new Map(deckIds.map((deck) => [deck, readStates(select.all(deck) as unknown[][])]));
  }

  /** Every state, and (as loadQueueStates) the keys of the items in review not due before `dueBefore`. */
  private everyState(
    deckIds: readonly string[],
    dueBefore: number,
  ): { states: Map<string, Map<string, ItemState>>; notDue: Map<string, Set<string>> } {
    const states = this.allStates(deckIds);
    const notDue = new Map<string, Set<string>>();
    for (const [deck, items] of states) {
      const keys = new Set<string>();
      for (const [key, { memory }] of items)
        if (memory.state === STATE_REVIEW && memory.due >= dueBefore) keys.add(key);
      notDue.set(deck, keys);
    }
    return { states, notDue };
  }

  /** Stores one answer of a cram session (no schedule changes); returns its id. */
  recordCram(answer: CramRecord): number {
    const insert = this.db.prepare(
      `INSERT INTO cram_answers (session, deck_id, card_key, card_id, rating, answered_at, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    return Number(
      insert.run(
        answer.session,
        answer.deckId,
        answer.cardKey,
        answer.cardId,
        answer.rating,
        answer.answeredAt,
        Math.max(0, Math.round(answer.durationMs)),
      ).lastInsertRowid,
    );
  }

  undoCram(id: number): void {
    this.db.prepare(`DELETE FROM cram_answers WHERE id = ?`).run(id);
  }

  /** What a study session's queue is built from, for the study day `day`. */
  snapshot(deckIds: readonly string[], day: StudyDay, every = false): QueueSnapshot {
    const { states, notDue } = every ? this.everyState(deckIds, day.end) : this.loadQueueStates(deckIds, day.end);
    return { states, notDue, reviewedToday: this.reviewedDuring(deckIds, day), doneToday: this.doneDuring(day) };
  }

  /** Keys with stored state in a deck, for spotting removed cards (their history is kept). */
  storedKeys(deckId: string): string[] {
    return this.db.prepare(`SELECT card_key FROM card_state WHERE deck_id = ?`).pluck().all(deckId) as string[];
  }
}

/** Rows of `card_key, ${STATE_COLUMNS}` as states by key. */
function readStates(rows: unknown[][]): Map<string, ItemState> {
  const states = new Map<string, ItemState>();
  for (const r of rows) {
    const memory: CardMemory = {
      state: r[1] as MemoryState,
      due: r[2] as number,
      stability: r[3] as number,
      difficulty: r[4] as number,
      elapsedDays: r[5] as number,
      scheduledDays: r[6] as number,
      learningSteps: r[7] as number,
      reps: r[8] as number,
      lapses: r[9] as number,
      lastReview: r[10] as number | null,
    };
    states.set(r[0] as string, { memory, leech: r[11] === 1 });
  }
  return states;
}

function memoryColumns(s: ItemState) {
  const m = s.memory;
  return {
    state: m.state,
    due: m.due,
    stability: m.stability,
    difficulty: m.difficulty,
    elapsed_days: m.elapsedDays,
    scheduled_days: m.scheduledDays,
    learning_steps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    last_review: m.lastReview,
    leech: s.leech ? 1 : 0,
  };
}

function stripKeys(row: StateRow): PreviousState {
  const { deck_id: _d, card_key: _k, card_id: _c, ...rest } = row;
  return rest;
}

export interface DeckProgress {
  new: number;
  learning: number;
  /** Reviews due before the study day ends. */
  dueToday: number;
  /** Items with history whose card is no longer in the deck: the history is kept. */
  removed: number;
}

/** Where a deck stands, for `quizdeck list`: `keys` are the deck's current item keys. */
export function deckProgress(db: Db, deckId: string, keys: readonly string[], dayEnd: number): DeckProgress {
  const present = new Set(keys);
  const progress: DeckProgress = { new: 0, learning: 0, dueToday: 0, removed: 0 };
  let seen = 0;
  const rows = db
    .prepare('SELECT card_key, state, due FROM card_state WHERE deck_id = ?')
    .raw()
    .iterate(deckId) as Iterable<[string, number, number]>;
  for (const [key, state, due] of rows) {
    if (!present.has(key)) {
      progress.removed++;
      continue;
    }
    seen++;
    if (state === 0) progress.new++;
    else if (state === 1 || state === 3) progress.learning++;
    else if (due < dayEnd) progress.dueToday++;
  }
  progress.new += present.size - seen;
  return progress;
}
