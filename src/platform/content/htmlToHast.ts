import type { Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parseFragment } from 'parse5';
import { MAX_ELEMENT_DEPTH } from './limits';
import { flattenBelowDepth } from './treeDepth';

/**
 * Legacy HTML → hast, parsed as a body fragment by parse5 (the HTML standard's parsing rules). Without source
 * positions, which nothing here reads and which cost more than the parse itself.
 */
export function htmlToHast(html: string): { tree: Root; flattened: number } {
  const tree = fromParse5(parseFragment(html, { scriptingEnabled: false })) as Root;
  return { tree, flattened: flattenBelowDepth(tree, MAX_ELEMENT_DEPTH) };
}
