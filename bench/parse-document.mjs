// Baseline for bench/validate.bench.mjs: read a YAML file and parse it with yaml's
// parseDocument, nothing else. The floor any validator built on `yaml` starts from.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';

const doc = parseDocument(readFileSync(process.argv[2], 'utf8'));
if (doc.errors.length > 0) {
  process.stderr.write(`${doc.errors[0].message}\n`);
  process.exitCode = 1;
}
