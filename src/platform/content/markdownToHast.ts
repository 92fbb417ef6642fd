import { markdownParser } from './markdownParser';
import { markdownTokensToHast, type MarkdownConversion } from './markdownTokensToHast';

export type { MarkdownConversion } from './markdownTokensToHast';

/** CommonMark + GFM → hast. Raw HTML is dropped (not rendered); task-list checkboxes become ☑ / ☐ text. */
export function markdownToHast(markdown: string): MarkdownConversion {
  return markdownTokensToHast(markdownParser.parse(markdown, {}));
}
