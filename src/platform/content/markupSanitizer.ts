import type { Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import { unified } from 'unified';
import { findDisallowedMarkup } from './disallowedMarkup';
import { htmlToHast } from './htmlToHast';
import { MAX_ELEMENT_DEPTH } from './limits';
import { finishLinksAndImages } from './linksAndImages';
import { markdownToHast } from './markdownToHast';
import { CONTENT_SANITIZE_SCHEMA } from './sanitizeSchema';

// The parsers and the sanitiser (markdown-it, parse5, unified/rehype-sanitize) are bundled as dist/markup.js and loaded
// the first time markup is rendered (loadMarkupSanitizer.ts); plain text never needs them.
const sanitizer = unified().use(rehypeSanitize, CONTENT_SANITIZE_SCHEMA).freeze();

/** Markdown or HTML → a sanitised tree; what was removed or changed is added to `warnings`. */
export function markupToSafeTree(
  input: string,
  format: 'markdown' | 'html',
  allowRemoteImages: boolean,
  warnings: string[],
): Root {
  const own: string[] = [];
  // The unsanitised tree is only passed along, never kept, so it can be collected as soon as sanitising ends.
  const safe = sanitizer.runSync(unsafeTree(input, format, own)) as Root;
  const { removedLinks, hiddenImages, imagesWithoutHttps } = finishLinksAndImages(safe, allowRemoteImages);
  if (removedLinks > 0)
    own.push(`${removedLinks} link(s) removed: only absolute http, https and mailto links are kept.`);
  if (hiddenImages > 0) {
    own.push(
      allowRemoteImages
        ? `${imagesWithoutHttps} image(s) without an https address are not shown.`
        : `${hiddenImages} image(s) not loaded: remote images are turned off.`,
    );
  }
  warnings.push(...own);
  return safe;
}

/** The parsed tree, before sanitising; what the parsing left out or changed is added to `own`. */
function unsafeTree(input: string, format: 'markdown' | 'html', own: string[]): Root {
  let tree: Root;
  let flattened: number;
  if (format === 'markdown') {
    const converted = markdownToHast(input);
    ({ tree, flattened } = converted);
    if (converted.rawHtmlFragments > 0) {
      own.push(
        `${converted.rawHtmlFragments} raw HTML fragment(s) in the markdown are not shown (the Altinn inbox does not render HTML inside markdown).`,
      );
    }
  } else {
    ({ tree, flattened } = htmlToHast(input));
    const removed = findDisallowedMarkup(tree);
    if (removed.elements.length > 0)
      own.push(
        `Removed HTML elements the Altinn inbox does not allow: ${removed.elements.map((name) => `<${name}>`).join(', ')}.`,
      );
    if (removed.attributes.length > 0) own.push(`Removed HTML attributes: ${removed.attributes.join(', ')}.`);
  }
  if (flattened > 0) own.push(`Content nested more than ${MAX_ELEMENT_DEPTH} levels deep is shown as text.`);
  return tree;
}
