// Bundles the extension (Node, CommonJS, `vscode` external) and the webview scripts (browser, IIFE).
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
//
// The extension is split so activation loads only what it needs: dist/extension.js, plus chunks loaded on
// first use — dist/undici.js (HTTP), dist/schemas.js (zod and the payload schemas), dist/markup.js (markdown-it,
// parse5 and the sanitiser), dist/sandbox.js (the embedded emulator) and dist/forge.js (node-forge, PKCS#12 only).
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const webviewEntries = (existsSync('src/webview') ? readdirSync('src/webview', { withFileTypes: true }) : [])
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
  .map((entry) => `src/webview/${entry.name}`);

/** zod's classic API pulls in every locale (~260 KB minified); only the English messages are used. */
const englishZodLocalesOnly = {
  name: 'english-zod-locales-only',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('/zod/') ? { path: args.path, namespace: 'zod-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: process.cwd(),
    }));
  },
};

/** Each loader's require (a module path, from the file that requires it) and the sibling chunk it loads instead. */
const CHUNKS = [
  {
    require: './undiciLean',
    from: 'src/platform/http/loadUndici.ts',
    entry: 'src/platform/http/undiciLean.ts',
    chunk: 'undici.js',
  },
  {
    require: './payloadSchemas',
    from: 'src/platform/loadPayloadSchemas.ts',
    entry: 'src/platform/payloadSchemas.ts',
    chunk: 'schemas.js',
  },
  {
    require: './markupSanitizer',
    from: 'src/platform/content/loadMarkupSanitizer.ts',
    entry: 'src/platform/content/markupSanitizer.ts',
    chunk: 'markup.js',
  },
  {
    require: '../../sandbox',
    from: 'src/vscode/sandbox/sandboxManager.ts',
    entry: 'src/sandbox/index.ts',
    chunk: 'sandbox.js',
  },
];

/** Modules the bundles load lazily from a sibling chunk instead of bundling them. */
const lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    build.onResolve({ filter: /^node-forge$/ }, () => ({ path: './forge.js', external: true }));
    for (const { require, from, chunk } of CHUNKS) {
      const filter = new RegExp(`^${require.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
      build.onResolve({ filter }, (args) =>
        args.importer.endsWith(from) ? { path: `./${chunk}`, external: true } : undefined,
      );
    }
  },
};

/** Libraries that must reach activation only through their chunk: a static import of one fails the build. */
const LAZY_LIBRARIES = /node_modules\/(zod|undici|markdown-it|parse5|unified|rehype-sanitize)\//;
/**
 * One character beyond ASCII anywhere (esbuild escapes strings but cannot escape a regular expression's letters)
 * makes Node read the whole bundle as a two-byte string, slower to decode and compile at every activation.
 */
function checkAsciiOnly(file) {
  const bytes = readFileSync(file);
  const at = bytes.findIndex((byte) => byte > 0x7f);
  if (at >= 0)
    throw new Error(
      `${file} has a character beyond ASCII near "${bytes.subarray(Math.max(0, at - 40), at + 20).toString('utf8')}"; write it as a \\u escape in the source`,
    );
}

function checkActivationBundle(result) {
  // Development builds keep comments, which may hold any character.
  if (production) checkAsciiOnly('dist/extension.js');
  const leaked = Object.keys(result.metafile.outputs['dist/extension.js'].inputs).filter((input) =>
    LAZY_LIBRARIES.test(input),
  );
  if (leaked.length)
    throw new Error(
      `dist/extension.js bundles what should load on first use (import it through its loader):\n  ${leaked.slice(0, 10).join('\n  ')}`,
    );
}

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'info',
};
// Names are not kept (no keepNames): its __name calls made activation ~10 ms slower; errors name themselves
// (test/unit/architecture/errorNames.test.ts).
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] };

const builds = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [lazyChunks], metafile: true },
  ...CHUNKS.map(({ entry, chunk }) => ({
    ...node,
    entryPoints: [entry],
    outfile: `dist/${chunk}`,
    plugins: [englishZodLocalesOnly, lazyChunks],
  })),
  { ...node, entryPoints: ['node_modules/node-forge/lib/index.js'], outfile: 'dist/forge.js' },
  ...(webviewEntries.length
    ? [
        {
          ...common,
          entryPoints: webviewEntries,
          outdir: 'dist/webview',
          platform: 'browser',
          format: 'iife',
          target: 'es2022',
        },
      ]
    : []),
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  const [activation] = await Promise.all(builds.map((options) => esbuild.build(options)));
  checkActivationBundle(activation);
}
