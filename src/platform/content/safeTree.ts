import type { Root } from 'hast';
import { MAX_CONTENT_BYTES, truncateUtf8 } from './limits';
import { loadMarkupSanitizer } from './loadMarkupSanitizer';
import { markdownComplexityProblem } from './markdownComplexity';
import { classifyMediaType } from './mediaType';
import { plainTextToHast } from './plainTextToHast';

export interface SafeTree {
  tree: Root;
  warnings: string[];
}

/** Any content value → a sanitised hast tree that never throws: unusable input falls back to plain text. */
export function buildSafeTree(value: string, mediaType: string, allowRemoteImages: boolean): SafeTree {
  const warnings: string[] = [];
  const { value: input, truncated } = truncateUtf8(value, MAX_CONTENT_BYTES);
  if (truncated)
    warnings.push(
      `The content is larger than ${MAX_CONTENT_BYTES / (1024 * 1024)} MB; only the first ${MAX_CONTENT_BYTES / (1024 * 1024)} MB is shown.`,
    );

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
    return { tree: loadMarkupSanitizer().markupToSafeTree(input, format, allowRemoteImages, warnings), warnings };
  } catch (error) {
    const reason =
      error instanceof RangeError
        ? 'it is nested too deeply'
        : `it could not be parsed (${error instanceof Error ? error.message : String(error)})`;
    const name = format === 'html' ? 'HTML' : 'markdown';
    return {
      tree: plainTextToHast(input),
      warnings: [...warnings, `The ${name} is shown as plain text because ${reason}.`],
    };
  }
}
