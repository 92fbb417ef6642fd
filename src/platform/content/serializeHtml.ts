import type { Element, Root, RootContent } from 'hast';

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** hast property names whose HTML attribute name is not simply the same word in lower case. */
const ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  className: 'class',
  htmlFor: 'for',
  colSpan: 'colspan',
  rowSpan: 'rowspan',
  referrerPolicy: 'referrerpolicy',
  acceptCharset: 'accept-charset',
  httpEquiv: 'http-equiv',
};

/**
 * A sanitised hast tree → HTML text, written like hast-util-to-html writes it (`&` and `<` escaped in text as
 * `&#x26;` and `&#x3C;`, every attribute value double-quoted), with one addition: `<` and `>` are escaped inside
 * attribute values too, as browsers' own serialisers now do, so nothing in a title or alt can be re-read as
 * markup by a later parse in another context (mutation XSS). One pass over a tree that has already been reduced
 * to the allow-list, which is why it can be this small.
 */
export function serializeHtml(tree: Root): string {
  return childrenHtml(tree.children);
}

function childrenHtml(children: readonly RootContent[]): string {
  let html = '';
  for (const child of children) {
    if (child.type === 'text') html += escapeText(child.value);
    else if (child.type === 'element') html += elementHtml(child);
  }
  return html;
}

function elementHtml(element: Element): string {
  let html = `<${element.tagName}`;
  const { properties } = element;
  for (const property in properties) {
    const value = properties[property];
    if (value === null || value === undefined || value === false || (typeof value === 'number' && Number.isNaN(value)))
      continue;
    const name = ATTRIBUTE_NAMES[property] ?? property.toLowerCase();
    html +=
      value === true
        ? ` ${name}`
        : ` ${name}="${escapeAttribute(Array.isArray(value) ? value.join(' ') : String(value))}"`;
  }
  html += '>';
  if (VOID_ELEMENTS.has(element.tagName)) return html;
  return `${html}${childrenHtml(element.children)}</${element.tagName}>`;
}

const TEXT_SPECIALS = /[&<]/g;
const ATTRIBUTE_SPECIALS = /[&"<>]/g;
const REFERENCES: Readonly<Record<string, string>> = { '&': '&#x26;', '<': '&#x3C;', '>': '&#x3E;', '"': '&#x22;' };
const reference = (character: string): string => REFERENCES[character];

function escapeText(value: string): string {
  return value.replace(TEXT_SPECIALS, reference);
}

function escapeAttribute(value: string): string {
  return value.replace(ATTRIBUTE_SPECIALS, reference);
}
