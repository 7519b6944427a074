import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandCard } from '../../src/core/deck/items.js';
import { createScheduler, STATE_LEARNING } from '../../src/core/schedule/fsrs.js';
import { gradeEntry } from '../../src/core/schedule/grade.js';
import { cardRef, itemId, type QueueEntry } from '../../src/core/schedule/queue.js';
import { openDatabase } from '../../src/io/db.js';
import { ReviewStore } from '../../src/io/store.js';

const NOW = Date.UTC(2025, 2, 10, 12);
const scheduler = createScheduler();
const item = expandCard({ deck: 'd' }, { id: 'a', q: 'q', a: 'a', reverse: true })[0]!;
const dbPath = () => join(mkdtempSync(join(tmpdir(), 'quizdeck-store-')), 'q.db');

function answer(store: ReviewStore, grade: 1 | 2 | 3 | 4, now: number) {
  const entry: QueueEntry = {
    id: itemId('d', 'a'),
    item,
    state: store.loadQueueStates(['d'], Infinity).states.get('d')!.get('a') ?? null,
  };
  const outcome = gradeEntry(scheduler, entry, grade, now);
  return store.record({
    deckId: 'd',
    cardKey: 'a',
    cardId: 'a',
    rating: grade,
    reviewedAt: now,
    durationMs: 1500,
    before: outcome.before,
    after: outcome.after,
  });
}

