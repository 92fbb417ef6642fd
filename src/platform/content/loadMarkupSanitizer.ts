import type * as MarkupSanitizer from './markupSanitizer';

/** markdown-it, parse5 and the sanitiser are a chunk of their own, dist/markup.js (esbuild.mjs maps this require). */
export function loadMarkupSanitizer(): typeof MarkupSanitizer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./markupSanitizer') as typeof MarkupSanitizer;
}
