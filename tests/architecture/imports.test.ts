import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The module map of the README, enforced (issue 12): core is pure, imports run one way, no cycles.
const SRC = resolve(import.meta.dirname, '../../src');
const files = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(SRC, f));
const source = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
// Comments may name what they avoid ("no Date.now() here"): only code counts.
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
const specifiers = (text: string) =>
  [...code(text).matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map(
    (m) => (m[1] ?? m[2])!,
  );
const layer = (file: string) => relative(SRC, file).split('/')[0]!.replace(/\.ts$/, '');
const resolveImport = (from: string, spec: string) => resolve(dirname(from), spec.replace(/\.js$/, '.ts'));

describe('core is pure', () => {
  const core = files.filter((f) => layer(f) === 'core');
  it.each(core.map((f) => [relative(SRC, f)]))(
    '%s reads no clock, randomness, process, file system, terminal or database',
    (name) => {
      const text = code(source.get(join(SRC, name))!);
      const imports = specifiers(source.get(join(SRC, name))!);
      expect(imports.filter((s) => /^node:|^(chalk|@inquirer\/|better-sqlite3|node-pty|puppeteer)/.test(s))).toEqual(
        [],
      );
      expect(
        imports.filter((s) => s.startsWith('.') && !['core'].includes(layer(resolveImport(join(SRC, name), s)))),
      ).toEqual([]);
      expect(text).not.toMatch(/\bDate\.now\(|\bMath\.random\(|\bprocess\.|new Date\(\)/);
    },
  );
});

describe('imports run one way', () => {
  // cli -> program -> commands -> {io, ui} -> core. errors.ts (ExitError, UsageError: exit
  // codes) is for the commands and cli: io and ui report facts, the commands choose the codes.
  const allowed: Record<string, string[]> = {
    cli: ['program', 'errors', 'core', 'commands'],
    program: ['commands', 'errors'],
    commands: ['commands', 'core', 'io', 'ui', 'errors'],
    io: ['io', 'core'],
    ui: ['ui', 'core'],
    core: ['core'],
    errors: [],
  };
  it.each(files.map((f) => [relative(SRC, f)]))('%s', (name) => {
    const from = join(SRC, name);
    const targets = specifiers(source.get(from)!)
      .filter((s) => s.startsWith('.') && !s.endsWith('.json'))
      .map((s) => layer(resolveImport(from, s)));
    const own = layer(from);
    expect(targets.filter((t) => !(allowed[own] ?? []).includes(t))).toEqual([]);
  });
});

describe('no import cycles', () => {
  it('the relative imports of src/ form no cycle', () => {
    const graph = new Map(
      files.map((f) => [
        f,
        specifiers(source.get(f)!)
          .filter((s) => s.startsWith('.') && !s.endsWith('.json'))
          .map((s) => resolveImport(f, s)),
      ]),
    );
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open')
          cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(SRC, f)).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const f of files) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});
