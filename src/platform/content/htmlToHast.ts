import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import { unified } from 'unified';
import { MAX_ELEMENT_DEPTH } from './limits';
import { flattenBelowDepth } from './treeDepth';

const htmlProcessor = unified().use(rehypeRaw).freeze();

/** Legacy HTML → hast, parsed as a body fragment by parse5 (the HTML standard's parsing rules). */
export function htmlToHast(html: string): { tree: Root; flattened: number } {
  // rehype-raw parses `raw` nodes (the node type remark-rehype uses for embedded HTML) in place.
  const unparsed = { type: 'root', children: [{ type: 'raw', value: html }] } as unknown as Root;
  const tree = htmlProcessor.runSync(unparsed) as Root;
  return { tree, flattened: flattenBelowDepth(tree, MAX_ELEMENT_DEPTH) };
}
