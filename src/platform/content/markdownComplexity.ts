import {
  MAX_MARKDOWN_CHARS,
  MAX_MARKDOWN_CONTAINER_DEPTH,
  MAX_MARKDOWN_EMPHASIS_DELIMITERS_PER_BLOCK,
  MAX_MARKDOWN_OTHER_DELIMITERS_PER_BLOCK,
} from './limits';

/** A blockquote marker or a list marker at the start of what is left of a line (sticky: matched at a position). */
const CONTAINER_MARKER = /[ \t]{0,3}(?:>|[-*+](?=[ \t\n]|$)|\d{1,9}[.)](?=[ \t\n]|$))[ \t]?/y;
const WHITESPACE = /\s/;

/**
 * Why `markdown` is too costly to parse, or undefined when it is fine. A cheap linear scan that keeps the
 * parser away from inputs that are pathological for any markdown parser (huge delimiter runs, deep nesting).
 * One pass over the character codes, without splitting the text into lines.
 */
export function markdownComplexityProblem(markdown: string): string | undefined {
  if (markdown.length > MAX_MARKDOWN_CHARS) {
    return `it is longer than ${MAX_MARKDOWN_CHARS} characters`;
  }
  let emphasisInBlock = 0;
  let otherInBlock = 0;
  for (let lineStart = 0; lineStart <= markdown.length;) {
    const newline = markdown.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? markdown.length : newline;
    let blank = true;
    let emphasis = 0;
    let other = 0;
    for (let i = lineStart; i < lineEnd; i++) {
      const code = markdown.charCodeAt(i);
      if (code === 0x2a || code === 0x5f || code === 0x7e)
        emphasis++; // * _ ~
      else if (code === 0x5b || code === 0x5d || code === 0x60 || code === 0x3c) other++; // [ ] ` <
      if (blank && !isWhitespace(code)) blank = false;
    }
    if (blank) {
      emphasisInBlock = 0;
      otherInBlock = 0;
    } else {
      if (containerDepth(markdown, lineStart) > MAX_MARKDOWN_CONTAINER_DEPTH) {
        return `quotes or lists are nested more than ${MAX_MARKDOWN_CONTAINER_DEPTH} levels deep`;
      }
      emphasisInBlock += emphasis;
      if (emphasisInBlock > MAX_MARKDOWN_EMPHASIS_DELIMITERS_PER_BLOCK) {
        return `a paragraph has more than ${MAX_MARKDOWN_EMPHASIS_DELIMITERS_PER_BLOCK} emphasis delimiters (*, _, ~)`;
      }
      otherInBlock += other;
      if (otherInBlock > MAX_MARKDOWN_OTHER_DELIMITERS_PER_BLOCK) {
        return `a paragraph has more than ${MAX_MARKDOWN_OTHER_DELIMITERS_PER_BLOCK} link, code or HTML delimiters ([, ], \`, <)`;
      }
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** Container markers at the start of the line beginning at `lineStart`, counted up to one past the limit. */
function containerDepth(markdown: string, lineStart: number): number {
  let depth = 0;
  CONTAINER_MARKER.lastIndex = lineStart;
  while (depth <= MAX_MARKDOWN_CONTAINER_DEPTH && CONTAINER_MARKER.test(markdown)) depth++;
  return depth;
}

/** What String.prototype.trim removes (the same set as `\s`). */
function isWhitespace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return WHITESPACE.test(String.fromCharCode(code));
}
