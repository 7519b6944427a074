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
});
