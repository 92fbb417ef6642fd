import assert from 'node:assert/strict';
import { AllPartiesSearch, type AllPartiesDialog } from '../../../src/platform/dialogporten';
import { useSandbox } from '../helpers/sandbox';
import { newHttp, sandboxClient } from './clientSetup';

describe('All-parties search: batches of parties merged into one list', function () {
  this.timeout(60_000);
  const sandbox = useSandbox({ dialogs: 120 });
  const http = newHttp();
  after(() => http.close());

  async function everyParty(): Promise<string[]> {
    const { client } = sandboxClient(sandbox(), http);
    const parties = await client.getParties();
    const flat = (parties.authorizedParties ?? []).flatMap((p) => [p, ...(p.subParties ?? [])]);
    return [...new Set(flat.map((p) => p.party))];
  }

  /** The same search in one request per page with every party at once: Dialogporten's own order. */
  async function referenceOrder(parties: string[], orderBy?: string): Promise<string[]> {
    const { client } = sandboxClient(sandbox(), http);
    const ids: string[] = [];
    for await (const item of client.searchAllDialogs({ party: parties, orderBy, limit: 1000 })) ids.push(item.id);
    return ids;
  }

  async function mergedIds(search: AllPartiesSearch): Promise<AllPartiesDialog[]> {
    const all: AllPartiesDialog[] = [];
    for await (const page of search.pages()) all.push(...page.items);
    return all;
  }

  it('lists every dialog of every party once, in the order one big search would give, across page sizes', async () => {
    const parties = await everyParty();
    assert.ok(parties.length >= 6, `the default person should act for several parties, got ${parties.length}`);
    const expected = await referenceOrder(parties);
    assert.ok(expected.length > 150);
    for (const [batch, pageSize] of [
      [1, 7],
      [2, 50],
      [3, 100],
    ]) {
      const { client } = sandboxClient(sandbox(), http);
      const search = new AllPartiesSearch(client, { parties, maxPartiesPerSearch: batch, pageSize });
      const merged = await mergedIds(search);
      const ids = merged.map((d) => d.dialog.id);
      assert.equal(new Set(ids).size, ids.length, `duplicates with ${batch} parties per batch`);
      assert.deepEqual(ids, expected, `order with ${batch} parties per batch, pages of ${pageSize}`);
      assert.equal(search.batchCount, Math.ceil(parties.length / batch));
    }
  });

  it('keeps a stable order for other sort orders and filters', async () => {
    const parties = await everyParty();
    const expected = await referenceOrder(parties, 'createdAt_asc');
    const { client } = sandboxClient(sandbox(), http);
    const search = new AllPartiesSearch(client, {
      parties,
      maxPartiesPerSearch: 2,
      pageSize: 13,
      filters: { orderBy: 'createdAt_asc' },
    });
    assert.deepEqual(
      (await mergedIds(search)).map((d) => d.dialog.id),
      expected,
    );
    const { client: filtered } = sandboxClient(sandbox(), http);
    const completed = new AllPartiesSearch(filtered, {
      parties,
      maxPartiesPerSearch: 2,
      filters: { status: ['Completed'] },
    });
    const items = await mergedIds(completed);
    assert.ok(items.length > 0);
    assert.ok(items.every((d) => d.dialog.status === 'Completed'));
  });

  it('names the party of each dialog as the caller wrote it, and reads the batch size from metadata/limits', async () => {
    const parties = await everyParty();
    // Bare organisation numbers for the organisations: the merged list names them the same way.
    const written = parties.map((p) => p.replace(/^urn:altinn:organization:identifier-no:/, ''));
    const { client, searches } = sandboxClient(sandbox(), http);
    const search = new AllPartiesSearch(client, { parties: [...written, ...written], pageSize: 40 });
    const page = await search.nextPage();
    assert.equal(search.batchCount, 1, 'the sandbox publishes 100 parties per search, so one batch');
    assert.equal(searches(), 1);
    for (const { dialog, party } of page.items) {
      assert.ok(written.includes(party), `${party} is one of the parties asked for`);
      assert.ok(dialog.party === party || dialog.party.endsWith(`:${party}`), `${party} is the dialog's own party`);
    }
  });

  it('fetches a batch again only when the merge has used up what it had', async () => {
    const parties = await everyParty();
    const { client, searches } = sandboxClient(sandbox(), http);
    const search = new AllPartiesSearch(client, { parties, maxPartiesPerSearch: 1, pageSize: 5 });
    const first = await search.nextPage();
    assert.equal(first.items.length, 5);
    assert.ok(first.requests >= parties.length, 'the first page asks every batch once');
    const afterFirst = searches();
    const second = await search.nextPage();
    assert.equal(second.items.length, 5);
    assert.ok(
      searches() - afterFirst < parties.length,
      `the second page refetched only the batches it used up (${searches() - afterFirst} of ${parties.length})`,
    );
    assert.equal(second.requests, searches() - afterFirst);
  });

  it('refuses an empty party list or a bad party before sending anything', async () => {
    const { client, searches } = sandboxClient(sandbox(), http);
    await assert.rejects(
      new AllPartiesSearch(client, { parties: [], maxPartiesPerSearch: 5 }).nextPage(),
      /at least one party/,
    );
    await assert.rejects(
      new AllPartiesSearch(client, { parties: ['acme'], maxPartiesPerSearch: 5 }).nextPage(),
      /"acme" is not a party/,
    );
    assert.equal(searches(), 0);
  });
});
