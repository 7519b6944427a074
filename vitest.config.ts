import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every test runs in a sandboxed HOME, XDG dirs, database and TMPDIR (see the file).
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
