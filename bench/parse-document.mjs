// Baseline for bench/validate.bench.mjs: read a YAML file and parse it with yaml's
// parseDocument, nothing else. The floor any validator built on `yaml` starts from.
// `--no-unique-keys` skips yaml's duplicate-key check, which compares each key of a mapping
// with every earlier one: on one mapping of 100k keys (bench/hostile.bench.mjs) it runs for
// minutes, so that bench's baseline leaves it out (quizdeck checks duplicates with a Set).
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';

const uniqueKeys = !process.argv.includes('--no-unique-keys');
const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
const doc = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys });
if (doc.errors.length > 0) {
  process.stderr.write(`${doc.errors[0].message}\n`);
  process.exitCode = 1;
}
