// npm run bench: speed, size and scale against their floors, in one process against the sandbox on loopback.
// Prints a table and writes bench/results/latest.json. Not part of npm test.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { createMaskinportenGrant, importPrivateJwk, MaskinportenTokenProvider, TokenCache } from '../src/platform/auth';
import { renderContent } from '../src/platform/content';
import { DialogportenClient } from '../src/platform/dialogporten';
import { resolveEnvironment } from '../src/platform/environments';
import { HttpClient } from '../src/platform/http';
import { personUrn } from '../src/platform/identifiers';
import { SandboxPersonTokenProvider } from '../src/platform/sandboxClient/sandboxPersonTokenProvider';
import { startSandbox } from '../src/sandbox';
import { maskinportenStats } from '../src/sandbox/maskinporten/stats';
import { presentDialog } from '../src/vscode/inbox/dialogPresentation';
import { benchBulkArchive, benchExport } from './bulkAndExport';
import { legacyHtmlOfSize, markdownOfSize } from './content';
import { bareServer, emptyBundleRequireMs, markdownItRender, throughput, unifiedRender } from './floors';
import { benchAllParties } from './manyParties';
import { median, ratioFigure, round, timeAgainstFloor, timeAndCpuMedian, timeMedian, type Figure } from './measure';
import { benchPartyLevel } from './partyLevel';
import { loadShippedRenderContent } from './shippedRenderer';

const root = join(__dirname, '..');
const SCALE_DIALOGS = Number(process.env.BENCH_DIALOGS ?? 100_000);
const figures: Figure[] = [];
const log = (text: string): void => {
  process.stderr.write(`[bench] ${text}\n`);
};

