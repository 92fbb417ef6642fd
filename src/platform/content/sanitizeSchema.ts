import type { Options as Schema } from 'rehype-sanitize';

/**
 * What survives sanitising: the elements the Altinn inbox renders for markdown and legacy HTML
 * content (p, em, strong, lists, links, code, pre, blockquote, hr, headings, br, span and tables),
 * plus del (GFM strikethrough), sub/sup (footnote marks), div (legacy HTML layout) and img (turned into a placeholder later
 * unless remote images are allowed). No id, name, class or style on anything.
 */
export const CONTENT_SANITIZE_SCHEMA: Schema = {
  tagNames: [
    'p',
    'br',
    'hr',
    'div',
    'span',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'em',
    'strong',
    'del',
    'sub',
    'sup',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
  ],
  attributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: [['align', 'left', 'center', 'right'], 'colSpan', 'rowSpan'],
    td: [['align', 'left', 'center', 'right'], 'colSpan', 'rowSpan'],
  },
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['https'],
  },
  ancestors: {
    li: ['ul', 'ol'],
    thead: ['table'],
    tbody: ['table'],
    tfoot: ['table'],
    tr: ['table'],
    th: ['table'],
    td: ['table'],
  },
  required: {},
  clobber: [],
  clobberPrefix: '',
  // Dropped together with their content; other disallowed elements are replaced by their children.
  strip: [
    'script',
    'style',
    'template',
    'noscript',
    'noembed',
    'noframes',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'svg',
    'math',
    'textarea',
    'select',
    'option',
    'title',
    'xmp',
    'plaintext',
    'head',
    'meta',
    'link',
    'base',
    'audio',
    'video',
    'canvas',
    'button',
  ],
  allowComments: false,
  allowDoctypes: false,
};

/** Attribute (hast property) names each allowed element keeps, for reporting what was removed. */
export function allowedProperties(tagName: string): readonly string[] {
  return (CONTENT_SANITIZE_SCHEMA.attributes?.[tagName] ?? []).map((definition) =>
    typeof definition === 'string' ? definition : definition[0],
  );
}

export function isAllowedElement(tagName: string): boolean {
  return CONTENT_SANITIZE_SCHEMA.tagNames?.includes(tagName) ?? false;
}
