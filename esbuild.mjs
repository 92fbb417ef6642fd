// Bundles the extension (Node, CommonJS, `vscode` external) and the webview scripts (browser, IIFE).
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
//
// The extension is split so activation loads only what it needs: dist/extension.js, plus chunks loaded on
// first use — dist/sandbox.js (the embedded emulator) and dist/forge.js (node-forge, only for PKCS#12 files).
import * as esbuild from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const webviewEntries = (existsSync('src/webview') ? readdirSync('src/webview', { withFileTypes: true }) : [])
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
  .map((entry) => `src/webview/${entry.name}`);

/** zod's classic API pulls in every locale (~260 KB minified); only the English messages are used. */
const englishZodLocalesOnly = {
  name: 'english-zod-locales-only',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => (args.importer.includes('/zod/') ? { path: args.path, namespace: 'zod-locales' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({ contents: "export { default as en } from 'zod/v4/locales/en.js';", resolveDir: process.cwd() }));
  },
};

/** undici's full index is three times what the clients use; see src/platform/http/undiciLean.ts. */
const leanUndici = {
  name: 'lean-undici',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, (args) => (args.importer.includes('/src/') && !args.importer.endsWith('undiciLean.ts') ? { path: `${process.cwd()}/src/platform/http/undiciLean.ts` } : undefined));
  },
};

/** Modules the main bundle loads lazily from a sibling chunk instead of bundling them. */
const lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    build.onResolve({ filter: /^node-forge$/ }, () => ({ path: './forge.js', external: true }));
    build.onResolve({ filter: /^\.\.\/\.\.\/sandbox$/ }, (args) => (args.importer.includes('src/vscode/sandbox/') ? { path: './sandbox.js', external: true } : undefined));
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'info',
};
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], keepNames: true };

const builds = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [englishZodLocalesOnly, leanUndici, lazyChunks] },
  { ...node, entryPoints: ['src/sandbox/index.ts'], outfile: 'dist/sandbox.js', plugins: [englishZodLocalesOnly, leanUndici, lazyChunks] },
  { ...node, entryPoints: ['node_modules/node-forge/lib/index.js'], outfile: 'dist/forge.js' },
  ...(webviewEntries.length ? [{ ...common, entryPoints: webviewEntries, outdir: 'dist/webview', platform: 'browser', format: 'iife', target: 'es2022' }] : []),
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
