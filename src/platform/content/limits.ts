/** Larger inputs are cut to this many UTF-8 bytes before rendering. */
export const MAX_CONTENT_BYTES = 1024 * 1024;

/**
 * remark's parser slows down more than linearly on long documents and on many emphasis,
 * bracket and backtick delimiters, so markdown beyond these limits is shown as plain text instead.
 * 100 KB is also the documented maximum for a front-channel embed body.
 */
export const MAX_MARKDOWN_CHARS = 100 * 1024;
export const MAX_MARKDOWN_EMPHASIS_DELIMITERS_PER_BLOCK = 1000;
export const MAX_MARKDOWN_OTHER_DELIMITERS_PER_BLOCK = 4000;
export const MAX_MARKDOWN_CONTAINER_DEPTH = 32;

/** Elements nested deeper than this are flattened to their text. */
export const MAX_ELEMENT_DEPTH = 64;

/** Cuts `value` to at most `maxBytes` UTF-8 bytes without splitting a character. */
export function truncateUtf8(value: string, maxBytes: number): { value: string; truncated: boolean } {
  if (value.length * 3 <= maxBytes) return { value, truncated: false };
  const { read } = new TextEncoder().encodeInto(value, new Uint8Array(maxBytes));
  return read >= value.length ? { value, truncated: false } : { value: value.slice(0, read), truncated: true };
}
