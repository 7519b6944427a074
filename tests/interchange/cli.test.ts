import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { FIXTURES, SAMPLE } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'quizdeck-interchange-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const noStackTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('quizdeck export (built binary)', { timeout: 60_000 }, () => {
  it('writes every format, says what each cannot carry, and how many cards it wrote', () => {
    const expected: Record<string, string[]> = {
      'deck.txt': [
        'quizdeck: Anki text cannot carry accepted alternative answers (accept): left out of 1 card (sample/esx-hypervisor-name)',
        "quizdeck: Anki text cannot carry the explanation (why) into Anki's stock Basic note types, which have no field for it (Anki drops that column; the .apkg keeps it): left out of 2 cards (sample/esx-hypervisor-name, sample/xen-pv-hw)",
      ],
      'deck.apkg': [
        'quizdeck: Anki package cannot carry accepted alternative answers (accept): left out of 1 card (sample/esx-hypervisor-name)',
      ],
      'deck.gift': [
        'quizdeck: GIFT cannot carry the reverse direction (reverse: true): left out of 1 card (sample/esx-hypervisor-name)',
        'quizdeck: GIFT cannot carry cloze hints: left out of 1 card (sample/kvm-merge)',
      ],
      'deck.xml': [
        'quizdeck: Moodle XML cannot carry the reverse direction (reverse: true): left out of 1 card (sample/esx-hypervisor-name)',
        'quizdeck: Moodle XML cannot carry cloze hints: left out of 1 card (sample/kvm-merge)',
      ],
    };
    for (const [name, lines] of Object.entries(expected)) {
      const file = join(dir, name);
      const r = runCli(['export', SAMPLE, '-o', file]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe([...lines, `quizdeck: wrote ${file} (4 of 4 cards)`, ''].join('\n'));
    }
    expect(Object.keys(unzipSync(readFileSync(join(dir, 'deck.apkg'))))).toEqual(['collection.anki2', 'media']);
    expect(readFileSync(join(dir, 'deck.txt'), 'utf8')).toBe(readFileSync(join(FIXTURES, 'sample.anki.txt'), 'utf8'));
    const csv = runCli(['export', '--to', 'csv', SAMPLE]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe(readFileSync(join(FIXTURES, 'sample.csv'), 'utf8'));
    expect(csv.stderr.split('\n').filter(Boolean)).toHaveLength(4);
  });

  it('refuses bad options with one sentence and exit 2', () => {
    const cases: [string[], RegExp][] = [
      [
        ['export', SAMPLE, '--to', 'docx'],
        /^quizdeck: --to must be one of anki, apkg, gift, moodle-xml, csv, tsv \(got "docx"\)\n$/,
      ],
      [
        ['export', SAMPLE, '-o', join(dir, 'deck.docx')],
        /^quizdeck: say which format with --to .*the extension of .*deck\.docx does not name one\n$/,
      ],
      [
        ['export', SAMPLE, '--to', 'apkg'],
        /^quizdeck: an \.apkg is a binary file: name it with -o, e\.g\. -o deck\.apkg\n$/,
      ],
      [
        ['export', 'tests/fixtures/invalid', '--to', 'gift'],
        /^quizdeck: tests\/fixtures\/invalid\/.*run `quizdeck validate/,
      ],
      [['export', SAMPLE, '-o', join(dir, 'missing', 'deck.gift')], /^quizdeck: cannot write .*deck\.gift: /],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      noStackTrace(r.stderr);
    }
  });
});

describe('quizdeck import (built binary)', { timeout: 60_000 }, () => {
  it('writes a valid deck from an Anki text export, naming what it dropped', () => {
    const deck = join(dir, 'cells.yaml');
    const r = runCli(['import', join(FIXTURES, 'anki-notes.txt'), '-o', deck]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      [
        `quizdeck: ${join(FIXTURES, 'anki-notes.txt')}: line 7: sound cell.mp3 dropped`,
        `quizdeck: ${join(FIXTURES, 'anki-notes.txt')}: line 10: image er.png dropped`,
        `quizdeck: ${join(FIXTURES, 'anki-notes.txt')}: line 11: an empty back; skipped`,
        `quizdeck: wrote ${deck} (5 cards, deck cells, lang en guessed; --lang sets it)`,
        '',
      ].join('\n'),
    );
    expect(readFileSync(deck, 'utf8')).toMatch(
      /^deck: cells\ntitle: Cells\nlang: en\nsource: anki-notes\.txt\ncards:\n {2}- id: anki-/,
    );
    expect(runCli(['validate', deck])).toMatchObject({ code: 0 });
  });

  it('shows the control characters of the file it quotes instead of sending them to the terminal', () => {
    const notes = join(dir, 'hostile.txt');
    writeFileSync(notes, '#separator:tab\n#html:true\nfront\tback <img src="x\u001b[2J.png">\n');
    const r = runCli(['import', notes, '-o', join(dir, 'hostile.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/\u001b/);
    expect(r.stderr).toContain(`quizdeck: ${notes}: line 3: image x^[[2J.png dropped\n`);
  });

  it('merges a second import by id: unchanged cards stay, local edits are kept without --force', () => {
    const deck = join(dir, 'merge.yaml');
    const gift = join(FIXTURES, 'moodle-docs.gift');
    expect(runCli(['import', gift, '-o', deck, '--lang', 'en']).code).toBe(0);
    const again = runCli(['import', gift, '-o', deck]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/quizdeck: merged into .*merge\.yaml: 0 added, 0 updated, 10 unchanged\n$/);
    const edited = `# my notes\n${readFileSync(deck, 'utf8').replace('a: Moon\n', 'a: The Moon  # I prefer this\n')}`;
    writeFileSync(deck, edited);
    const kept = runCli(['import', gift, '-o', deck]);
    expect(kept.stderr).toMatch(
      /0 added, 0 updated, 9 unchanged, 1 kept as the file has them \(your edits; --force takes the imported ones: earth-moon\)\n$/,
    );
    expect(readFileSync(deck, 'utf8')).toBe(edited);
    const forced = runCli(['import', gift, '-o', deck, '--force']);
    expect(forced.stderr).toMatch(/0 added, 1 updated, 9 unchanged\n$/);
    const text = readFileSync(deck, 'utf8');
    expect(text).toMatch(/^# my notes\n/);
    expect(text).toContain('a: Moon\n');
    expect(runCli(['validate', deck]).code).toBe(0);
  });

  it('round trips a deck through .apkg and Anki text with the CLI', () => {
    for (const [format, name] of [
      ['apkg', 'rt.apkg'],
      ['anki', 'rt.txt'],
    ] as const) {
      const file = join(dir, name);
      expect(runCli(['export', '--to', format, SAMPLE, '-o', file]).code).toBe(0);
      const r = runCli(['import', file, '--deck', 'sample', '--title', 'Hypervisor basics', '--lang', 'en']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(
        '  - id: kvm-merge\n    type: cloze\n    text: KVM was merged into Linux {{2.6.20::version}} in {{February 2007}}.\n',
      );
      expect(r.stdout.match(/^ {2}- id: /gm)).toHaveLength(4);
    }
  });

  it('refuses what it cannot read with one sentence and exit 2', () => {
    const newer = join(dir, 'newer.apkg');
    writeFileSync(newer, zipSync({ 'collection.anki21b': new Uint8Array([0x28, 0xb5, 0x2f, 0xfd]) }));
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'deck: x\ntitle: X\ncards: []\n');
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, strToU8('front,back\n'));
    const cases: [string[], RegExp][] = [
      [['import', join(dir, 'nope.apkg')], /^quizdeck: .*nope\.apkg: /],
      [
        ['import', newer],
        /^quizdeck: .*newer\.apkg: this package uses Anki's newer format \(collection\.anki21b, zstd-compressed\)/,
      ],
      [
        ['import', empty],
        /^quizdeck: .*empty\.csv: no cards found \(read as csv; give --from if that is not its format\)\n$/,
      ],
      [
        ['import', join(FIXTURES, 'quizlet.csv'), '-o', broken],
        /^quizdeck: .*quizlet\.csv: line 6: an empty back; skipped\nquizdeck: .*broken\.yaml:3: .*fix the deck before importing into it/,
      ],
      [
        ['import', join(FIXTURES, 'quizlet.csv'), '--lang', 'english!'],
        /^quizdeck: --lang must be a BCP 47 language tag/,
      ],
      [
        ['import', join(FIXTURES, 'quizlet.csv'), '--from', 'docx'],
        /^quizdeck: --from must be one of anki, apkg, gift, csv, tsv/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      noStackTrace(r.stderr);
    }
    expect(existsSync(join(dir, 'nope.yaml'))).toBe(false);
  });
});
