import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { bulkSetSystemLabels, type BulkLabelProgress } from '../../../src/platform/dialogporten';
import { useSandbox } from '../helpers/sandbox';
import { defaultPersonParty } from '../sandbox-dialogporten/dialogportenHttp';
import { newHttp, sandboxClient } from './clientSetup';

describe('Bulk system labels: chunks of 100, one bad id found and reported, the rest finished', function () {
  this.timeout(60_000);
  const sandbox = useSandbox({ dialogs: 260 });
  const http = newHttp();
  after(() => http.close());

  async function listed(systemLabel?: 'Archive' | 'Bin' | 'Default'): Promise<{ id: string; revision: string }[]> {
    const { client } = sandboxClient(sandbox(), http);
    const out: { id: string; revision: string }[] = [];
    const filters = {
      party: [defaultPersonParty(sandbox())],
      limit: 1000,
      ...(systemLabel ? { systemLabel: [systemLabel] } : {}),
    };
    for await (const item of client.searchAllDialogs(filters))
      out.push({ id: item.id, revision: item.endUserContext?.revision ?? '' });
    return out;
  }

  it('archives 150 dialogs in ceil(150/100) calls and reports progress', async () => {
    const before = new Set((await listed('Archive')).map((d) => d.id));
    const targets = (await listed('Default')).slice(0, 150).map((d) => d.id);
    assert.equal(targets.length, 150);
    const { client } = sandboxClient(sandbox(), http);
    const progress: BulkLabelProgress[] = [];
    const result = await bulkSetSystemLabels(
      client,
      targets,
      { addLabels: ['Archive'] },
      { onProgress: (p) => progress.push(p) },
    );
    assert.equal(result.requests, 2);
    assert.equal(result.succeeded, 150);
    assert.equal(result.failed, 0);
    assert.deepEqual(progress.at(-1), { total: 150, done: 150, failed: 0, requests: 2 });
    assert.ok(
      progress.some((p) => p.done === 100),
      'progress after the first chunk',
    );
    const archived = new Set((await listed('Archive')).map((d) => d.id));
    for (const id of targets) assert.ok(archived.has(id), `${id} archived`);
    assert.equal(archived.size, before.size + targets.filter((id) => !before.has(id)).length);
  });

  it('finds an unknown id and a stale revision inside a chunk, reports each, and changes every other dialog', async () => {
    const candidates = (await listed('Archive')).slice(0, 120);
    const unknown = randomUUID();
    const stale = candidates[37];
    const targets = [
      ...candidates
        .slice(0, 60)
        .map((d) => (d.id === stale.id ? { dialogId: d.id, endUserContextRevision: randomUUID() } : d.id)),
      unknown,
      'not-a-guid',
      ...candidates.slice(60).map((d) => d.id),
    ];
    const { client } = sandboxClient(sandbox(), http);
    const result = await bulkSetSystemLabels(client, targets, { removeLabels: ['Archive'] });
    const byId = new Map(result.outcomes.map((o) => [o.dialogId, o]));
    assert.equal(result.outcomes.length, 122);
    assert.deepEqual(
      { status: byId.get(unknown)?.status, reason: (byId.get(unknown) as { reason?: string }).reason },
      { status: 'failed', reason: 'not-found' },
    );
    assert.equal((byId.get(stale.id) as { reason?: string }).reason, 'revision-conflict');
    assert.equal((byId.get('not-a-guid') as { reason?: string }).reason, 'invalid-id');
    assert.equal(result.succeeded, 119);
    assert.equal(result.failed, 3);
    assert.ok(result.requests > 2 && result.requests < 40, `bisection took ${result.requests} calls`);
    const stillArchived = new Set((await listed('Archive')).map((d) => d.id));
    assert.ok(stillArchived.has(stale.id), 'the dialog with the stale revision was left alone');
    for (const d of candidates) if (d.id !== stale.id) assert.ok(!stillArchived.has(d.id), `${d.id} restored`);
  });

  it('stops between calls when cancelled and marks what it did not try as skipped', async () => {
    const targets = (await listed('Default')).slice(0, 250).map((d) => d.id);
    const { client } = sandboxClient(sandbox(), http);
    const controller = new AbortController();
    const result = await bulkSetSystemLabels(
      client,
      targets,
      { addLabels: ['Bin'] },
      { signal: controller.signal, onProgress: (p) => p.done >= 100 && controller.abort() },
    );
    assert.equal(result.cancelled, true);
    assert.equal(result.succeeded, 100);
    assert.equal(result.skipped, targets.length - 100);
    const binned = new Set((await listed('Bin')).map((d) => d.id));
    assert.equal(targets.filter((id) => binned.has(id)).length, 100);
  });

  it('refuses a change without labels or with Sent before sending', async () => {
    const { client } = sandboxClient(sandbox(), http);
    await assert.rejects(bulkSetSystemLabels(client, [randomUUID()], {}), /at least one system label/);
    await assert.rejects(bulkSetSystemLabels(client, [randomUUID()], { addLabels: ['Sent'] }), /'Sent' label/);
  });
});
