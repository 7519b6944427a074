import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The parsed-deck cache of the commands tests run: a directory of this test process's own, so
 * tests never read or fill the cache in the user's home, and start with it empty.
 */
export const TEST_CACHE_DIR = mkdtempSync(join(tmpdir(), 'quizdeck-test-cache-'));

// Commands run inside the test process (runQuiz, runPrint, requireValidDecks) read it too.
process.env.QUIZDECK_CACHE_DIR = TEST_CACHE_DIR;
