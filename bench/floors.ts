// Floors for the figures that were absolute times: markdown-it's own render(), a bare node:http server answering the
// same bytes as the sandbox, and a bare require of an empty bundle.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { median } from './measure';

/** markdown-it as it comes, no plugins and no sanitising: `render(text)`. */
export function markdownItRender(): (text: string) => string {
  const MarkdownIt = createRequire(__filename)('markdown-it') as new () => { render(text: string): string };
  const md = new MarkdownIt();
  return (text) => md.render(text);
}

/**
 * The unified pipeline of the Altinn inbox's markdown: remark-parse + remark-gfm → remark-rehype → rehype-sanitize →
 * rehype-stringify (devDependencies for this figure only; the extension renders with markdown-it).
 */
export async function unifiedRender(): Promise<(text: string) => string> {
  const [{ unified }, remarkParse, remarkGfm, remarkRehype, rehypeSanitize, rehypeStringify] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-gfm'),
    import('remark-rehype'),
    import('rehype-sanitize'),
    import('rehype-stringify'),
  ]);
  const processor = unified()
    .use(remarkParse.default)
    .use(remarkGfm.default)
    .use(remarkRehype.default)
    .use(rehypeSanitize.default)
    .use(rehypeStringify.default);
  return (text) => String(processor.processSync(text));
}

/** Requests per second of 8 clients for `seconds` against `url`. */
export async function throughput(url: string, headers: Record<string, string>, seconds = 3): Promise<number> {
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const deadline = performance.now() + seconds * 1000;
  let served = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (performance.now() < deadline) {
        const response = await request(url, { dispatcher: agent, headers });
        JSON.parse(await response.body.text());
        served++;
      }
    }),
  );
  await agent.close();
  return served / seconds;
}

/** A bare node:http server on loopback answering every request with `body`. */
export async function bareServer(body: string, contentType: string): Promise<{ url: string; close(): Promise<void> }> {
  const bytes = Buffer.from(body);
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': bytes.length });
    res.end(bytes);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Median ms of `require()` of an empty CommonJS bundle in a fresh Node process, timed as the activation probe times its load. */
export function emptyBundleRequireMs(runs = 15): number {
  const dir = mkdtempSync(join(tmpdir(), 'altinn-inbox-empty-'));
  const bundle = join(dir, 'empty.js');
  writeFileSync(bundle, '"use strict";\nmodule.exports = {};\n');
  const probe = join(dir, 'probe.cjs');
  writeFileSync(
    probe,
    `const { performance } = require('node:perf_hooks');\nconst t = performance.now();\nrequire(${JSON.stringify(bundle)});\nprocess.stdout.write(String(performance.now() - t));\n`,
  );
  return median(
    Array.from({ length: runs }, () => Number(execFileSync(process.execPath, [probe], { encoding: 'utf8' }))),
  );
}
