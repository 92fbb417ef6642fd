import type * as UndiciLean from './undiciLean';

/**
 * undici (~300 KB with its WASM HTTP parser) is a chunk of its own, dist/undici.js (esbuild.mjs maps this require),
 * so activation neither parses nor runs it: the first request loads it.
 */
export function loadUndici(): typeof UndiciLean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./undiciLean') as typeof UndiciLean;
}
