/** The parts of mdast and hast nodes these helpers need; both trees have this shape. */
interface TreeNode {
  type: string;
  value?: unknown;
  children?: TreeNode[];
}

/** hast keeps all text in `text` nodes; mdast also in `inlineCode` and `code`. */
const TEXT_TYPES = new Set(['text', 'inlineCode', 'code']);

/**
 * Replaces the children of every node at `maxDepth` with one text node holding their text, so
 * recursive tree utilities that run afterwards stay within the call stack. Iterative on purpose.
 * Returns how many subtrees were flattened.
 */
export function flattenBelowDepth(root: TreeNode, maxDepth: number): number {
  let flattened = 0;
  // Two parallel stacks rather than a {node, depth} object per node: this walks every node of large documents.
  const nodes: TreeNode[] = [root];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (!node.children) continue;
    if (depth >= maxDepth && node.children.some((child) => child.children)) {
      node.children = [{ type: 'text', value: textContent(node) }];
      flattened++;
      continue;
    }
    for (const child of node.children) {
      if (!child.children) continue;
      nodes.push(child);
      depths.push(depth + 1);
    }
  }
  return flattened;
}

/** The concatenated text values under `root`, in document order. Iterative. */
export function textContent(root: TreeNode): string {
  const parts: string[] = [];
  const pending: TreeNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (TEXT_TYPES.has(node.type) && typeof node.value === 'string') parts.push(node.value);
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]);
  }
  return parts.join('');
}
