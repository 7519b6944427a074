import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderSheetMarkdown } from '../../src/core/sheet/markdown.js';
import { SAMPLE, sheetOf } from './decks.js';

describe('renderSheetMarkdown', () => {
  const out = renderSheetMarkdown(sheetOf([SAMPLE], { seed: '7', versions: 2 }));

  it('has a heading per version, numbered questions, lettered choices, True / False and blanks', () => {
    expect(out.startsWith('# Hypervisor basics\n\n**Version A** · Seed 7\n\nName: ___')).toBe(true);
    expect(out).toMatch(/^1\. /m);
    expect(out).toMatch(/^ {3}- \*\*A\.\*\* .+\n {3}- \*\*B\.\*\* /m);
    expect(out).toContain('   True / False');
    expect(out).toContain(
      'KVM was merged into Linux **(1)** \\_\\_\\_\\_\\_\\_\\_\\_ \\[version\\] in **(2)** \\_\\_\\_\\_\\_\\_\\_\\_.',
    );
    expect(out).toContain('## Answer key — Version A');
    expect(out).toContain('## Answer key — Version B');
    expect(out).toContain('**(1) 2.6.20; (2) February 2007**');
    expect(out).toContain('**False** — *Why:* PV guests run a modified kernel.');
  });

  it.each([
    ['*bold* _em_ `code`', '\\*bold\\* \\_em\\_ \\`code\\`'],
    ['<script>x</script>', '\\<script\\>x\\</script\\>'],
    ['[link](http://x)', '\\[link\\](http://x)'],
    ['# not a heading', '\\# not a heading'],
    ['1. not a list', '1\\. not a list'],
    ['- not a bullet', '\\- not a bullet'],
    ['a | b', 'a \\| b'],
    ['two\nlines', 'two\\\n   lines'],
    ["it's plain: 3.5 - 2", "it's plain: 3.5 - 2"],
  ])('escapeMarkdown(%j)', (input, output) => expect(escapeMarkdown(input)).toBe(output));
});
