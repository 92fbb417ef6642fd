import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { useSandbox } from '../helpers/sandbox';
import { defaultPersonParty, dpFetch, endUser, personToken, searchAll, type Json } from './dialogportenHttp';

describe('sandbox Dialogporten: system labels with revisions (If-Match → 412)', function () {
  this.timeout(30_000);
  const sandbox = useSandbox({ dialogs: 40 });

  async function inboxDialog(token: string): Promise<Json> {
    const items = await searchAll(
      sandbox(),
      token,
      `party=${encodeURIComponent(defaultPersonParty(sandbox()))}&limit=1000&systemLabel=Default`,
    );
    return items[0];
  }

  it('archives with the current revision, returns the new one as Etag, and logs set/remove', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const item = await inboxDialog(token);
    const url = endUser(handle, `/dialogs/${item.id}/context/systemlabels`);
    const put = await dpFetch(url, {
      method: 'PUT',
      token,
      headers: { 'if-match': item.endUserContext.revision },
      body: { addLabels: ['Archive'] },
    });
    assert.equal(put.status, 204);
    const etag = put.headers.get('etag');
    assert.ok(etag && etag !== item.endUserContext.revision);
    const archived = (
      await searchAll(handle, token, `party=${encodeURIComponent(item.party)}&limit=1000&systemLabel=Archive`)
    ).find((i) => i.id === item.id);
    assert.ok(archived);
    assert.equal(archived.endUserContext.revision, etag);
    assert.ok(!archived.endUserContext.systemLabels.includes('Default'));
    assert.equal(archived.systemLabel, 'Archive');
    const log = (await dpFetch(endUser(handle, `/dialogs/${item.id}/context/labellog`), { token })).body as Json[];
    assert.ok(log.some((e) => e.name === 'systemlabel:Archive' && e.action === 'set'));
    assert.ok(!log.some((e) => e.name === 'systemlabel:Default'), 'Default is never logged, as in Dialogporten');
    assert.equal(log.at(-1).performedBy.actorType, 'PartyRepresentative');

    const stale = await dpFetch(url, {
      method: 'PUT',
      token,
      headers: { 'if-match': item.endUserContext.revision },
      body: { addLabels: ['Bin'] },
    });
    assert.equal(stale.status, 412);
    assert.equal(stale.body.status, 412);
    const still = (
      await searchAll(handle, token, `party=${encodeURIComponent(item.party)}&limit=1000&systemLabel=Archive`)
    ).find((i) => i.id === item.id);
    assert.ok(still, 'a refused change is not applied');

    const back = await dpFetch(url, {
      method: 'PUT',
      token,
      headers: { 'if-match': etag! },
      body: { removeLabels: ['Archive'] },
    });
    assert.equal(back.status, 204);
    const restored = (
      await searchAll(handle, token, `party=${encodeURIComponent(item.party)}&limit=1000&systemLabel=Default`)
    ).find((i) => i.id === item.id);
    assert.ok(restored, 'removing Archive puts it back in the inbox (Default)');
  });

  it('keeps Default/Bin/Archive exclusive, lets MarkedAsUnopened make a seen dialog unseen, and refuses Sent', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const item = await inboxDialog(token);
    const url = endUser(handle, `/dialogs/${item.id}/context/systemlabels`);
    await dpFetch(endUser(handle, `/dialogs/${item.id}`), { token });
    assert.equal(
      (await dpFetch(url, { method: 'PUT', token, body: { addLabels: ['Archive', 'Bin', 'MarkedAsUnopened'] } }))
        .status,
      204,
    );
    const listed = (
      await searchAll(handle, token, `party=${encodeURIComponent(item.party)}&limit=1000&systemLabel=Bin`)
    ).find((i) => i.id === item.id);
    assert.deepEqual(
      listed.endUserContext.systemLabels.filter((l: string) => l !== 'Sent'),
      ['Bin', 'MarkedAsUnopened'],
    );
    assert.equal(listed.isContentSeen, false);
    const sent = await dpFetch(url, { method: 'PUT', token, body: { addLabels: ['Sent'] } });
    assert.equal(sent.status, 400);
    assert.ok(sent.body.errors.addLabels);
    assert.equal((await dpFetch(url, { method: 'PUT', token, body: { addLabels: ['Spam'] } })).status, 400);
  });

  it('opening a dialog marked as unopened removes the label and logs it, as Dialogporten does', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const item = await inboxDialog(token);
    const url = endUser(handle, `/dialogs/${item.id}/context/systemlabels`);
    assert.equal((await dpFetch(url, { method: 'PUT', token, body: { addLabels: ['MarkedAsUnopened'] } })).status, 204);
    const marked = (
      await searchAll(handle, token, `party=${encodeURIComponent(item.party)}&limit=1000&systemLabel=MarkedAsUnopened`)
    ).find((i) => i.id === item.id);
    assert.ok(marked, 'the label is set');

    const details = await dpFetch(endUser(handle, `/dialogs/${item.id}`), { token });
    assert.equal(details.status, 200);
    assert.ok(!details.body.endUserContext.systemLabels.includes('MarkedAsUnopened'));
    assert.equal(details.body.isContentSeen, true);
    const listed = (await searchAll(handle, token, `party=${encodeURIComponent(item.party)}&limit=1000`)).find(
      (i) => i.id === item.id,
    );
    assert.ok(
      !listed.endUserContext.systemLabels.includes('MarkedAsUnopened'),
      'the list no longer shows it as unopened',
    );
    assert.equal(listed.isContentSeen, true);
    assert.equal(
      listed.endUserContext.revision,
      marked.endUserContext.revision,
      'seeing a dialog makes no new endUserContext revision',
    );
    const log = (await dpFetch(endUser(handle, `/dialogs/${item.id}/context/labellog`), { token })).body as Json[];
    assert.equal(log.at(-1).name, 'systemlabel:MarkedAsUnopened');
    assert.equal(log.at(-1).action, 'remove');
  });

  it('bulk-sets labels, checking every revision before changing any', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const items = (
      await searchAll(
        handle,
        token,
        `party=${encodeURIComponent(defaultPersonParty(handle))}&limit=1000&systemLabel=Default`,
      )
    ).slice(0, 3);
    const bulk = endUser(handle, '/dialogs/context/systemlabels/actions/bulkset');
    const refused = await dpFetch(bulk, {
      method: 'POST',
      token,
      body: {
        dialogs: [
          { dialogId: items[0].id, endUserContextRevision: items[0].endUserContext.revision },
          { dialogId: items[1].id, endUserContextRevision: '00000000-0000-4000-8000-000000000000' },
        ],
        addLabels: ['Archive'],
      },
    });
    assert.equal(refused.status, 412);
    const archivedIds = async (): Promise<string[]> =>
      (
        await searchAll(
          handle,
          token,
          `party=${encodeURIComponent(defaultPersonParty(handle))}&limit=1000&systemLabel=Archive`,
        )
      ).map((i) => i.id);
    assert.ok(!(await archivedIds()).includes(items[0].id), 'nothing applied');
    const done = await dpFetch(bulk, {
      method: 'POST',
      token,
      body: {
        dialogs: items.map((i) => ({ dialogId: i.id, endUserContextRevision: i.endUserContext.revision })),
        addLabels: ['Archive'],
      },
    });
    assert.equal(done.status, 204);
    const archived = await archivedIds();
    assert.ok(items.every((i) => archived.includes(i.id)));
  });

  it('bulkset takes 1–100 distinct dialogs and names every unknown one in its 404, changing nothing', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const items = (
      await searchAll(
        handle,
        token,
        `party=${encodeURIComponent(defaultPersonParty(handle))}&limit=1000&systemLabel=Default`,
      )
    ).slice(0, 2);
    const bulk = endUser(handle, '/dialogs/context/systemlabels/actions/bulkset');
    const post = (dialogs: unknown[]) =>
      dpFetch(bulk, { method: 'POST', token, body: { dialogs, addLabels: ['Bin'] } });
    const tooMany = Array.from({ length: 101 }, () => ({ dialogId: randomUUID() }));
    assert.equal((await post([])).status, 400);
    assert.equal((await post(tooMany)).status, 400);
    assert.equal((await post([{ dialogId: items[0].id }, { dialogId: items[0].id.toUpperCase() }])).status, 400);
    const unknown = [randomUUID(), randomUUID()];
    const notFound = await post([
      { dialogId: items[0].id },
      ...unknown.map((dialogId) => ({ dialogId })),
      { dialogId: items[1].id },
    ]);
    assert.equal(notFound.status, 404);
    for (const id of unknown) assert.ok(notFound.body.detail.includes(id), `404 names ${id}`);
    assert.ok(!notFound.body.detail.includes(items[0].id));
    const binned = await searchAll(
      handle,
      token,
      `party=${encodeURIComponent(defaultPersonParty(handle))}&limit=1000&systemLabel=Bin`,
    );
    assert.ok(!binned.some((i) => i.id === items[0].id), 'nothing applied');
  });
});
