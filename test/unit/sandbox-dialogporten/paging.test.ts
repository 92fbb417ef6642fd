import assert from 'node:assert/strict';
import { dialogStoreOf } from '../../../src/sandbox/dialogporten';
import { useSandbox } from '../helpers/sandbox';
import { defaultPersonParty, dpFetch, endUser, personToken, searchAll, type Json } from './dialogportenHttp';

function assertSorted(items: readonly Json[], key: (item: Json) => number, direction: 'asc' | 'desc'): void {
  for (let i = 1; i < items.length; i++) {
    const a = key(items[i - 1]);
    const b = key(items[i]);
    const inOrder =
      direction === 'desc'
        ? a > b || (a === b && items[i - 1].id > items[i].id)
        : a < b || (a === b && items[i - 1].id > items[i].id);
    assert.ok(inOrder, `items ${i - 1} and ${i} are out of order (${items[i - 1].id}, ${items[i].id})`);
  }
}

describe('sandbox Dialogporten: paging through 12,000 dialogs with continuation tokens', function () {
  this.timeout(60_000);
  const sandbox = useSandbox({ dialogs: 12_000 });

  it('returns every dialog of the party exactly once, newest content first, and the same page again for the same token', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const party = defaultPersonParty(handle);
    const expected = new Set(
      dialogStoreOf(handle.context)
        .dialogsOf(party)
        .map((d) => d.fields.id),
    );
    assert.ok(expected.size >= 12_000);
    const items = await searchAll(handle, token, `party=${encodeURIComponent(party)}&limit=1000`);
    const ids = items.map((i) => i.id);
    assert.equal(new Set(ids).size, ids.length, 'no duplicates');
    assert.deepEqual(new Set(ids), expected, 'no gaps');
    assertSorted(items, (i) => Date.parse(i.contentUpdatedAt), 'desc');
    // Asking again from the same position gives the same page.
    const query = `party=${encodeURIComponent(party)}&limit=1000`;
    const first = await dpFetch(endUser(handle, `/dialogs?${query}`), { token });
    const second = await dpFetch(
      endUser(handle, `/dialogs?${query}&continuationToken=${encodeURIComponent(first.body.continuationToken)}`),
      { token },
    );
    const repeated = await dpFetch(
      endUser(handle, `/dialogs?${query}&continuationToken=${encodeURIComponent(first.body.continuationToken)}`),
      { token },
    );
    assert.deepEqual(
      repeated.body.items.map((i: Json) => i.id),
      second.body.items.map((i: Json) => i.id),
    );
    assert.deepEqual(
      second.body.items.map((i: Json) => i.id),
      ids.slice(1000, 2000),
      'stable order',
    );
  });

  it('pages in another order and page size to the same set, and names the order and the position in readable tokens', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const store = dialogStoreOf(handle.context);
    // The biggest organisation inbox the person can open (the delegated system user's customer: 2,000 dialogs).
    const party = store
      .partyUrns()
      .filter((p) => p.includes(':organization:'))
      .sort((a, b) => store.dialogsOf(b).length - store.dialogsOf(a).length)[0];
    const first = await dpFetch(
      endUser(handle, `/dialogs?party=${encodeURIComponent(party)}&limit=3&orderBy=createdAt_asc`),
      { token },
    );
    assert.equal(first.body.orderBy, 'createdat_asc,id_desc');
    assert.match(
      first.body.continuationToken,
      /^createdat_\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z,id_[0-9a-f-]{36}$/,
    );
    const items = await searchAll(handle, token, `party=${encodeURIComponent(party)}&limit=333&orderBy=createdAt_asc`);
    assertSorted(items, (i) => Date.parse(i.createdAt), 'asc');
    const expected = new Set(store.dialogsOf(party).map((d) => d.fields.id));
    assert.ok(expected.size >= 2_000);
    assert.equal(items.length, expected.size);
    assert.deepEqual(new Set(items.map((i) => i.id)), expected);
  });

  it('refuses a continuation token that belongs to another order, and ends with hasNextPage false', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const party = encodeURIComponent(defaultPersonParty(handle));
    const page = await dpFetch(endUser(handle, `/dialogs?party=${party}&limit=5`), { token });
    assert.equal(page.body.hasNextPage, true);
    const mixed = await dpFetch(
      endUser(
        handle,
        `/dialogs?party=${party}&limit=5&orderBy=updatedAt_desc&continuationToken=${encodeURIComponent(page.body.continuationToken)}`,
      ),
      { token },
    );
    assert.equal(mixed.status, 400);
    assert.ok(mixed.body.errors.continuationToken);
    const garbage = await dpFetch(endUser(handle, `/dialogs?party=${party}&continuationToken=hello`), { token });
    assert.equal(garbage.status, 400);
    const store = dialogStoreOf(handle.context);
    const oldest = [...store.dialogsOf(defaultPersonParty(handle))].sort(
      (a, b) => a.fields.contentUpdatedAtMs - b.fields.contentUpdatedAtMs,
    )[0];
    const last = await dpFetch(
      endUser(
        handle,
        `/dialogs?party=${party}&limit=1000&contentUpdatedBefore=${encodeURIComponent(new Date(oldest.fields.contentUpdatedAtMs).toISOString())}`,
      ),
      { token },
    );
    assert.equal(last.body.hasNextPage, false);
    assert.ok(last.body.items.some((i: Json) => i.id === oldest.fields.id));
  });
});

describe('sandbox Dialogporten: 100,000 dialogs in one party', function () {
  this.timeout(60_000);
  const sandbox = useSandbox({ dialogs: 100_000 });

  it('generates them and serves the first page within 3 s, and later pages without scanning', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const party = encodeURIComponent(defaultPersonParty(handle));
    // CPU time of this process (server and client both live here), so other work on the machine does not count.
    const cpuMs = (since: NodeJS.CpuUsage): number => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000;
    };
    let started = process.cpuUsage();
    let page = await dpFetch(endUser(handle, `/dialogs?party=${party}&limit=100`), { token });
    assert.ok(
      cpuMs(started) < 3_000,
      `generating and serving the first page took ${Math.round(cpuMs(started))} ms of CPU`,
    );
    assert.ok(dialogStoreOf(handle.context).dialogsOf(defaultPersonParty(handle)).length >= 100_000);
    const timings: number[] = [];
    for (let i = 0; i < 20; i++) {
      started = process.cpuUsage();
      page = await dpFetch(
        endUser(
          handle,
          `/dialogs?party=${party}&limit=100&continuationToken=${encodeURIComponent(page.body.continuationToken)}`,
        ),
        { token },
      );
      timings.push(cpuMs(started));
      assert.equal(page.body.items.length, 100);
    }
    timings.sort((a, b) => a - b);
    assert.ok(timings[10] < 150, `a page of 100 took ${Math.round(timings[10])} ms of CPU (median)`);
  });

  it('answers an over-broad free-text search with 422, and serves it once narrowed by contentUpdatedAfter', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const party = encodeURIComponent(defaultPersonParty(handle));
    const broad = await dpFetch(endUser(handle, `/dialogs?party=${party}&search=melding`), { token });
    assert.equal(broad.status, 422);
    assert.match(broad.body.detail, /contentUpdatedAfter/);
    const since = new Date(dialogStoreOf(handle.context).anchorMs - 30 * 86_400_000).toISOString();
    const narrow = await dpFetch(
      endUser(handle, `/dialogs?party=${party}&search=melding&contentUpdatedAfter=${encodeURIComponent(since)}`),
      { token },
    );
    assert.equal(narrow.status, 200);
    assert.ok(narrow.body.items.length > 0);
  });
});
