import { renderSheetHtml } from './html.js';
import { renderSheetJson } from './json.js';
import { renderSheetMarkdown } from './markdown.js';
import type { Sheet } from './model.js';
import { renderSheetText } from './text.js';

export const TEXT_FORMATS = ['html', 'md', 'txt', 'json'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

export function renderSheet(sheet: Sheet, format: TextFormat): string {
  switch (format) {
    case 'html':
      return renderSheetHtml(sheet);
    case 'md':
      return renderSheetMarkdown(sheet);
    case 'txt':
      return renderSheetText(sheet);
    case 'json':
      return renderSheetJson(sheet);
  }
}
