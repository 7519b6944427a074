import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/deck/diagnostic.js';
import { decodeDeckBytes, findDeckFiles, readDeckBytes } from '../../src/io/deckFiles.js';

/*
 * Files that are not plain deck files (issue 9, items 8 and 10): a FIFO hung every command that
 * read it, a link to /dev/urandom grew memory without bound, a symlink loop printed raw ELOOP
 * text and stopped the whole run, and UTF-16 was called binary.
 */

const dir = mkdtempSync(join(tmpdir(), 'quizdeck-deckfiles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rule = (result: Buffer | Diagnostic) => (Buffer.isBuffer(result) ? 'read' : `${result.rule}: ${result.message}`);

describe('readDeckBytes opens only regular files', () => {
  it('refuses a FIFO at once instead of waiting for a writer', () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(rule(readDeckBytes(fifo))).toBe(
      'file-not-regular: not a regular file (a named pipe); a deck must be a plain file',
    );
  });

  it('refuses a link to a device that never ends', () => {
    const link = join(dir, 'random.yaml');
    symlinkSync('/dev/urandom', link);
    expect(rule(readDeckBytes(link))).toBe(
      'file-not-regular: not a regular file (a character device); a deck must be a plain file',
    );
  });

  it('refuses a directory given as a file', () => {
    mkdirSync(join(dir, 'folder.yaml'));
    expect(rule(readDeckBytes(join(dir, 'folder.yaml')))).toMatch(/^file-(not-regular|unreadable): /);
  });

  it('says a symlink loop is one, in a sentence without ELOOP', () => {
    const loop = join(dir, 'loop.yaml');
    symlinkSync(loop, loop);
    const result = rule(readDeckBytes(loop));
    expect(result).toBe(
      'file-unreadable: this file cannot be read: too many levels of symbolic links (a link that points back to itself?)',
    );
  });

  it('reads a regular file, also through a link', () => {
    const file = join(dir, 'real.yaml');
    writeFileSync(file, 'deck: x\n');
    symlinkSync(file, join(dir, 'link.yaml'));
    expect(readDeckBytes(file)).toEqual(Buffer.from('deck: x\n'));
    expect(readDeckBytes(join(dir, 'link.yaml'))).toEqual(Buffer.from('deck: x\n'));
  });

  it('lists every deck file of a directory, links and pipes too, so each gets its own problem', () => {
    const tree = join(dir, 'tree');
    mkdirSync(tree);
    writeFileSync(join(tree, 'a.yaml'), 'deck: a\n');
    symlinkSync(join(tree, 'b.yaml'), join(tree, 'b.yaml'));
    execFileSync('mkfifo', [join(tree, 'c.yaml')]);
    expect(findDeckFiles([tree], dir)).toEqual({ value: ['tree/a.yaml', 'tree/b.yaml', 'tree/c.yaml'] });
  });
});

describe('decodeDeckBytes names the encoding', () => {
  const text = 'deck: x\ntitle: 中文\ncards: []\n';
  const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();
  it.each([
    [
      'UTF-16 LE with a byte order mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'UTF-16',
    ],
    ['UTF-16 BE with a byte order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]), 'UTF-16'],
    ['UTF-16 LE without one', Buffer.from(text, 'utf16le'), 'UTF-16'],
    ['UTF-16 BE without one', utf16be(text), 'UTF-16'],
    ['UTF-32 LE with a byte order mark', Buffer.from([0xff, 0xfe, 0, 0, 0x64, 0, 0, 0]), 'UTF-32'],
  ])('%s', (_, bytes, encoding) => {
    const result = decodeDeckBytes('deck.yaml', bytes);
    expect(typeof result === 'string' ? result : `${result.rule}: ${result.message}`).toBe(
      `file-encoding: the file is ${encoding}, not UTF-8; save it as UTF-8`,
    );
  });

  it('still calls a file with NUL bytes here and there binary', () => {
    const result = decodeDeckBytes(
      'deck.yaml',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    );
    expect(typeof result === 'string' ? result : result.rule).toBe('file-binary');
  });
});
