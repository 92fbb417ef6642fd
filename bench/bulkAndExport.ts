// Figures of issue 17 on the main bench sandbox (one party with 100,000 dialogs): bulk archive and CSV export.
import { Writable } from 'node:stream';
import { Agent, request } from 'undici';
import {
  bulkSetSystemLabels,
  dialogsToCsv,
  MAX_BULK_DIALOGS,
  searchExportPages,
  writeExport,
  type DialogportenClient,
} from '../src/platform/dialogporten';
import { ratioFigure, round, timeAgainstFloor, type Figure } from './measure';

export interface BenchContext {
  readonly client: DialogportenClient;
  readonly party: string;
  readonly token: string;
  readonly dialogportenBase: string;
  /** Pages through every dialog of the party bare (undici + JSON.parse), 1,000 a page; returns the count. */
  readonly floorAll: () => Promise<number>;
}

export async function benchBulkArchive(figures: Figure[], bench: BenchContext): Promise<void> {
  const ids: string[] = [];
  for await (const page of bench.client.searchDialogPages({ party: [bench.party], limit: 1000 }, { maxPages: 1 }))
    ids.push(...page.items.map((item) => item.id));
  const targets = ids.slice(0, 1000);
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const url = `${bench.dialogportenBase}/api/v1/enduser/dialogs/context/systemlabels/actions/bulkset`;
  const bare = async (): Promise<void> => {
    for (let i = 0; i < targets.length; i += MAX_BULK_DIALOGS) {
      const body = JSON.stringify({
        dialogs: targets.slice(i, i + MAX_BULK_DIALOGS).map((dialogId) => ({ dialogId })),
        addLabels: ['Archive'],
        removeLabels: [],
      });
      const response = await request(url, {
        method: 'POST',
        dispatcher: agent,
        body,
        headers: { authorization: `Bearer ${bench.token}`, 'content-type': 'application/json' },
      });
      await response.body.text();
      if (response.statusCode !== 204) throw new Error(`bare bulkset answered ${response.statusCode}`);
    }
  };
  let requests = 0;
  const ours = async (): Promise<void> => {
    const result = await bulkSetSystemLabels(bench.client, targets, { addLabels: ['Archive'] });
    if (result.succeeded !== targets.length) throw new Error(`bulk archive changed ${result.succeeded} dialogs`);
    requests = result.requests;
  };
  const timed = await timeAgainstFloor(ours, bare, { repeat: 9 });
  const expected = Math.ceil(targets.length / MAX_BULK_DIALOGS);
  figures.push({
    name: `bulk archive of ${targets.length.toLocaleString('en')} dialogs, requests`,
    value: requests,
    unit: 'requests',
    target: `= ⌈${targets.length}/${MAX_BULK_DIALOGS}⌉ = ${expected}`,
    pass: requests === expected,
  });
  figures.push(
    ratioFigure(`bulk archive of ${targets.length.toLocaleString('en')} dialogs`, timed.ours, timed.floor, 1.25),
  );
  await agent.close();
}

/** Export every dialog of the party to CSV (discarded after counting), against paging the same dialogs bare. */
export async function benchExport(figures: Figure[], bench: BenchContext): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  let rows = 0;
  let peakGrowth = 0;
  // The sandbox shares this heap and leaves garbage of its own (each answer's JSON), so the figure collects before
  // each sample: what the export still holds with a page in hand, not what the collector has not reached yet.
  const exportCsv = async (measureHeap = false): Promise<void> => {
    gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    });
    await writeExport(
      dialogsToCsv(searchExportPages(bench.client, { party: [bench.party], limit: 1000 }), {
        inboxUrl: 'https://af.tt02.altinn.no',
        onProgress: (written) => {
          rows = written;
          if (!measureHeap) return;
          gc?.();
          peakGrowth = Math.max(peakGrowth, process.memoryUsage().heapUsed - baseline);
        },
      }),
      sink,
    );
    if (bytes === 0) throw new Error('the export wrote nothing');
  };
  await exportCsv(true);
  const exported = rows;
  const heapMb = peakGrowth / 1024 / 1024;
  figures.push({
    name: `export ${exported.toLocaleString('en')} dialogs to CSV, peak heap growth`,
    value: round(heapMb, 1),
    unit: 'MB',
    target: '< 80 MB',
    pass: heapMb < 80,
    note: gc
      ? 'live heap after a full collection at each page of 1,000, over the live heap before the export (the sandbox shares the process)'
      : 'run with --expose-gc',
  });
  const timed = await timeAgainstFloor(() => exportCsv(), bench.floorAll, { repeat: 3, warmup: 0 });
  figures.push(ratioFigure(`export ${exported.toLocaleString('en')} dialogs to CSV`, timed.ours, timed.floor, 1.5));
}
