import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/cli.ts'],
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  // Split chunks so each command module stays a lazily loaded file: --help and
  // --version must not pay for yaml, zod, ts-fsrs or SQLite.
  splitting: true,
  sourcemap: true,
  // Dependencies stay external: native addons (better-sqlite3) cannot be bundled.
  skipNodeModulesBundle: true,
  // Keys the parsed-deck cache (src/io/deckCache.ts): a new build never trusts an older build's parse.
  define: { __QUIZDECK_BUILD__: JSON.stringify(`${process.env.npm_package_version ?? '0'}-${Date.now().toString(36)}`) },
});
