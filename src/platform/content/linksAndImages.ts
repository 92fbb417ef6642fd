import type { Element, ElementContent, Root } from 'hast';

export interface LinkAndImageOutcome {
  /** Links turned into plain text because their address was relative or not http(s)/mailto (in-page `#` links are not counted). */
  removedLinks: number;
  /** Images replaced by a text placeholder. */
  hiddenImages: number;
  /** Of those, images that had no https address (so they stay hidden even when remote images are allowed). */
  imagesWithoutHttps: number;
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
export const IMAGE_PLACEHOLDER_CLASS = 'content-image-placeholder';

/**
 * Runs after sanitising. Links keep only absolute http, https and mailto addresses (the webview
 * routes clicks through the extension) and get rel="noopener noreferrer"; anything else is
 * unwrapped to its text. Images become "[image: alt]" unless remote images are allowed and the
 * address is https. Iterative, so deep trees cannot overflow the stack.
 */
export function finishLinksAndImages(tree: Root, allowRemoteImages: boolean): LinkAndImageOutcome {
  const outcome: LinkAndImageOutcome = { removedLinks: 0, hiddenImages: 0, imagesWithoutHttps: 0 };
  const parents: (Root | Element)[] = [tree];
  while (parents.length > 0) {
    const parent = parents.pop()!;
    if (!parent.children.some(isLinkOrImage)) {
      for (const child of parent.children) if (child.type === 'element') parents.push(child);
      continue;
    }
    const queue = [...parent.children].reverse() as ElementContent[];
    const children: ElementContent[] = [];
    while (queue.length > 0) {
      const child = queue.pop()!;
      if (child.type !== 'element') {
        children.push(child);
        continue;
      }
      if (child.tagName === 'a') {
        const href = safeLinkAddress(child.properties.href);
        if (href === undefined) {
          if (!String(child.properties.href ?? '').startsWith('#')) outcome.removedLinks++;
          for (let i = child.children.length - 1; i >= 0; i--) queue.push(child.children[i]);
          continue;
        }
        child.properties.href = href;
        child.properties.rel = ['noopener', 'noreferrer'];
      } else if (child.tagName === 'img') {
        const src = httpsAddress(child.properties.src);
        if (src === undefined || !allowRemoteImages) {
          outcome.hiddenImages++;
          if (src === undefined) outcome.imagesWithoutHttps++;
          children.push(imagePlaceholder(child));
          continue;
        }
        child.properties = {
          src,
          alt: child.properties.alt,
          title: child.properties.title,
          referrerPolicy: 'no-referrer',
          loading: 'lazy',
        };
      }
      children.push(child);
      parents.push(child);
    }
    parent.children = children;
  }
  return outcome;
}

function isLinkOrImage(node: Root['children'][number]): boolean {
  return node.type === 'element' && (node.tagName === 'a' || node.tagName === 'img');
}

function safeLinkAddress(value: unknown): string | undefined {
  const url = absoluteUrl(value);
  return url && LINK_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}

function httpsAddress(value: unknown): string | undefined {
  const url = absoluteUrl(value);
  return url?.protocol === 'https:' ? url.href : undefined;
}

function absoluteUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function imagePlaceholder(image: Element): ElementContent {
  const alt = typeof image.properties.alt === 'string' ? image.properties.alt.trim() : '';
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: [IMAGE_PLACEHOLDER_CLASS] },
    children: [{ type: 'text', value: alt ? `[image: ${alt}]` : '[image]' }],
  };
}
