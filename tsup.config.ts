import { defineConfig } from 'tsup';

export default defineConfig({
  // The worker of `stats` (src/io/statsFold.ts) is a file of its own, beside the chunks.
  entry: { cli: 'src/cli.ts', statsWorker: 'src/io/statsWorker.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  // Split chunks so each command module stays a lazily loaded file: --help and
  // --version must not pay for yaml, zod, ts-fsrs or SQLite.
  splitting: true,
  sourcemap: true,
  // Dependencies are bundled: Node's ESM loader resolves and reads each of the ~100 files of
  // commander, chalk and @inquirer/core one by one, which cost ~100 ms before the first card.
  // better-sqlite3's JavaScript is bundled too; its native addon is loaded by path at run time
  // (src/io/db.ts). puppeteer-core is loaded only for PDFs.
  noExternal: [/^(?!puppeteer-core)/],
  external: ['puppeteer-core'],
  // Bundled CommonJS packages call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __quizdeckCreateRequire } from 'node:module'; const require = __quizdeckCreateRequire(import.meta.url);",
  },
  // Keys the parsed-deck cache (src/io/deckCache.ts): a new build never trusts an older build's parse.
  define: {
    __QUIZDECK_BUILD__: JSON.stringify(`${process.env.npm_package_version ?? '0'}-${Date.now().toString(36)}`),
  },
});
