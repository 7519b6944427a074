import '../helpers/cache.js';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deckErrorSentence } from '../../src/core/deck/refusal.js';
import { loadDecksOrRefuse, requireValidDecks, requireValidWholeDecks } from '../../src/commands/shared/decks.js';
import { UsageError } from '../../src/errors.js';

// io reports what it found; the commands choose the exit code (2) and say it in one sentence.
describe('the decks a command uses', () => {
  it('refuse with the first error, its file and line, and how many more there are: exit 2', async () => {
    const refused = requireValidDecks([
      'tests/fixtures/invalid/duplicate-card-id.yaml',
      'tests/fixtures/invalid/no-cards.yaml',
    ]);
    await expect(refused).rejects.toThrow(
      'tests/fixtures/invalid/duplicate-card-id.yaml:10: duplicate card id "one"; it is first used on line 4 (and 1 more problem); run `quizdeck validate tests/fixtures/invalid/duplicate-card-id.yaml` to see every problem',
    );
    await expect(refused).rejects.toBeInstanceOf(UsageError);
    await expect(refused).rejects.toMatchObject({ exitCode: 2 });
  });

  it('refuse a path that cannot be read: exit 2', async () => {
    await expect(loadDecksOrRefuse(['tests/fixtures/valid', 'nope'])).rejects.toMatchObject({
      exitCode: 2,
      message: 'nope: no such file or directory',
    });
  });

  it('with no path, take one deck of each translation group, in the language asked for', async () => {
    const named = await requireValidDecks(['decks'], { languages: ['zh'] });
    named.cards.close();
    expect(named.outlines.map((o) => o.deck.deck)).toEqual(['hypervisors', 'hypervisors-zh']);
    const chosen = await requireValidDecks([], { languages: ['zh'] }); // ./decks
    chosen.cards.close();
    expect(chosen.outlines.map((o) => o.deck.deck)).toEqual(['hypervisors-zh']);
  });

  it('read whole leave no file open', async () => {
    const before = readdirSync('/proc/self/fd').length;
    const decks = await requireValidWholeDecks(['decks/hypervisors.en.yaml']);
    expect(decks.map((d) => [d.deck, d.cards.length > 10])).toEqual([['hypervisors', true]]);
    expect(readdirSync('/proc/self/fd').length).toBe(before);
  });
});

describe('deckErrorSentence', () => {
  const error = (file: string, line: number, omitted?: { errors: number; warnings: number }) => ({
    file,
    line,
    column: 1,
    severity: 'error' as const,
    rule: 'r',
    message: 'bad',
    ...(omitted ? { omitted } : {}),
  });
  it.each([
    [[], undefined],
    [[{ ...error('a.yaml', 3), severity: 'warning' as const }], undefined],
    [
      [error('b.yaml', 9), error('a.yaml', 3)],
      'a.yaml:3: bad (and 1 more problem); run `quizdeck validate a.yaml` to see every problem',
    ],
    [
      [error('a.yaml', 3), error('a.yaml', 120, { errors: 40, warnings: 2 })],
      'a.yaml:3: bad (and 40 more problems); run `quizdeck validate a.yaml` to see every problem',
    ],
  ])('%j → %s', (diagnostics, sentence) => {
    expect(deckErrorSentence(diagnostics)).toBe(sentence);
  });
});