describe('ReviewStore', () => {
  it('writes one review row per answer and the card state beside it', () => {
    const store = new ReviewStore(openDatabase(dbPath()));
    answer(store, 3, NOW);
    answer(store, 3, NOW + 10 * 60_000);
    const rows = store.db.prepare('SELECT rating, state_before, state, duration_ms FROM reviews ORDER BY id').all();
    expect(rows).toEqual([
      { rating: 3, state_before: 0, state: STATE_LEARNING, duration_ms: 1500 },
      { rating: 3, state_before: 1, state: 2, duration_ms: 1500 },
    ]);
    const state = store.loadQueueStates(['d'], Infinity).states.get('d')!.get('a')!;
    expect(state.memory).toMatchObject({ state: 2, reps: 2, lastReview: NOW + 10 * 60_000 });
  });

  it('loads full states only for items in learning or due this day; the others only as ids', () => {
    const store = new ReviewStore(openDatabase(dbPath()));
    answer(store, 3, NOW);
    answer(store, 3, NOW + 10 * 60_000); // now a review item, due days later
    const due = store.loadQueueStates(['d'], Infinity).states.get('d')!.get('a')!.memory.due;
    expect(store.loadQueueStates(['d'], due)).toEqual({
      states: new Map([['d', new Map()]]),
      notDue: new Map([['d', new Set(['a'])]]),
    });
    const later = store.loadQueueStates(['d'], due + 1);
    expect(later.notDue.get('d')!.size).toBe(0);
    expect(later.states).toEqual(store.loadQueueStates(['d'], Infinity).states);
  });

  it('undo removes the review and restores the exact previous state, or no state for a new card', () => {
    const store = new ReviewStore(openDatabase(dbPath()));
    const first = answer(store, 3, NOW);
    const before = store.loadQueueStates(['d'], Infinity).states;
    const second = answer(store, 1, NOW + 60_000);
    expect(store.undo(second)).toBe(true);
    expect(store.loadQueueStates(['d'], Infinity).states).toEqual(before);
    expect(store.undo(first)).toBe(true);
    expect(store.loadQueueStates(['d'], Infinity).states.get('d')!.size).toBe(0);
    expect(store.db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(0);
    expect(store.undo(first)).toBe(false);
  });

  it('counts what was done today for the limits and the siblings to bury', () => {
    const store = new ReviewStore(openDatabase(dbPath()));
    answer(store, 1, NOW - 86_400_000);
    answer(store, 3, NOW);
    const until = NOW + 86_400_000;
    expect(store.doneDuring({ start: NOW - 1000, end: until })).toEqual(new Map([['d', { newCards: 0, reviews: 0 }]]));
    expect(store.doneDuring({ start: 0, end: until })).toEqual(new Map([['d', { newCards: 1, reviews: 0 }]]));
    expect(store.reviewedDuring(['d'], { start: NOW, end: until })).toEqual(
      new Map([[cardRef('d', 'a'), new Set(['a'])]]),
    );
    expect(store.reviewedDuring(['other'], { start: NOW, end: until }).size).toBe(0);
  });

  it('two sessions on one database keep both reviews and the state of the last one saved', () => {
    const path = dbPath();
    const one = new ReviewStore(openDatabase(path));
    const two = new ReviewStore(openDatabase(path));
    answer(one, 3, NOW + 5000);
    // The second session's clock says earlier but it saves later: its state wins, as on a
    // clock set back; ordering by review time left the card to return in every session.
    const entry: QueueEntry = { id: itemId('d', 'a'), item, state: null };
    const late = gradeEntry(scheduler, entry, 1, NOW);
    two.record({
      deckId: 'd',
      cardKey: 'a',
      cardId: 'a',
      rating: 1,
      reviewedAt: NOW,
      durationMs: 1,
      before: null,
      after: late.after,
    });
    expect(two.db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(2);
    expect(one.loadQueueStates(['d'], Infinity).states.get('d')!.get('a')!.memory.lastReview).toBe(NOW);
  });

  it('a review dated before the stored last review still updates the card (the clock went back)', () => {
    const store = new ReviewStore(openDatabase(dbPath()));
    answer(store, 3, NOW);
    answer(store, 3, NOW + 10 * 60_000); // a review card, last reviewed at NOW + 10m
    // The clock is set back an hour: the answer is saved and the card is scheduled from it.
    const id = answer(store, 1, NOW - 50 * 60_000);
    const row = store.db.prepare("SELECT review_id, state, lapses FROM card_state WHERE card_key = 'a'").get();
    expect(row).toEqual({ review_id: id, state: 3, lapses: 1 });
  });

  it('counts each item once for the limits, and nothing dated after the day', () => {
    const path = dbPath();
    const one = new ReviewStore(openDatabase(path));
    const two = new ReviewStore(openDatabase(path));
    // Two sessions at once both introduce the same new item; a third review is dated tomorrow.
    const fresh = (store: ReviewStore, at: number) => {
      const outcome = gradeEntry(scheduler, { id: itemId('d', 'a'), item, state: null }, 3, at);
      store.record({
        deckId: 'd',
        cardKey: 'a',
        cardId: 'a',
        rating: 3,
        reviewedAt: at,
        durationMs: 1,
        before: null,
        after: outcome.after,
      });
    };
    fresh(one, NOW);
    fresh(two, NOW + 1000);
    const tomorrow = NOW + 86_400_000;
    const b = gradeEntry(scheduler, { id: itemId('d', 'b'), item, state: null }, 3, tomorrow);
    one.record({
      deckId: 'd',
      cardKey: 'b',
      cardId: 'b',
      rating: 3,
      reviewedAt: tomorrow,
      durationMs: 1,
      before: null,
      after: b.after,
    });
    const day = { start: NOW - 3_600_000, end: NOW + 3_600_000 };
    expect(one.doneDuring(day)).toEqual(new Map([['d', { newCards: 1, reviews: 0 }]]));
    expect(one.reviewedDuring(['d'], day)).toEqual(new Map([[cardRef('d', 'a'), new Set(['a'])]]));
  });

  it('keeps the history of removed cards and lists stored keys', () => {
    const store = new ReviewStore(openDatabase(dbPath()));
    answer(store, 3, NOW);
    expect(store.storedKeys('d')).toEqual(['a']);
    // Good on a new card: in its learning steps, which the summary names apart, not "due tomorrow".
    expect(store.dueBefore(['d'], NOW + 86_400_000)).toBe(0);
    answer(store, 4, NOW + 600_000);
    expect(store.dueBefore(['d'], NOW + 86_400_000)).toBe(0);
    expect(store.dueBefore(['d'], NOW + 60 * 86_400_000)).toBe(1);
  });
});

describe('deckProgress (quizdeck list)', () => {
  it('counts new, learning and due-today items and keeps removed cards apart', async () => {
    const { deckProgress } = await import('../../src/io/store.js');
    const store = new ReviewStore(openDatabase(dbPath()));
    answer(store, 1, NOW); // card "a": learning
    const due = gradeEntry(scheduler, { id: itemId('d', 'gone'), item, state: null }, 4, NOW - 30 * 86_400_000);
    store.record({
      deckId: 'd',
      cardKey: 'gone',
      cardId: 'gone',
      rating: 4,
      reviewedAt: NOW - 30 * 86_400_000,
      durationMs: 1,
      before: null,
      after: due.after,
    });
    expect(deckProgress(store.db, 'd', ['a', 'a:reverse', 'b'], NOW + 3_600_000)).toEqual({
      new: 2,
      learning: 1,
      dueToday: 0,
      removed: 1,
    });
    expect(deckProgress(store.db, 'd', ['a', 'gone'], NOW + 3_600_000)).toEqual({
      new: 0,
      learning: 1,
      dueToday: 1,
      removed: 0,
    });
  });
});
