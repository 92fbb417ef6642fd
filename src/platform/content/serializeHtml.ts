import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

const stringifier = unified().use(rehypeStringify).freeze();

/** hast → HTML text, with `<` and `>` escaped inside attribute values too. */
export function serializeHtml(tree: Root): string {
  return escapeAngleBracketsInAttributes(stringifier.stringify(tree));
}

/**
 * The serialiser escapes `<` in text and always double-quotes attribute values (escaping `"`), so
 * every raw `<` starts a tag and every `"` inside a tag opens or closes a value. Escaping `<` and `>`
 * inside values as well (as browsers' own serialisers now do) leaves nothing in a title or alt
 * that could be re-read as markup by a later parse in another context (mutation XSS).
 */
export function escapeAngleBracketsInAttributes(html: string): string {
  let out = '';
  let inTag = false;
  let inValue = false;
  for (const char of html) {
    if (inValue) {
      if (char === '"') inValue = false;
      out += char === '<' ? '&#x3C;' : char === '>' ? '&#x3E;' : char;
      continue;
    }
    if (inTag) {
      if (char === '"') inValue = true;
      else if (char === '>') inTag = false;
    } else if (char === '<') {
      inTag = true;
    }
    out += char;
  }
  return out;
}
