/**
 * A check of the whole panel body that does not reuse the renderer: plain regular expressions over the HTML.
 * The body mixes our own markup (tabs, buttons, a language <select>) with sanitised content, so instead of the
 * content allow-list it checks that every element is one we put there or one the sanitiser allows, that no
 * attribute can run script or load anything, and it counts the interactive controls (a payload that manages to
 * add a button, link or form field changes the count).
 */
import { isPanelCommand } from '../../../src/vscode/dialogPanel/protocol';

const ALLOWED_TAGS = new Set([
  // sanitised content (src/platform/content/sanitizeSchema.ts; img only with remote images allowed)
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
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  // the panel's own markup
  'main',
  'header',
  'section',
  'article',
  'button',
  'select',
  'option',
  'input',
  'label',
  'time',
]);

const SAFE_ATTRIBUTES = new Set([
  'class',
  'role',
  'title',
  'rel',
  'tabindex',
  'hidden',
  'disabled',
  'selected',
  'checked',
  'type',
  'value',
  'datetime',
  'colspan',
  'rowspan',
  'align',
  'start',
  'scope',
  'aria-label',
  'aria-labelledby',
  'aria-controls',
  'aria-selected',
  'aria-live',
  'aria-hidden',
]);

const OUR_IDS =
  /^(?:tab|panel)-(?:overview|transmissions|actions|activity|raw)$|^tx-(?:title-)?[0-9a-f-]{36}$|^live-status$|^live-retry$|^language-select$/;

const TAG = /<\/?([a-zA-Z][^\s/>]*)([^>]*)>/g;
const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

export interface BodyAudit {
  readonly problems: string[];
  /** Interactive elements by kind: `button`, `select`, `input`, `a[href]`… */
  readonly controls: Record<string, number>;
}

export function auditBody(html: string, options: { allowImages?: boolean } = {}): BodyAudit {
  const problems: string[] = [];
  const controls: Record<string, number> = {};
  const count = (key: string): void => {
    controls[key] = (controls[key] ?? 0) + 1;
  };
  if (/<\s*script/i.test(html)) problems.push('contains "<script"');
  for (const [whole, rawName, attributeText] of html.matchAll(TAG)) {
    const tag = rawName.toLowerCase();
    const closing = whole.startsWith('</');
    if (!ALLOWED_TAGS.has(tag) && !(options.allowImages && tag === 'img')) problems.push(`element <${tag}>`);
    if (closing) continue;
    if (['button', 'select', 'input', 'option', 'label'].includes(tag)) count(tag);
    for (const [, rawAttribute, double, single, bare] of attributeText.matchAll(ATTRIBUTE)) {
      const attribute = rawAttribute.toLowerCase();
      const value = double ?? single ?? bare ?? '';
      if (/^on/.test(attribute)) problems.push(`event handler ${attribute} on <${tag}>`);
      else if (attribute === 'href') {
        if (tag !== 'a') problems.push(`href on <${tag}>`);
        else if (/^#/.test(value)) count('a[href^=#]');
        else if (/^(?:https?|mailto):/i.test(value)) count('a[href]');
        else problems.push(`href="${value.slice(0, 80)}"`);
      } else if (attribute === 'src') {
        if (!(options.allowImages && tag === 'img' && /^https:\/\//i.test(value))) problems.push(`src on <${tag}>`);
      } else if (attribute === 'id') {
        if (!OUR_IDS.test(value)) problems.push(`id="${value.slice(0, 80)}" on <${tag}>`);
      } else if (attribute.startsWith('data-')) {
        if (
          ![
            'data-command',
            'data-tab',
            'data-url',
            'data-action-id',
            'data-attachment-id',
            'data-transmission',
            'data-dialog-id',
          ].includes(attribute)
        )
          problems.push(`attribute ${attribute}`);
      } else if (
        !SAFE_ATTRIBUTES.has(attribute) &&
        !(options.allowImages && tag === 'img' && ['alt', 'loading', 'referrerpolicy'].includes(attribute))
      ) {
        problems.push(`attribute ${attribute} on <${tag}>`);
      }
      if (attribute === 'type' && tag === 'input' && value !== 'checkbox') problems.push(`input type ${value}`);
      // What the webview script acts on: the panel's commands, and the buttons that send their own message type.
      if (
        attribute === 'data-command' &&
        !(
          isPanelCommand(value) ||
          ['setLanguage', 'executeGuiAction', 'downloadAttachment', 'retryEmbed'].includes(value)
        )
      ) {
        problems.push(`data-command="${value.slice(0, 80)}"`);
      }
    }
  }
  return { problems, controls };
}