async function main(): Promise<void> {
  log(`sandbox with ${SCALE_DIALOGS} dialogs in the default person's party`);
  const generationStarted = performance.now();
  const sandbox = await startSandbox({ dialogs: SCALE_DIALOGS });
  log(`sandbox ready in ${(performance.now() - generationStarted).toFixed(0)} ms`);
  const environment = resolveEnvironment('sandbox', sandbox.urls);
  const http = new HttpClient({ retry: { maxRetries: 0 } });
  const person = sandbox.context.world.defaultPerson;
  const party = personUrn(person.nationalIdentityNumber);
  const tokens = new SandboxPersonTokenProvider({
    http,
    baseUrl: sandbox.urls.baseUrl,
    nationalIdentityNumber: person.nationalIdentityNumber,
    scopes: sandbox.defaultClient.scopes,
  });
  const token = await tokens.getToken();
  const client = new DialogportenClient({
    baseUrl: environment.dialogportenBase,
    http,
    getToken: (options) => tokens.getToken(options),
  });
  const floorAgent = new Agent({ keepAliveTimeout: 10_000 });
  const floorGet = async (url: string): Promise<unknown> => {
    const response = await request(url, {
      dispatcher: floorAgent,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    return JSON.parse(await response.body.text());
  };
  const pageUrl = (limit: number, continuationToken?: string): string =>
    `${environment.dialogportenBase}/api/v1/enduser/dialogs?party=${encodeURIComponent(party)}&limit=${limit}${continuationToken ? `&continuationToken=${encodeURIComponent(continuationToken)}` : ''}`;

  // First page: party expanded to tree items (cached token, HTTP, zod, mapping) vs a bare GET + JSON.parse.
  for (const limit of [100, 1000]) {
    const { ours, floor } = await timeAgainstFloor(
      async () => (await client.searchDialogs({ party: [party], limit })).items.map((item) => presentDialog(item)),
      () => floorGet(pageUrl(limit)),
      // A 100-dialog page takes a few milliseconds, so scheduler noise on a loaded machine needs many samples.
      { repeat: limit === 100 ? 200 : 40 },
    );
    figures.push(ratioFigure(`first page, ${limit} dialogs`, ours, floor, 1.25));
    const page = await client.searchDialogs({ party: [party], limit });
    const fetching = await timeMedian(() => client.searchDialogs({ party: [party], limit }), { repeat: 20 });
    const presenting = await timeMedian(() => page.items.map((item) => presentDialog(item)), { repeat: 20 });
    log(
      `first page of ${limit}: ours ${round(ours)} ms (request, JSON and validation ${round(fetching)} ms, tree items ${round(presenting)} ms), floor ${round(floor)} ms`,
    );
  }

  // Scale: page through every dialog of one party, ours vs the floor loop; heap held by 10,000 loaded dialogs.
  const oursAll = async (): Promise<number> => {
    let count = 0;
    for await (const page of client.searchDialogPages({ party: [party], limit: 1000 }))
      count += page.items.map((item) => presentDialog(item)).length;
    return count;
  };
  const floorAll = async (): Promise<number> => {
    let count = 0;
    let continuation: string | undefined;
    for (;;) {
      const page = (await floorGet(pageUrl(1000, continuation))) as {
        items: unknown[];
        continuationToken?: string;
        hasNextPage: boolean;
      };
      count += page.items.length;
      if (!page.hasNextPage || !page.continuationToken) return count;
      continuation = page.continuationToken;
    }
  };
  const counted = await oursAll();
  if (counted < SCALE_DIALOGS || counted !== (await floorAll()))
    throw new Error(`paged ${counted} dialogs, expected at least ${SCALE_DIALOGS} and the same as the floor loop`);
  const scale = await timeAgainstFloor(oursAll, floorAll, { repeat: 3, warmup: 0 });
  figures.push(ratioFigure(`page through ${counted.toLocaleString('en')} dialogs`, scale.ours, scale.floor, 1.25));

  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const held: { item: unknown; presentation: unknown }[] = [];
  for await (const page of client.searchDialogPages({ party: [party], limit: 1000 }, { maxPages: 10 })) {
    for (const item of page.items) held.push({ item, presentation: presentDialog(item) });
  }
  gc?.();
  const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  figures.push({
    name: `heap holding ${held.length.toLocaleString('en')} loaded dialogs`,
    value: round(heapGrowthMb, 1),
    unit: 'MB',
    target: '≤ 60 MB',
    pass: heapGrowthMb <= 60,
    note: gc ? undefined : 'run with --expose-gc for a clean figure',
  });
  held.length = 0;

  // Issue 17: CSV export of every dialog of the party, then bulk archive of 1,000 (it changes them, so it goes last).
  const bulkBench = { client, party, token, dialogportenBase: environment.dialogportenBase, floorAll };
  await benchExport(figures, bulkBench);
  await benchBulkArchive(figures, bulkBench);

  // Tokens: the cache makes one Maskinporten request for 1,000 calls, and one for 100 concurrent first calls.
  const key = importPrivateJwk(sandbox.defaultClient.privateJwk);
  const systemUser = sandbox.context.world.systemUsers.find((u) => u.delegatedResources.length > 0)!;
  const newProvider = (): MaskinportenTokenProvider =>
    new MaskinportenTokenProvider({
      http,
      environment,
      clientId: sandbox.defaultClient.clientId,
      key,
      scopes: sandbox.defaultClient.scopes,
      cache: new TokenCache(),
      systemUser: { organisationNumber: systemUser.organisationNumber, externalRef: systemUser.externalRef },
    });
  const stats = maskinportenStats(sandbox.context);
  const sequential = newProvider();
  const systemUserClient = new DialogportenClient({
    baseUrl: environment.dialogportenBase,
    http,
    getToken: (options) => sequential.getToken(options),
  });
  let before = stats.tokenRequests;
  for (let i = 0; i < 1000; i++)
    await systemUserClient.searchDialogs({
      party: [`urn:altinn:organization:identifier-no:${systemUser.organisationNumber}`],
      limit: 1,
    });
  const sequentialRequests = stats.tokenRequests - before;
  figures.push({
    name: '1,000 API calls, Maskinporten requests',
    value: sequentialRequests,
    unit: 'requests',
    target: '= 1',
    pass: sequentialRequests === 1,
  });
  const concurrent = newProvider();
  before = stats.tokenRequests;
  await Promise.all(Array.from({ length: 100 }, () => concurrent.getToken()));
  const concurrentRequests = stats.tokenRequests - before;
  figures.push({
    name: '100 concurrent first calls, Maskinporten requests',
    value: concurrentRequests,
    unit: 'requests',
    target: '= 1',
    pass: concurrentRequests === 1,
  });
  const signing = await timeMedian(
    () =>
      createMaskinportenGrant({
        clientId: sandbox.defaultClient.clientId,
        audience: environment.maskinporten.audience,
        scopes: ['digdir:dialogporten'],
        key,
      }),
    { repeat: 200, warmup: 20 },
  );
  figures.push({
    name: 'sign one Maskinporten grant',
    value: round(signing, 3),
    unit: 'ms',
    target: '≤ 5 ms',
    pass: signing <= 5,
  });

  // Rendering: the API's 100 KB maximum as markdown and as legacy HTML, to sanitised HTML, by the renderer as shipped.
  const shippedRenderContent = loadShippedRenderContent();
  const markdownIt = markdownItRender();
  const unifiedPipeline = await unifiedRender();
  for (const [name, value, mediaType] of [
    ['100 KB markdown', markdownOfSize(100 * 1024), 'text/markdown'],
    ['100 KB legacy HTML', legacyHtmlOfSize(100 * 1024), 'text/html'],
  ] as const) {
    // Rendering allocates a lot; without this, collecting the paging figures' garbage (hundreds of MB) lands on its clock.
    gc?.();
    const coldStarted = performance.now();
    const rendered = shippedRenderContent(value, mediaType);
    const cold = performance.now() - coldStarted;
    if (rendered.html !== renderContent(value, mediaType).html)
      throw new Error(`the bundled renderer and the source disagree on ${name}`);
    // markdown-it and parse5 are large: V8 needs several calls before the hot paths are optimised. Not interleaved
    // with the source build: alternating two copies of the same libraries made each about a quarter slower.
    const { wall: time, cpu } = await timeAndCpuMedian(() => shippedRenderContent(value, mediaType), {
      repeat: 25,
      warmup: 10,
    });
    const fromSource = await timeMedian(() => renderContent(value, mediaType), { repeat: 25, warmup: 10 });
    const note = [
      `bundled as shipped; process CPU ${round(cpu, 1)} ms (garbage-collector threads included); first, cold call ${round(cold, 0)} ms; from source through tsx ${round(fromSource, 1)} ms`,
      ...rendered.warnings,
    ].join('; ');
    if (mediaType !== 'text/markdown') {
      figures.push({
        name: `render ${name}`,
        value: round(time, 1),
        unit: 'ms',
        target: '≤ 30 ms',
        pass: time <= 30,
        note,
      });
      continue;
    }
    // The 30 ms target restated as a ratio to markdown-it's own render() of the same text, timed the same way.
    gc?.();
    const { wall: floor } = await timeAndCpuMedian(() => markdownIt(value), { repeat: 25, warmup: 10 });
    gc?.();
    const { wall: pipeline } = await timeAndCpuMedian(() => unifiedPipeline(value), { repeat: 5, warmup: 2 });
    figures.push({
      ...ratioFigure(`render ${name} vs markdown-it render()`, time, floor, 2.5),
      note: `${note}; unified + remark-gfm + rehype-sanitize (the Altinn inbox's pipeline) ${round(pipeline, 1)} ms, ours ${round(time / pipeline, 3)}× of it`,
    });
  }

  // Sandbox throughput: dialog search pages of 100, 8 concurrent clients for 3 s, against a bare node:http server
  // answering the same bytes (the 200 req/s target restated as a ratio).
  const sample = await request(pageUrl(100), {
    dispatcher: floorAgent,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  const bare = await bareServer(await sample.body.text(), String(sample.headers['content-type']));
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const rps = await throughput(pageUrl(100), headers);
  const bareRps = await throughput(bare.url, headers);
  await bare.close();
  figures.push({
    name: 'sandbox dialog search (100/page), 8 clients, vs bare node:http',
    value: round(rps, 0),
    unit: 'req/s',
    floor: round(bareRps, 0),
    ratio: round(rps / bareRps, 3),
    target: '≥ 0.5 × bare',
    pass: rps / bareRps >= 0.5,
  });

  await floorAgent.close();
  await http.close();
  await sandbox.close();

  await benchAllParties(figures, log);
  // Issue 17: the Inbox's party level with 5,000 parties (its own sandbox with an agent system user).
  await benchPartyLevel(figures, log);

  // Activation and size: the production bundle, loaded in a fresh process with no network.
  execFileSync(process.execPath, [join(root, 'scripts', 'package-vsix.mjs')], { cwd: root, stdio: 'ignore' });
  const activations = Array.from(
    { length: 15 },
    () =>
      JSON.parse(execFileSync(process.execPath, [join(__dirname, 'activationProbe.cjs')], { encoding: 'utf8' })) as {
        totalMs: number;
        connections: number;
      },
  );
  const activation = median(activations.map((a) => a.totalMs));
  const connections = Math.max(...activations.map((a) => a.connections));
  const emptyRequire = emptyBundleRequireMs();
  figures.push({
    name: 'load dist/extension.js + activate()',
    value: round(activation, 1),
    unit: 'ms',
    floor: round(emptyRequire, 3),
    ratio: round(activation / emptyRequire, 1),
    target: '≤ 30 ms',
    pass: activation <= 30,
    note: 'floor: require() of an empty bundle in a fresh process, timed the same way',
  });
  figures.push({
    name: 'network connections during activation',
    value: connections,
    unit: 'connections',
    target: '= 0',
    pass: connections === 0,
  });
  const bundleKb = statSync(join(root, 'dist', 'extension.js')).size / 1024;
  const chunks = readdirSync(join(root, 'dist')).filter((name) => name.endsWith('.js') && name !== 'extension.js');
  const chunkSizes = chunks
    .map((name) => `${name} ${round(statSync(join(root, 'dist', name)).size / 1024, 0)} KB`)
    .join(', ');
  figures.push({
    name: 'bundle dist/extension.js',
    value: round(bundleKb, 0),
    unit: 'KB',
    target: '≤ 800 KB',
    pass: bundleKb <= 800,
    note: `loaded at activation; chunks loaded on first use: ${chunkSizes}`,
  });
  const vsixKb = statSync(join(root, 'build', 'altinn-inbox-inspector.vsix')).size / 1024;
  figures.push({ name: 'VSIX', value: round(vsixKb, 0), unit: 'KB', target: '≤ 1024 KB', pass: vsixKb <= 1024 });
}

function printTable(): void {
  const rows = figures.map((f) => [
    f.pass ? 'pass' : 'MISS',
    f.name,
    `${f.value} ${f.unit}`,
    f.floor === undefined ? '' : `${f.floor} ${f.unit}`,
    f.ratio === undefined ? '' : `${f.ratio}×`,
    f.target,
  ]);
  const header = ['', 'figure', 'ours', 'floor', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
  for (const f of figures.filter((f) => f.note)) console.log(`note (${f.name}): ${f.note}`);
}

main().then(
  () => {
    printTable();
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(
      join(__dirname, 'results', 'latest.json'),
      `${JSON.stringify({ date: new Date().toISOString(), node: process.version, figures }, null, 2)}\n`,
    );
    log(
      `wrote bench/results/latest.json; ${figures.filter((f) => !f.pass).length} of ${figures.length} figures miss their target`,
    );
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
