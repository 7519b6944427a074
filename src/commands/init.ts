import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { deckJsonSchema } from '../core/deck/schema.js';
import { deckRepositoryFiles } from '../core/init/templates.js';
import { UsageError } from '../errors.js';

export interface InitOptions {
  /** Where quizdeck lives on GitHub, for the workflow's action and the pre-commit hook. */
  repo?: string;
  ref?: string;
}

export const DEFAULT_QUIZDECK_REPO = 'OWNER/quizdeck';

/**
 * Writes a new deck repository into `dir` (created if missing). Writes nothing if any of its
 * files already exists: init never overwrites.
 */
export async function runInit(
  dir: string | undefined,
  options: InitOptions,
  out: (s: string) => void = (s) => process.stdout.write(s),
): Promise<void> {
  const root = dir ?? '.';
  const quizdeckRepo = options.repo ?? DEFAULT_QUIZDECK_REPO;
  if (!/^[\w.-]+\/[\w.-]+$/.test(quizdeckRepo))
    throw new UsageError(`--repo "${quizdeckRepo}" is not a GitHub repository; give it as OWNER/NAME`);
  const files = deckRepositoryFiles({
    quizdeckRepo,
    ref: options.ref ?? 'main',
    schemaJson: JSON.stringify(deckJsonSchema(), null, 2),
  });
  const shown = (path: string) => relative(process.cwd(), join(root, path)) || '.';
  const existing = files.find((f) => existsSync(join(root, f.path)));
  if (existing)
    throw new UsageError(
      `${shown(existing.path)} already exists; quizdeck init never overwrites a file, so run it in a new or empty folder`,
    );
  for (const file of files) {
    const path = join(root, file.path);
    try {
      mkdirSync(dirname(path), { recursive: true });
      // `wx`: a file that appeared since the check above is still not overwritten.
      writeFileSync(path, file.content, { flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST')
        throw new UsageError(
          `${shown(file.path)} already exists; quizdeck init never overwrites a file, so run it in a new or empty folder`,
        );
      throw new UsageError(`cannot write ${shown(file.path)} (${code ?? (error as Error).message})`);
    }
    out(`created ${shown(file.path)}\n`);
  }
  const cd = shown('') === '.' ? '' : `cd ${shown('')} && `;
  const next = [`\nNext: ${cd}quizdeck validate && quizdeck study`];
  if (quizdeckRepo === DEFAULT_QUIZDECK_REPO)
    next.push(
      `Replace ${DEFAULT_QUIZDECK_REPO} in ${shown('.github/workflows/decks.yml')} and ${shown('.pre-commit-config.yaml')} with where quizdeck is hosted (or run init with --repo OWNER/NAME).`,
    );
  out(`${next.join('\n')}\n`);
}
