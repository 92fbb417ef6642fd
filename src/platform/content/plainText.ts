import type { Root, RootContent } from 'hast';
import { MAX_CONTENT_BYTES } from './limits';
import { buildSafeTree } from './safeTree';

/** Elements after which the text continues on a new line. */
const BLOCK_ELEMENTS = new Set([
  'p',
  'div',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'table',
  'tr',
]);
const CELL_ELEMENTS = new Set(['td', 'th']);

/**
 * The readable text of a content value (markup removed, one line per block), e.g. for tree-item
 * tooltips. Markdown by default; pass the media type for plain text or HTML.
 */
export function plainText(value: string, mediaType = 'text/markdown'): string {
  if (value.length <= MAX_CONTENT_BYTES / 3 && !MIGHT_BE_MARKUP.test(value)) return tidy(value);
  const { tree } = buildSafeTree(value, mediaType, false);
  return tidy(collectText(tree));
}

/**
 * What markdown or HTML could turn into something other than its own text: escapes, emphasis, code, links,
 * tags, entities, tables, and block markers at the start of a line. Titles and summaries are plain text by the
 * API's rules, so most values have none of these and need no parsing (tree items show thousands of them).
 */
const MIGHT_BE_MARKUP = /[\\`*_~[\]<>&|]|^[ \t]*(?:[-+=#]|\d{1,9}[.)])/m;

function collectText(tree: Root): string {
  const parts: string[] = [];
  // Strings on the stack are separators to emit after an element's children.
  const pending: (RootContent | string)[] = [...tree.children].reverse();
  while (pending.length > 0) {
    const item = pending.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
    } else if (item.type === 'text') {
      parts.push(item.value);
    } else if (item.type === 'element') {
      if (BLOCK_ELEMENTS.has(item.tagName)) pending.push('\n');
      else if (CELL_ELEMENTS.has(item.tagName)) pending.push(' ');
      for (let i = item.children.length - 1; i >= 0; i--) pending.push(item.children[i]);
    }
  }
  return parts.join('');
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
