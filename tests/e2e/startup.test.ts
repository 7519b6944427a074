import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const DIST = resolve(import.meta.dirname, '../../dist');

/** Every module that loading `file` imports statically, following the bundle's own chunks. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  const source = readFileSync(join(DIST, file), 'utf8');
  for (const match of source.matchAll(/^import\s+(?:[^'"]*?from\s+)?["']([^"']+)["']/gm)) {
    const spec = match[1]!;
    if (seen.has(spec)) continue;
    seen.add(spec);
    if (spec.startsWith('./')) staticImports(spec.slice(2), seen);
  }
  return seen;
}

it('--help and --version load only commander: yaml, zod, ts-fsrs and SQLite are imported lazily by commands', () => {
  const external = [...staticImports('cli.js')].filter((s) => !s.startsWith('./'));
  expect(external.every((s) => s === 'commander' || s.startsWith('node:'))).toBe(true);
});
