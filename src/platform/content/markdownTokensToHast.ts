import type { Element, ElementContent, Root } from 'hast';
import type { Token } from 'markdown-it';
import { MAX_ELEMENT_DEPTH } from './limits';
import { laidOut, newline, separated, type Layout } from './markdownLayout';

export interface MarkdownConversion {
  tree: Root;
  /** Raw HTML in the markdown, which is left out as the Altinn inbox does. */
  rawHtmlFragments: number;
  /** Subtrees nested too deep that were reduced to text. */
  flattened: number;
}

interface Frame {
  readonly element: Element;
  readonly layout: Layout;
  /** A paragraph of a tight list, whose content goes straight into its list item. */
  readonly tight?: boolean;
  /** A list item holding paragraphs of a loose list. */
  loose?: boolean;
  /** Depth-limited: the element only collects the text of what is nested in it. */
  textOnly?: boolean;
}

/** What markdownTokensToHast leaves in the token list it consumes. */
const RELEASED = { type: 'released' } as Token;
const ALIGNMENTS: Readonly<Record<string, string>> = {
  'text-align:left': 'left',
  'text-align:center': 'center',
  'text-align:right': 'right',
};
const TASK_MARKER = /^\[([ \txX])\]([ \t]?)/;

/**
 * markdown-it tokens → hast in one pass with an explicit stack (no recursion, so any nesting is safe). Raw HTML
 * is counted and dropped; GFM task-list items get ☑ / ☐ text instead of checkboxes; containers deeper than
 * MAX_ELEMENT_DEPTH keep only their text. Consumes `tokens`: each entry is replaced once converted.
 */
export function markdownTokensToHast(tokens: Token[]): MarkdownConversion {
  const root = element('root');
  const stack: Frame[] = [{ element: root, layout: 'root' }];
  let footnoteList: Element | undefined;
  let rawHtmlFragments = 0;
  let flattened = 0;
  let suppressed = 0;

  const top = (): Frame => stack[stack.length - 1];
  const append = (node: ElementContent): void => {
    top().element.children.push(node);
  };
  const appendText = (value: string): void => {
    if (value) append({ type: 'text', value });
  };
  const open = (tagName: string, layout: Layout, properties: Element['properties'] = {}, tight?: boolean): void => {
    if (suppressed > 0 || stack.length > MAX_ELEMENT_DEPTH) {
      if (suppressed++ === 0 && !top().textOnly) {
        top().textOnly = true;
        flattened++;
      }
      return;
    }
    stack.push({ element: element(tagName, properties), layout, tight });
  };
  const close = (): void => {
    if (suppressed > 0) {
      suppressed--;
      return;
    }
    const frame = stack.pop()!;
    frame.element.children = laidOut(frame.layout, frame.element.children, frame.loose === true);
    if (frame.layout === 'footnotes') footnoteList = frame.element;
    else append(frame.element);
    if (frame.element.tagName === 'p' && !frame.tight && top().layout === 'listItem') top().loose = true;
  };

  const handle = (token: Token): void => {
    if (suppressed > 0 && token.nesting === 0) {
      appendText(textOf(token));
      return;
    }
    switch (token.type) {
      case 'inline':
        handleInline(token.children ?? []);
        return;
      case 'paragraph_open':
        open('p', 'inline', {}, token.hidden);
        return;
      case 'heading_open':
      case 'em_open':
      case 'strong_open':
        open(token.tag, 'inline');
        return;
      case 's_open':
        open('del', 'inline');
        return;
      case 'blockquote_open':
      case 'bullet_list_open':
      case 'table_open':
      case 'thead_open':
      case 'tbody_open':
      case 'tr_open':
        open(token.tag, 'blocks');
        return;
      case 'ordered_list_open': {
        const start = attribute(token, 'start');
        open('ol', 'blocks', start === undefined ? {} : { start: Number(start) });
        return;
      }
      case 'list_item_open':
        open('li', 'listItem');
        return;
      case 'th_open':
      case 'td_open': {
        const align = ALIGNMENTS[attribute(token, 'style') ?? ''];
        open(token.tag, 'inline', align ? { align } : {});
        return;
      }
      case 'link_open': {
        const title = attribute(token, 'title');
        open(
          'a',
          'inline',
          title === undefined
            ? { href: attribute(token, 'href') ?? '' }
            : { href: attribute(token, 'href') ?? '', title },
        );
        return;
      }
      case 'footnote_block_open':
        open('ol', 'footnotes');
        return;
      case 'footnote_open':
        open('li', 'blocks');
        return;
      case 'code_block':
      case 'fence':
        append(element('pre', {}, [element('code', {}, [{ type: 'text', value: codeText(token.content) }])]));
        return;
      case 'hr':
        append(element('hr'));
        return;
      case 'html_block':
      case 'html_inline':
        rawHtmlFragments++;
        return;
      case 'text':
        appendText(token.content);
        return;
      case 'softbreak':
        appendText('\n');
        return;
      case 'hardbreak':
        append(element('br'));
        appendText('\n');
        return;
      case 'code_inline':
        append(element('code', {}, [{ type: 'text', value: token.content }]));
        return;
      case 'image': {
        const title = attribute(token, 'title');
        const properties: Element['properties'] = {
          src: attribute(token, 'src') ?? '',
          alt: altText(token.children ?? []),
        };
        if (title !== undefined) properties.title = title;
        append(element('img', properties));
        return;
      }
      case 'footnote_ref':
        append(
          element('sup', {}, [
            element('a', { href: `#fn-${footnoteNumber(token)}` }, [
              { type: 'text', value: String(footnoteNumber(token)) },
            ]),
          ]),
        );
        return;
      case 'footnote_anchor':
        appendBackReference(token);
        return;
      default:
        if (token.nesting === -1) close();
    }
  };

  /** The "↩" links after a footnote's text, as remark-rehype writes them (in-page links are unwrapped later). */
  const appendBackReference = (token: Token): void => {
    const reference = Number((token.meta as { subId?: number } | null)?.subId ?? 0) + 1;
    const frame = top();
    if (frame.element.tagName === 'p' || reference > 1) appendText(' ');
    const content: ElementContent[] = [{ type: 'text', value: '↩' }];
    if (reference > 1) content.push(element('sup', {}, [{ type: 'text', value: String(reference) }]));
    append(element('a', { href: `#fnref-${footnoteNumber(token)}` }, content));
  };

  const handleInline = (children: readonly Token[]): void => {
    let start = 0;
    const frame = top();
    const item = stack[stack.length - 2];
    if (frame.element.tagName === 'p' && item?.layout === 'listItem' && item.element.children.length === 0) {
      start = stripTaskMarker(children, frame);
    }
    for (let i = start; i < children.length; i++) handle(children[i]);
  };

  for (let i = 0; i < tokens.length; i++) {
    handle(tokens[i]);
    // Released as soon as converted: a 100 KB document has ~20,000 tokens, and every young-generation collection
    // during the conversion would otherwise copy all of them again.
    tokens[i] = RELEASED;
  }
  const children = separated(root.children, false);
  // remark-rehype's footnote section, less what sanitising removes (the section element, ids and classes).
  if (footnoteList)
    children.push(
      newline(),
      element('h2', {}, [{ type: 'text', value: 'Footnotes' }]),
      newline(),
      footnoteList,
      newline(),
    );
  return { tree: { type: 'root', children }, rawHtmlFragments, flattened };
}

