import type { Root } from 'hast';
import { allowedProperties, isAllowedElement } from './sanitizeSchema';

export interface DisallowedMarkup {
  /** Element names the sanitiser removes, e.g. `script`. */
  readonly elements: readonly string[];
  /** Attribute names it removes, e.g. `onerror`, `style`. */
  readonly attributes: readonly string[];
}

/** Lists what the sanitiser will take out of `tree`, so a developer can see why content looks different. */
export function findDisallowedMarkup(tree: Root): DisallowedMarkup {
  const elements = new Set<string>();
  const attributes = new Set<string>();
  const pending: Root['children'] = [...tree.children];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type !== 'element') continue;
    if (!isAllowedElement(node.tagName)) elements.add(node.tagName);
    const allowed = allowedProperties(node.tagName);
    for (const property of Object.keys(node.properties)) {
      if (!allowed.includes(property)) attributes.add(attributeName(property));
    }
    pending.push(...node.children);
    if (node.content) pending.push(...node.content.children);
  }
  return { elements: [...elements].sort(), attributes: [...attributes].sort() };
}

const SPECIAL_ATTRIBUTE_NAMES: Record<string, string> = {
  className: 'class',
  htmlFor: 'for',
  httpEquiv: 'http-equiv',
  acceptCharset: 'accept-charset',
};

/** hast property name → the HTML attribute name a developer wrote (approximately; for messages only). */
function attributeName(property: string): string {
  const special = SPECIAL_ATTRIBUTE_NAMES[property];
  if (special) return special;
  if (/^(data|aria)[A-Z0-9]/.test(property)) return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return property.toLowerCase();
}
