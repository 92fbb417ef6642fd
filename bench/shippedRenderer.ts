import { buildSync } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { renderContent } from '../src/platform/content';

/**
 * The content renderer as the extension ships it: bundled and minified by esbuild with the options of
 * dist/extension.js. Run from source through tsx, ESM-only dependencies (parse5, the hast utilities) are turned into
 * CommonJS with a getter behind every imported binding, and parse5's tokenizer reads such bindings for every
 * character: in a CPU profile those getters are a fifth of the HTML parse, which makes it about 2.5× slower than
 * in the extension. The rendering figures time this bundle; the source timing is printed beside them.
 */
export function loadShippedRenderContent(): typeof renderContent {
  const outfile = join(mkdtempSync(join(tmpdir(), 'altinn-inbox-bench-')), 'content.js');
  buildSync({
    entryPoints: [join(__dirname, '..', 'src', 'platform', 'content', 'index.ts')],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });
  return (createRequire(__filename)(outfile) as typeof import('../src/platform/content')).renderContent;
}
