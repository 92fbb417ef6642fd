import assert from 'node:assert/strict';
import { touchDialog } from '../../../src/sandbox/dialogporten';
import { useSandbox } from '../helpers/sandbox';
import { defaultPersonParty, dpFetch, endUser, personToken, searchAll, type Json } from './dialogportenHttp';

describe('sandbox Dialogporten: fetching details marks a dialog seen, listing does not', function () {
  this.timeout(30_000);
  const sandbox = useSandbox({ dialogs: 80 });

  async function unseenDialog(token: string): Promise<Json> {
    const items = await searchAll(
      sandbox(),
      token,
      `party=${encodeURIComponent(defaultPersonParty(sandbox()))}&limit=1000&isContentSeen=false`,
    );
    const item = items.find((i) => !i.endUserContext.systemLabels.includes('MarkedAsUnopened'));
    assert.ok(item, 'an unseen dialog exists');
    return item;
  }

  it('leaves the seen state alone when listing, and records one seen-log entry per update when opened', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const item = await unseenDialog(token);
    const before = (await dpFetch(endUser(handle, `/dialogs/${item.id}/seenlog`), { token })).body as Json[];
    for (let i = 0; i < 2; i++)
      await dpFetch(endUser(handle, `/dialogs?party=${encodeURIComponent(item.party)}&limit=1000`), { token });
    assert.deepEqual(
      (await dpFetch(endUser(handle, `/dialogs/${item.id}/seenlog`), { token })).body,
      before,
      'listing has no side effects',
    );

    const details = await dpFetch(endUser(handle, `/dialogs/${item.id}`), { token });
    assert.equal(details.status, 200);
    assert.equal(details.headers.get('etag'), details.body.revision);
    assert.equal(details.body.isContentSeen, true);
    const mine = details.body.seenSinceLastContentUpdate.filter((s: Json) => s.isCurrentEndUser);
    assert.equal(mine.length, 1);
    assert.match(
      mine[0].seenBy.actorId,
      /^urn:altinn:person:identifier-ephemeral:[0-9a-f]{10}$/,
      'person ids are masked in the seen log',
    );

    const after = (await dpFetch(endUser(handle, `/dialogs/${item.id}/seenlog`), { token })).body as Json[];
    assert.equal(after.length, before.length + 1);
    const entry = after.find((s) => s.isCurrentEndUser && !before.some((b) => b.id === s.id));
    assert.ok(entry);
    assert.deepEqual(
      (await dpFetch(endUser(handle, `/dialogs/${item.id}/seenlog/${entry.id}`), { token })).body,
      entry,
    );

    await dpFetch(endUser(handle, `/dialogs/${item.id}`), { token });
    assert.equal(
      ((await dpFetch(endUser(handle, `/dialogs/${item.id}/seenlog`), { token })).body as Json[]).length,
      after.length,
      'a second visit of the same revision adds nothing',
    );
    const listed = (
      await dpFetch(endUser(handle, `/dialogs?party=${encodeURIComponent(item.party)}&limit=1000`), { token })
    ).body.items.find((i: Json) => i.id === item.id);
    assert.equal(listed.isContentSeen, true);
  });

  it('makes the content seen for every user of the party (one flag per dialog, as in Dialogporten), and a content update makes it unseen again', async () => {
    const handle = sandbox();
    const { world } = handle.context;
    const me = world.defaultPerson.nationalIdentityNumber;
    const shared = [...world.personAccess.entries()]
      .filter(([pid]) => pid !== me)
      .flatMap(([pid, access]) =>
        access
          .filter((a) => (a.roles?.length ?? 0) > 0 && a.party.includes('organization'))
          .map((a) => ({ pid, party: a.party })),
      )
      .find((a) => (world.personAccess.get(me) ?? []).some((m) => m.party === a.party));
    assert.ok(shared, 'two persons share an organisation');
    const token = await personToken(handle);
    const colleague = await personToken(handle, shared.pid);
    const colleagueView = async (id: string): Promise<Json> =>
      (await searchAll(handle, colleague, `party=${encodeURIComponent(shared.party)}&limit=1000`)).find(
        (i) => i.id === id,
      );
    const item = (
      await searchAll(handle, token, `party=${encodeURIComponent(shared.party)}&limit=1000&isContentSeen=false`)
    ).find((i) => !i.endUserContext.systemLabels.includes('MarkedAsUnopened'));
    assert.ok(item);
    assert.equal((await colleagueView(item.id)).isContentSeen, false, 'unseen for the colleague too');
    await dpFetch(endUser(handle, `/dialogs/${item.id}`), { token });
    const theirs = await colleagueView(item.id);
    assert.equal(theirs.isContentSeen, true, 'my visit makes it seen for the colleague');
    const unseenForColleague = await searchAll(
      handle,
      colleague,
      `party=${encodeURIComponent(shared.party)}&limit=1000&isContentSeen=false`,
    );
    assert.ok(!unseenForColleague.some((i) => i.id === item.id), 'the isContentSeen filter agrees');
    const myEntry = theirs.seenSinceLastContentUpdate.find(
      (s: Json) => s.seenBy.actorName === world.defaultPerson.name,
    );
    assert.ok(myEntry, 'the colleague sees that I saw it');
    assert.equal(myEntry.isCurrentEndUser, false);

    assert.ok(touchDialog(handle.context, item.id));
    const listed = (await searchAll(handle, token, `party=${encodeURIComponent(shared.party)}&limit=1000`)).find(
      (i) => i.id === item.id,
    );
    assert.equal(listed.isContentSeen, false);
    assert.equal(listed.seenSinceLastContentUpdate, undefined, 'an empty list is left out');
    const again = await dpFetch(endUser(handle, `/dialogs/${item.id}`), { token });
    assert.equal(again.body.isContentSeen, true);
    assert.ok(Date.parse(again.body.contentUpdatedAt) > Date.parse(item.contentUpdatedAt));
  });

  it('serves transmissions and activities of the dialog as lists and one by one, with related transmissions chained', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const items = await searchAll(handle, token, `party=${encodeURIComponent(defaultPersonParty(handle))}&limit=1000`);
    let chained = 0;
    for (const item of items
      .filter((i) => i.fromServiceOwnerTransmissionsCount + i.fromPartyTransmissionsCount > 1)
      .slice(0, 10)) {
      const transmissions = (await dpFetch(endUser(handle, `/dialogs/${item.id}/transmissions`), { token }))
        .body as Json[];
      assert.equal(transmissions.length, item.fromServiceOwnerTransmissionsCount + item.fromPartyTransmissionsCount);
      for (const t of transmissions) {
        if (t.relatedTransmissionId) {
          assert.ok(
            transmissions.some((o) => o.id === t.relatedTransmissionId),
            'related transmission is in the dialog',
          );
          chained++;
        }
        assert.deepEqual(
          (await dpFetch(endUser(handle, `/dialogs/${item.id}/transmissions/${t.id}`), { token })).body,
          t,
        );
      }
      const activities = (await dpFetch(endUser(handle, `/dialogs/${item.id}/activities`), { token })).body as Json[];
      assert.equal(activities[0].type, 'DialogCreated');
      const single = (await dpFetch(endUser(handle, `/dialogs/${item.id}/activities/${activities[0].id}`), { token }))
        .body;
      assert.equal(single.id, activities[0].id);
      assert.ok(single.performedBy);
    }
    assert.ok(chained > 0);
    const missing = await dpFetch(
      endUser(handle, `/dialogs/${items[0].id}/transmissions/0194f8a0-0000-7000-8000-000000000000`),
      { token },
    );
    assert.equal(missing.status, 404);
  });
});
