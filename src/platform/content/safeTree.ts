import type { Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import { unified } from 'unified';
import { findDisallowedMarkup } from './disallowedMarkup';
import { htmlToHast } from './htmlToHast';
import { MAX_CONTENT_BYTES, MAX_ELEMENT_DEPTH, truncateUtf8 } from './limits';
import { finishLinksAndImages } from './linksAndImages';
import { markdownComplexityProblem } from './markdownComplexity';
import { markdownToHast } from './markdownToHast';
import { classifyMediaType } from './mediaType';
import { plainTextToHast } from './plainTextToHast';
import { CONTENT_SANITIZE_SCHEMA } from './sanitizeSchema';

const sanitizer = unified().use(rehypeSanitize, CONTENT_SANITIZE_SCHEMA).freeze();

export interface SafeTree {
  tree: Root;
  warnings: string[];
}

/** Any content value → a sanitised hast tree that never throws: unusable input falls back to plain text. */
export function buildSafeTree(value: string, mediaType: string, allowRemoteImages: boolean): SafeTree {
  const warnings: string[] = [];
  const { value: input, truncated } = truncateUtf8(value, MAX_CONTENT_BYTES);
  if (truncated) warnings.push(`The content is larger than ${MAX_CONTENT_BYTES / (1024 * 1024)} MB; only the first ${MAX_CONTENT_BYTES / (1024 * 1024)} MB is shown.`);

  let format = classifyMediaType(mediaType);
  if (format === 'unknown') {
    warnings.push(`Unknown media type "${mediaType}"; shown as plain text.`);
    format = 'plain';
  }
  if (format === 'markdown') {
    const problem = markdownComplexityProblem(input);
    if (problem) {
      warnings.push(`The markdown is shown as plain text because ${problem}.`);
      format = 'plain';
    }
  }
  if (format === 'plain') return { tree: plainTextToHast(input), warnings };

  try {
    return { tree: markupToSafeTree(input, format, allowRemoteImages, warnings), warnings };
  } catch (error) {
    const reason = error instanceof RangeError ? 'it is nested too deeply' : `it could not be parsed (${error instanceof Error ? error.message : String(error)})`;
    const name = format === 'html' ? 'HTML' : 'markdown';
    return { tree: plainTextToHast(input), warnings: [...warnings, `The ${name} is shown as plain text because ${reason}.`] };
  }
}

function markupToSafeTree(input: string, format: 'markdown' | 'html', allowRemoteImages: boolean, warnings: string[]): Root {
  const own: string[] = [];
  // The unsanitised tree is only passed along, never kept, so it can be collected as soon as sanitising ends.
  const safe = sanitizer.runSync(unsafeTree(input, format, own)) as Root;
  const { removedLinks, hiddenImages, imagesWithoutHttps } = finishLinksAndImages(safe, allowRemoteImages);
  if (removedLinks > 0) own.push(`${removedLinks} link(s) removed: only absolute http, https and mailto links are kept.`);
  if (hiddenImages > 0) {
    own.push(allowRemoteImages
      ? `${imagesWithoutHttps} image(s) without an https address are not shown.`
      : `${hiddenImages} image(s) not loaded: remote images are turned off.`);
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
      own.push(`${converted.rawHtmlFragments} raw HTML fragment(s) in the markdown are not shown (the Altinn inbox does not render HTML inside markdown).`);
    }
  } else {
    ({ tree, flattened } = htmlToHast(input));
    const removed = findDisallowedMarkup(tree);
    if (removed.elements.length > 0) own.push(`Removed HTML elements the Altinn inbox does not allow: ${removed.elements.map((name) => `<${name}>`).join(', ')}.`);
    if (removed.attributes.length > 0) own.push(`Removed HTML attributes: ${removed.attributes.join(', ')}.`);
  }
  if (flattened > 0) own.push(`Content nested more than ${MAX_ELEMENT_DEPTH} levels deep is shown as text.`);
  return tree;
}
