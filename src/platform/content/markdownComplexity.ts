import { MAX_MARKDOWN_CHARS, MAX_MARKDOWN_CONTAINER_DEPTH, MAX_MARKDOWN_EMPHASIS_DELIMITERS_PER_BLOCK, MAX_MARKDOWN_OTHER_DELIMITERS_PER_BLOCK } from './limits';

/** A blockquote marker or a list marker at the start of what is left of a line. */
const CONTAINER_MARKER = /^[ \t]{0,3}(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
const EMPHASIS_DELIMITER = /[*_~]/g;
const OTHER_DELIMITER = /[[\]`<]/g;

/**
 * Why `markdown` is too costly to parse, or undefined when it is fine. A cheap linear scan that
 * keeps the parser (which is neither linear nor stack-safe on hostile input) away from the inputs
 * that make it slow or overflow the stack.
 */
export function markdownComplexityProblem(markdown: string): string | undefined {
  if (markdown.length > MAX_MARKDOWN_CHARS) {
    return `it is longer than ${MAX_MARKDOWN_CHARS} characters`;
  }
  let emphasisInBlock = 0;
  let otherInBlock = 0;
  for (const line of markdown.split('\n')) {
    if (line.trim() === '') {
      emphasisInBlock = 0;
      otherInBlock = 0;
      continue;
    }
    if (containerDepth(line) > MAX_MARKDOWN_CONTAINER_DEPTH) {
      return `quotes or lists are nested more than ${MAX_MARKDOWN_CONTAINER_DEPTH} levels deep`;
    }
    emphasisInBlock += line.match(EMPHASIS_DELIMITER)?.length ?? 0;
    if (emphasisInBlock > MAX_MARKDOWN_EMPHASIS_DELIMITERS_PER_BLOCK) {
      return `a paragraph has more than ${MAX_MARKDOWN_EMPHASIS_DELIMITERS_PER_BLOCK} emphasis delimiters (*, _, ~)`;
    }
    otherInBlock += line.match(OTHER_DELIMITER)?.length ?? 0;
    if (otherInBlock > MAX_MARKDOWN_OTHER_DELIMITERS_PER_BLOCK) {
      return `a paragraph has more than ${MAX_MARKDOWN_OTHER_DELIMITERS_PER_BLOCK} link, code or HTML delimiters ([, ], \`, <)`;
    }
  }
  return undefined;
}

function containerDepth(line: string): number {
  let depth = 0;
  let rest = line;
  for (let match = CONTAINER_MARKER.exec(rest); match && match[0].length > 0; match = CONTAINER_MARKER.exec(rest)) {
    depth++;
    if (depth > MAX_MARKDOWN_CONTAINER_DEPTH) break;
    rest = rest.slice(match[0].length);
  }
  return depth;
}
