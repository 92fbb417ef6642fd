import type { Element, ElementContent } from 'hast';

/**
 * How a container lays out its children when it closes, mirroring remark-rehype (mdast-util-to-hast) so the
 * output is the same as the remark pipeline's was: blocks separated by line breaks, tight list paragraphs unwrapped.
 */
export type Layout = 'root' | 'blocks' | 'listItem' | 'inline' | 'footnotes';

/** The children of a closed container as remark-rehype would have written them (`loose` is for list items). */
export function laidOut(layout: Layout, children: ElementContent[], loose: boolean): ElementContent[] {
  switch (layout) {
    case 'blocks':
    case 'footnotes':
      return separated(children, true);
    case 'listItem':
      return listItemChildren(children, loose);
    default:
      return children;
  }
}

/** remark-rehype's `wrap`: a line break between blocks, and around them when `loose`. */
export function separated(nodes: ElementContent[], loose: boolean): ElementContent[] {
  const result: ElementContent[] = loose ? [newline()] : [];
  nodes.forEach((node, index) => {
    if (index > 0) result.push(newline());
    result.push(node);
  });
  if (loose && nodes.length > 0) result.push(newline());
  return result;
}

/** remark-rehype's list item: a tight item's paragraphs are unwrapped, everything else goes on its own line. */
function listItemChildren(results: ElementContent[], loose: boolean): ElementContent[] {
  const children: ElementContent[] = [];
  results.forEach((child, index) => {
    const paragraph = isParagraph(child);
    if (loose || index !== 0 || !paragraph) children.push(newline());
    if (paragraph && !loose) children.push(...child.children);
    else children.push(child);
  });
  const tail = results[results.length - 1];
  if (tail && (loose || !isParagraph(tail))) children.push(newline());
  return children;
}

function isParagraph(node: ElementContent): node is Element {
  return node.type === 'element' && node.tagName === 'p';
}

export function newline(): ElementContent {
  return { type: 'text', value: '\n' };
}