/** A GFM task-list marker at the start of an item's first paragraph becomes text; returns the tokens to skip. */
function stripTaskMarker(children: readonly Token[], paragraph: Frame): number {
  const first = children[0];
  const match = first?.type === 'text' ? TASK_MARKER.exec(first.content) : null;
  if (!match) return 0;
  const rest = first.content.slice(match[0].length);
  const endsAtLineBreak = match[2] === '' && rest === '' && children[1]?.type === 'softbreak';
  if (match[2] === '' && !endsAtLineBreak) return 0;
  paragraph.element.children.push({ type: 'text', value: match[1] === ' ' || match[1] === '\t' ? '☐ ' : '☑ ' });
  if (endsAtLineBreak) return 2;
  if (rest) paragraph.element.children.push({ type: 'text', value: rest });
  return 1;
}

function attribute(token: Token, name: string): string | undefined {
  const value = token.attrGet(name);
  return value === null ? undefined : String(value);
}

function element(tagName: string, properties: Element['properties'] = {}, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

/** A fence left open at the end of the document still ends its last line, as remark writes it. */
function codeText(content: string): string {
  return content === '' || content.endsWith('\n') ? content : `${content}\n`;
}

function footnoteNumber(token: Token): number {
  return Number((token.meta as { id?: number } | null)?.id ?? 0) + 1;
}

/** The text a depth-limited element keeps of a token (as remark's textContent of the subtree would). */
function textOf(token: Token): string {
  switch (token.type) {
    case 'text':
    case 'code_inline':
    case 'code_block':
    case 'fence':
      return token.content;
    case 'softbreak':
      return '\n';
    case 'inline':
      return (token.children ?? []).map(textOf).join('');
    default:
      return '';
  }
}

/** An image's alt: the plain text of its description, raw HTML and inner images' alts included (mdast's `alt`). */
function altText(children: readonly Token[]): string {
  let alt = '';
  for (const child of children) {
    if (child.type === 'text' || child.type === 'code_inline' || child.type === 'html_inline') alt += child.content;
    else if (child.type === 'softbreak') alt += '\n';
    else if (child.type === 'image') alt += altText(child.children ?? []);
  }
  return alt;
}
