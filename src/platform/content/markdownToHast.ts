import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot, Nodes as MdastNodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { MAX_ELEMENT_DEPTH } from './limits';
import { flattenBelowDepth } from './treeDepth';

const markdownProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).freeze();

export interface MarkdownConversion {
  tree: HastRoot;
  /** Raw HTML in the markdown, which is left out as the Altinn inbox does. */
  rawHtmlFragments: number;
  /** Subtrees nested too deep that were reduced to text. */
  flattened: number;
}

/** CommonMark + GFM → hast. Raw HTML is dropped (not rendered); task-list checkboxes become ☑ / ☐ text. */
export function markdownToHast(markdown: string): MarkdownConversion {
  const mdast = markdownProcessor.parse(markdown);
  const flattened = flattenBelowDepth(mdast, MAX_ELEMENT_DEPTH);
  const rawHtmlFragments = prepareMarkdownTree(mdast);
  const tree = markdownProcessor.runSync(mdast) as HastRoot;
  return { tree, rawHtmlFragments, flattened };
}

/** Counts raw HTML nodes and turns task-list items into text markers, so no `<input>` is generated. */
function prepareMarkdownTree(root: MdastRoot): number {
  let rawHtml = 0;
  const pending: MdastNodes[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'html') rawHtml++;
    if (node.type === 'listItem' && typeof node.checked === 'boolean') {
      const marker = node.checked ? '☑ ' : '☐ ';
      const first = node.children[0];
      if (first?.type === 'paragraph') first.children.unshift({ type: 'text', value: marker });
      else node.children.unshift({ type: 'paragraph', children: [{ type: 'text', value: marker }] });
      node.checked = null;
    }
    if ('children' in node) pending.push(...(node.children as MdastNodes[]));
  }
  return rawHtml;
}
