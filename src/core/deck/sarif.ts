import { neutralizeLine } from '../text.js';
import type { Diagnostic, Severity } from './diagnostic.js';

/*
 * SARIF 2.1.0 (OASIS), the format GitHub code scanning uploads: problems become alerts on the
 * lines they point at. Only the parts code scanning reads are written, and nothing that changes
 * from run to run (no timestamps, no absolute working directory), so the same decks give the
 * same bytes.
 */

export interface SarifTool {
  name: string;
  version: string;
  informationUri?: string;
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: Severity };
  properties: { tags: string[] };
}

/** One SARIF log with one run: a rule per rule name seen, a result per diagnostic. */
export function formatSarif(diagnostics: readonly Diagnostic[], tool: SarifTool): string {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  for (const d of diagnostics) {
    const at = ruleIndex.get(d.rule);
    if (at === undefined) {
      ruleIndex.set(d.rule, rules.length);
      rules.push({
        id: d.rule,
        name: d.rule,
        shortDescription: { text: `quizdeck deck rule ${d.rule}` },
        defaultConfiguration: { level: d.severity },
        properties: { tags: ['quizdeck'] },
      });
    } else if (d.severity === 'error') {
      // A rule whose problems were warnings and errors (too-many-problems) is an error rule.
      rules[at]!.defaultConfiguration.level = 'error';
    }
  }
  const results = diagnostics.map((d) => ({
    ruleId: d.rule,
    ruleIndex: ruleIndex.get(d.rule)!,
    level: d.severity,
    // Code scanning shows the message in the pull request: the same neutralised line as `github`.
    message: { text: neutralizeLine(d.message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(d.file),
          region: { startLine: d.line, startColumn: d.column },
        },
      },
    ],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
            rules,
          },
        },
        // Columns are offsets in the JavaScript string of the line, as yaml counts them.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/**
 * A file as SARIF wants it: a relative path becomes a relative URI against %SRCROOT% (the
 * repository root, where CI runs quizdeck), an absolute one a `file:` URI; each segment is
 * percent-encoded, so spaces, `#`, `?` and control characters survive as data.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const slashed = file.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:\//.test(slashed);
  const encode = (path: string) =>
    path
      .split('/')
      .map((segment, i) => (drive && i === 0 ? segment : encodeURIComponent(segment)))
      .join('/');
  if (drive) return { uri: `file:///${encode(slashed)}` };
  if (slashed.startsWith('/')) return { uri: `file://${encode(slashed)}` };
  return { uri: encode(slashed.replace(/^(\.\/)+/, '')), uriBaseId: '%SRCROOT%' };
}
