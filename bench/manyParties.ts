// Figures of issue 17 against a sandbox with an accounting firm's agent system user and 5,000 client organisations:
// the All parties list (first page against the same requests made bare, and the cost per page at 5,000 vs 50 parties).
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { AllPartiesSearch, toSearchParams, type DialogSearchFilters } from '../src/platform/dialogporten';
import { organizationUrn } from '../src/platform/identifiers';
import { startAccountantSandbox } from './accountantSandbox';
import { ratioFigure, round, timeAgainstFloor, type Figure } from './measure';

const CLIENTS = 5_000;
const CONCURRENCY = 6;

export async function benchAllParties(figures: Figure[], log: (text: string) => void): Promise<void> {
  const started = performance.now();
  const { firm, environment, client, ...setUp } = await startAccountantSandbox({ clients: CLIENTS });
  log(`sandbox with ${CLIENTS} clients ready in ${(performance.now() - started).toFixed(0)} ms`);
  const token = await setUp.token();
  // Every search the All parties list sends, to replay them bare.
  const sent: DialogSearchFilters[] = [];
  const search = client.searchDialogs.bind(client);
  client.searchDialogs = (filters, options) => {
    sent.push(filters);
    return search(filters, options);
  };
  const parties = firm.clientOrganisations.map(organizationUrn);
  const base = `${environment.dialogportenBase}/api/v1`;
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: 32 });
  const bareGet = async (url: string): Promise<unknown> => {
    const response = await request(url, {
      dispatcher: agent,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    return JSON.parse(await response.body.text());
  };
  const bareReplay = async (searches: readonly DialogSearchFilters[]): Promise<void> => {
    await bareGet(`${base}/metadata/limits`);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < searches.length)
        await bareGet(`${base}/enduser/dialogs?${toSearchParams(searches[next++]).toString()}`);
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  };

  // First page across 5,000 parties: limits, then one search per batch of 100 parties (6 at a time), merged.
  sent.length = 0;
  const probe = new AllPartiesSearch(client, { parties, concurrency: CONCURRENCY });
  const firstPage = await probe.nextPage();
  const firstRequests = [...sent];
  log(
    `first page: ${firstPage.items.length} dialogs from ${probe.batchCount} batches, ${firstRequests.length} searches`,
  );
  const first = await timeAgainstFloor(
    () => new AllPartiesSearch(client, { parties, concurrency: CONCURRENCY }).nextPage(),
    () => bareReplay(firstRequests),
    { repeat: 15 },
  );
  figures.push({
    ...ratioFigure(`All parties first page, ${CLIENTS.toLocaleString('en')} parties`, first.ours, first.floor, 1.5),
    note: `limits + ${firstRequests.length} searches (one per batch of ≤ 100 parties), ${CONCURRENCY} in flight; floor replays the same requests bare with undici + JSON.parse`,
  });

  await agent.close();
  await setUp.close();

  // Per page while paging on, from page 2 to the end, across 5,000 parties against 50 parties holding about as many
  // dialogs. The whole list, not a window of pages: each batch's refill serves the pages after it, so a window would
  // charge its pages for dialogs later pages show.
  const many = await walkPerPage({ clients: CLIENTS, dialogsPerClient: 4 });
  const few = await walkPerPage({ clients: 50, dialogsPerClient: 400 });
  figures.push({
    name: `All parties per page (pages 2 to the end), ${CLIENTS.toLocaleString('en')} vs 50 parties`,
    value: round(many.ms),
    unit: 'ms',
    floor: round(few.ms),
    ratio: round(many.ms / few.ms, 3),
    target: '≤ 1 × (50 parties)',
    pass: many.ms <= few.ms,
    note: `${many.dialogs.toLocaleString('en')} vs ${few.dialogs.toLocaleString('en')} dialogs; searches per page ${round(many.searches, 2)} vs ${round(few.searches, 2)}, slowest page ${round(many.slowest)} vs ${round(few.slowest)} ms; median of 5 walks`,
  });
}

/** Median per-page time of pages 2 to the end of an All parties list over every client of a fresh sandbox. */
async function walkPerPage(options: {
  clients: number;
  dialogsPerClient: number;
}): Promise<{ ms: number; searches: number; slowest: number; dialogs: number }> {
  const { firm, client, ...setUp } = await startAccountantSandbox(options);
  let searches = 0;
  const search = client.searchDialogs.bind(client);
  client.searchDialogs = (filters, o) => {
    searches++;
    return search(filters, o);
  };
  const parties = firm.clientOrganisations.map(organizationUrn);
  const walks: { ms: number; searches: number; slowest: number }[] = [];
  let dialogs = 0;
  for (let i = 0; i < 6; i++) {
    const list = new AllPartiesSearch(client, { parties, concurrency: CONCURRENCY });
    await list.nextPage();
    const before = searches;
    let slowest = 0;
    const t = performance.now();
    let pages = 0;
    const ids = new Set<string>();
    while (list.hasNextPage) {
      const p = performance.now();
      const { items } = await list.nextPage();
      slowest = Math.max(slowest, performance.now() - p);
      pages++;
      for (const { dialog } of items) ids.add(dialog.id);
      if (ids.size !== (pages - 1) * 100 + items.length) throw new Error(`page ${pages + 1} repeats a dialog`);
    }
    dialogs = ids.size + 100;
    walks.push({ ms: (performance.now() - t) / pages, searches: (searches - before) / pages, slowest });
  }
  await setUp.close();
  const kept = walks.slice(1).sort((a, b) => a.ms - b.ms);
  return { ...kept[Math.floor(kept.length / 2)], dialogs };
}
