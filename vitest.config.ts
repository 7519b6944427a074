import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every test runs in a sandboxed HOME, XDG dirs, database and TMPDIR (see the file).
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 30_000,
    // `npm run coverage`: the study core is driven whole in-process (tests/study), and must stay so.
    coverage: {
      include: ['src/**'],
      thresholds: { 'src/core/study/**': { statements: 95, branches: 90, functions: 95, lines: 95 } },
    },
    hookTimeout: 60_000,
  },
});
