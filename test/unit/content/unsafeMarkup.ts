/**
 * A check of rendered HTML that does not use the renderer's parser: plain regular expressions over
 * the output text. Shared with the e2e tier, which puts the same payloads into real webviews.
 */

/** Elements that must never appear in rendered content. */
export const FORBIDDEN_ELEMENTS = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'base',
  'meta',
  'link',
  'style',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'template',
  'noscript',
  'xmp',
  'title',
  'audio',
  'video',
  'source',
];

const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'background',
  'poster',
  'data',
  'cite',
  'srcset',
  'longdesc',
];
const FORBIDDEN_ATTRIBUTES = ['style', 'srcdoc', 'formaction', 'xlink:href', 'srcset', 'id', 'name'];
const DANGEROUS_SCHEME = /^(?:javascript|data|vbscript):/;

const TAG = /<\/?([a-zA-Z][^\s/>]*)([^>]*)>/g;
const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** Every problem found in `html`; empty when it is safe by these rules. */
export function findUnsafeMarkup(html: string): string[] {
  const problems: string[] = [];
  if (/<\s*script/i.test(html)) problems.push('contains "<script"');
  for (const [, rawName, attributeText] of html.matchAll(TAG)) {
    const tag = rawName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.includes(tag)) problems.push(`element <${tag}>`);
    for (const [, rawAttribute, double, single, bare] of attributeText.matchAll(ATTRIBUTE)) {
      const attribute = rawAttribute.toLowerCase();
      const value = double ?? single ?? bare ?? '';
      if (/^on[a-z]+$/.test(attribute)) problems.push(`event handler ${attribute} on <${tag}>`);
      if (FORBIDDEN_ATTRIBUTES.includes(attribute)) problems.push(`attribute ${attribute} on <${tag}>`);
      if (attribute === 'class' && tag !== 'span') problems.push(`class on <${tag}>`);
      if (URL_ATTRIBUTES.includes(attribute)) {
        const url = withoutControlsAndSpaces(decodeCharacterReferences(value)).toLowerCase();
        if (DANGEROUS_SCHEME.test(url)) problems.push(`${attribute}="${value}" on <${tag}>`);
      }
    }
  }
  return problems;
}

function decodeCharacterReferences(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => codePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, decimal: string) => codePoint(Number(decimal)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n')
    .replace(/&amp;/gi, '&');
}

function codePoint(value: number): string {
  return value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : '\ufffd';
}

/** Browsers ignore C0 controls and spaces inside a URL scheme ("java\tscript:"), so the check does too. */
function withoutControlsAndSpaces(value: string): string {
  return [...value].filter((char) => char.charCodeAt(0) > 0x20).join('');
}
