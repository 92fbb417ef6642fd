import type { ElementContent, Root } from 'hast';

/** Plain text → paragraphs (split on blank lines) with `<br>` for single line breaks. No markup is interpreted. */
export function plainTextToHast(text: string): Root {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n(?:[ \t]*\n)+/)
    .filter((paragraph) => paragraph.trim() !== '');
  return {
    type: 'root',
    children: paragraphs.map((paragraph) => ({
      type: 'element',
      tagName: 'p',
      properties: {},
      children: paragraph.split('\n').flatMap((line, index): ElementContent[] => {
        const text: ElementContent = { type: 'text', value: line };
        return index === 0 ? [text] : [{ type: 'element', tagName: 'br', properties: {}, children: [] }, text];
      }),
    })),
  };
}
