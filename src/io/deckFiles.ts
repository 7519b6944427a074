import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../core/deck/diagnostic.js';

/** Deck files larger than this are refused unread: 64 MiB (a 100k-card deck is about 15 MiB). */
export const MAX_DECK_BYTES = 64 * 1024 * 1024;

const DECK_EXTENSIONS = new Set(['.yaml', '.yml']);

/** The decks shipped inside the package, found relative to this file (dist/ after bundling). */
export function bundledDecksDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', 'decks');
}

/** What finding deck files gives: the files, or the sentence saying which path cannot be used. */
export type FoundDeckFiles = { value: string[] } | { error: string };

/**
 * Deck files named by `paths` (files, or directories searched recursively). With no path:
 * `./decks` if it exists, else the bundled decks. A path that cannot be read, or a directory
 * without deck files, gives one sentence naming it; the command decides what to do with it.
 */
export function findDeckFiles(paths: readonly string[], cwd = process.cwd()): FoundDeckFiles {
  const roots = paths.length > 0 ? paths : [isDirectory(join(cwd, 'decks')) ? join(cwd, 'decks') : bundledDecksDir()];
  const files: string[] = [];
  for (const root of roots) {
    const full = resolve(cwd, root);
    let stat;
    try {
      stat = statSync(full);
    } catch (error) {
      return { error: `${root}: ${describeFsError(error)}` };
    }
    if (stat.isDirectory()) {
      const found = walk(full, root);
      if ('error' in found) return found;
      if (found.value.length === 0) return { error: `${root}: no deck files (*.yaml, *.yml) in this directory` };
      files.push(...found.value.map((f) => displayPath(f, cwd)));
    } else files.push(root);
  }
  return { value: [...new Set(files)] };
}

function walk(dir: string, shown: string): FoundDeckFiles {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    return { error: `${shown}: ${describeFsError(error)}` };
  }
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = walk(full, join(shown, entry.name));
      if ('error' in found) return found;
      out.push(...found.value);
    } else if (DECK_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(full);
  }
  return { value: out };
}

function displayPath(full: string, cwd: string): string {
  const rel = relative(cwd, full);
  return rel.startsWith('..') ? full : rel;
}

/**
 * Rules of the problems that are about reading the file, not its content: `validate` exits 2
 * for them (the path cannot be checked), after checking every other file.
 */
export const UNREADABLE_FILE_RULES: ReadonlySet<string> = new Set(['file-unreadable', 'file-not-regular']);

/**
 * The file's bytes, or a diagnostic if it cannot be read, is not a regular file or is too large.
 * It is opened first and checked after, with fstat on what was opened: a check before opening
 * could be raced. O_NONBLOCK keeps the open of a FIFO from waiting for a writer forever; a
 * device (a link to /dev/urandom) would never end. Only `size` bytes are read, so a file that
 * grows while it is read cannot take more memory than its size said.
 */
export function readDeckBytes(file: string, cwd = process.cwd(), maxBytes = MAX_DECK_BYTES): Buffer | Diagnostic {
  let fd: number;
  try {
    fd = openSync(resolve(cwd, file), constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return problem(file, 'file-unreadable', `this file cannot be read: ${describeFsError(error)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      return problem(file, 'file-not-regular', `not a regular file (${fileKind(stat)}); a deck must be a plain file`);
    if (stat.size > maxBytes)
      return problem(
        file,
        'file-too-large',
        `the file is ${formatBytes(stat.size)}; deck files are limited to ${formatBytes(maxBytes)}, so split it into several decks`,
      );
    const bytes = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const n = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (n === 0) break;
      filled += n;
    }
    return bytes.subarray(0, filled);
  } catch (error) {
    return problem(file, 'file-unreadable', `this file cannot be read: ${describeFsError(error)}`);
  } finally {
    closeSync(fd);
  }
}

function fileKind(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a directory';
  return 'not a file';
}

/** The text of a deck file's bytes, or a diagnostic if they are binary or not UTF-8. */
export function decodeDeckBytes(file: string, bytes: Buffer): string | Diagnostic {
  const utf16 = utf16Kind(bytes);
  if (utf16) return problem(file, 'file-encoding', `the file is ${utf16}, not UTF-8; save it as UTF-8`);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = positionOfByte(bytes, nul);
    return problem(
      file,
      'file-binary',
      'this is a binary file (it contains a NUL byte), not a YAML deck',
      line,
      column,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = positionOfByte(bytes, bad);
    return problem(
      file,
      'file-encoding',
      `the file is not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')}); save it as UTF-8`,
      line,
      column,
    );
  }
}

/**
 * UTF-16 or UTF-32 by its byte order mark, or UTF-16 without one: text whose every other
 * byte is NUL (ASCII characters in UTF-16) rather than a binary file with a NUL somewhere.
 */
function utf16Kind(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes[2] === 0 && bytes[3] === 0 ? 'UTF-32' : 'UTF-16';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16';
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return 'UTF-32';
  const sample = bytes.subarray(0, Math.min(bytes.length, 512) & ~1);
  if (sample.length < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  // Mostly ASCII (keys, ids): at least a quarter of one half is NUL, and none of the other.
  const quarter = sample.length / 8;
  return (evenNul >= quarter && oddNul === 0) || (oddNul >= quarter && evenNul === 0) ? 'UTF-16' : undefined;
}

function problem(file: string, rule: string, message: string, line = 1, column = 1): Diagnostic {
  return { file, line, column, severity: 'error', rule, message };
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${n} bytes`;
}

function positionOfByte(bytes: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need === -1) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return 0;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ELOOP') return 'too many levels of symbolic links (a link that points back to itself?)';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  if (code === 'ENAMETOOLONG') return 'the name is too long';
  if (code === 'EMFILE' || code === 'ENFILE') return 'too many open files';
  // Node's own text repeats the path unescaped (`ELOOP: ..., open '/x'`): never print it.
  return code ? `it cannot be read (${code})` : 'it cannot be read';
}
