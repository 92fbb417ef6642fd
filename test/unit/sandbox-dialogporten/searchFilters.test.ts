import assert from 'node:assert/strict';
import { useSandbox } from '../helpers/sandbox';
import { defaultPersonParty, dpFetch, endUser, personToken, searchAll, type Json } from './dialogportenHttp';

const texts = (item: Json): string[] =>
  ['title', 'summary', 'senderName'].flatMap((k) =>
    (item.content?.[k]?.value ?? []).map((l: Json) => String(l.value).toLowerCase()),
  );
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const iso = (ms: number): string => new Date(ms).toISOString();

describe('sandbox Dialogporten: every search filter changes what the server returns', function () {
  this.timeout(30_000);
  const sandbox = useSandbox({ dialogs: 300 });
  let token: string;
  let party: string;
  let all: Json[];

  before(async () => {
    const handle = sandbox();
    token = await personToken(handle);
    party = defaultPersonParty(handle);
    all = await searchAll(handle, token, `party=${encodeURIComponent(party)}&limit=1000`);
    assert.ok(all.length >= 300);
  });

  /** The filtered answer must be exactly the unfiltered items the predicate keeps: a non-empty, proper subset. */
  async function expectSubset(query: string, keep: (item: Json) => boolean): Promise<Json[]> {
    const filtered = await searchAll(sandbox(), token, `party=${encodeURIComponent(party)}&limit=1000&${query}`);
    const expected = all
      .filter(keep)
      .map((i) => i.id)
      .sort();
    assert.ok(
      expected.length > 0 && expected.length < all.length,
      `${query} should keep some but not all (${expected.length}/${all.length})`,
    );
    assert.deepEqual(filtered.map((i) => i.id).sort(), expected, query);
    return filtered;
  }

  it('filters by serviceResource, org, status (values OR-ed) and their combination (AND-ed)', async () => {
    const resource = all[0].serviceResource;
    await expectSubset(`serviceResource=${encodeURIComponent(resource)}`, (i) => i.serviceResource === resource);
    const org = all.find((i) => i.org !== all[0].org)!.org;
    await expectSubset(`org=${org}`, (i) => i.org === org);
    await expectSubset('status=Completed&status=Draft', (i) => i.status === 'Completed' || i.status === 'Draft');
    await expectSubset(`status=InProgress&org=${org}`, (i) => i.status === 'InProgress' && i.org === org);
  });

  it('filters by system label views: Archive, Bin and Sent (what the party sent)', async () => {
    await expectSubset('systemLabel=Archive', (i) => i.endUserContext.systemLabels.includes('Archive'));
    await expectSubset('systemLabel=Bin', (i) => i.endUserContext.systemLabels.includes('Bin'));
    const sent = await expectSubset('systemLabel=Sent', (i) => i.endUserContext.systemLabels.includes('Sent'));
    assert.ok(sent.every((i) => i.fromPartyTransmissionsCount > 0));
  });

  it('filters by extendedStatus, externalReference and process', async () => {
    const withStatus = all.find((i) => i.extendedStatus)!;
    await expectSubset(
      `extendedStatus=${encodeURIComponent(withStatus.extendedStatus)}`,
      (i) => i.extendedStatus === withStatus.extendedStatus,
    );
    const withReference = all.find((i) => i.externalReference)!;
    await expectSubset(
      `externalReference=${encodeURIComponent(withReference.externalReference)}`,
      (i) => i.externalReference === withReference.externalReference,
    );
    const withProcess = all.find((i) => i.process)!;
    await expectSubset(`process=${encodeURIComponent(withProcess.process)}`, (i) => i.process === withProcess.process);
  });

  it('filters by created, updated, content-updated and due dates (bounds inclusive, zone required)', async () => {
    for (const field of ['createdAt', 'updatedAt', 'contentUpdatedAt', 'dueAt'] as const) {
      const values = all.filter((i) => i[field]).map((i) => Date.parse(i[field]));
      const middle = median(values);
      const name = field.replace(/At$/, '');
      await expectSubset(
        `${name}After=${encodeURIComponent(iso(middle))}`,
        (i) => i[field] !== null && Date.parse(i[field]) >= middle,
      );
      await expectSubset(
        `${name}Before=${encodeURIComponent(iso(middle))}`,
        (i) => i[field] !== null && Date.parse(i[field]) <= middle,
      );
    }
  });

  it('filters by isContentSeen, excludeApiOnly and free text (with a language)', async () => {
    await expectSubset('isContentSeen=false', (i) => !i.isContentSeen);
    await expectSubset('isContentSeen=true', (i) => i.isContentSeen);
    await expectSubset('excludeApiOnly=true', (i) => !i.isApiOnly);
    const word = String(
      all
        .find((i) => i.content.title.value.some((l: Json) => l.languageCode === 'nb'))!
        .content.title.value.find((l: Json) => l.languageCode === 'nb').value,
    )
      .split(' ')[0]
      .toLowerCase();
    const found = await searchAll(
      sandbox(),
      token,
      `party=${encodeURIComponent(party)}&limit=1000&search=${encodeURIComponent(word)}`,
    );
    assert.ok(found.length > 0 && found.length < all.length);
    for (const item of all.filter((i) => texts(i).some((t) => t.includes(word))))
      assert.ok(
        found.some((f) => f.id === item.id),
        `${item.id} mentions "${word}"`,
      );
    const english = await searchAll(
      sandbox(),
      token,
      `party=${encodeURIComponent(party)}&limit=1000&search=${encodeURIComponent('the')}&searchLanguageCode=en`,
    );
    assert.ok(english.length > 0);
    assert.ok(english.every((i) => i.content.title.value.some((l: Json) => l.languageCode === 'en')));
  });

  it('filters by party (two parties give both inboxes, one not delegated gives nothing) or by service resource alone', async () => {
    const handle = sandbox();
    const parties = (await dpFetch(endUser(handle, '/parties'), { token })).body.authorizedParties as Json[];
    const org = parties.find((p) => p.partyType === 'Organization' && !p.isDeleted).party;
    const both = await searchAll(
      handle,
      token,
      `party=${encodeURIComponent(party)}&party=${encodeURIComponent(org)}&limit=1000`,
    );
    assert.ok(both.some((i) => i.party === org) && both.some((i) => i.party === party));
    assert.equal(both.length, all.length + both.filter((i) => i.party === org).length);
    const resource = both.find((i) => i.party === org).serviceResource;
    const byResource = await searchAll(handle, token, `serviceResource=${encodeURIComponent(resource)}&limit=1000`);
    assert.ok(byResource.every((i) => i.serviceResource === resource));
    assert.ok(
      new Set(byResource.map((i) => i.party)).size > 1,
      'a service resource alone searches every party of the caller',
    );
    const stranger = 'urn:altinn:organization:identifier-no:974760673';
    const none = await dpFetch(endUser(handle, `/dialogs?party=${encodeURIComponent(stranger)}`), { token });
    assert.equal(none.status, 200);
    assert.equal(none.body.items, undefined, 'an empty page leaves items out');
  });

  it('orders by dueAt ascending with dialogs without a due date last, and honours limit', async () => {
    const ordered = await searchAll(
      sandbox(),
      token,
      `party=${encodeURIComponent(party)}&limit=1000&orderBy=dueAt_asc`,
    );
    const firstWithout = ordered.findIndex((i) => !('dueAt' in i));
    assert.ok(firstWithout > 0);
    assert.ok(
      ordered.slice(firstWithout).every((i) => !('dueAt' in i)),
      'no due date: the field is left out',
    );
    const due = ordered.slice(0, firstWithout).map((i) => Date.parse(i.dueAt));
    assert.deepEqual(
      due,
      [...due].sort((a, b) => a - b),
    );
    const page = await dpFetch(endUser(sandbox(), `/dialogs?party=${encodeURIComponent(party)}&limit=7`), { token });
    assert.equal(page.body.items.length, 7);
    assert.equal(page.body.hasNextPage, true);
    assert.equal(page.body.orderBy, 'contentupdatedat_desc,id_desc');
  });

  it('puts id last and gives an id-only orderBy contentUpdatedAt_desc first, as Dialogporten does', async () => {
    const orderOf = async (orderBy: string): Promise<string> =>
      (
        await dpFetch(endUser(sandbox(), `/dialogs?party=${encodeURIComponent(party)}&limit=3&orderBy=${orderBy}`), {
          token,
        })
      ).body.orderBy;
    assert.equal(await orderOf('id_asc'), 'contentupdatedat_desc,id_asc');
    assert.equal(await orderOf('id_asc,createdAt_desc'), 'createdat_desc,id_asc');
    assert.equal(await orderOf('createdAt_asc'), 'createdat_asc,id_desc');
  });

  it('rejects what Dialogporten rejects, with a ProblemDetails naming the field', async () => {
    const handle = sandbox();
    const p = `party=${encodeURIComponent(party)}`;
    const cases: [string, string][] = [
      ['status=Completed', ''],
      [`${p}&search=ab`, 'search'],
      [`${p}&limit=0`, 'limit'],
      [`${p}&limit=1001`, 'limit'],
      [`${p}&limit=ten`, 'limit'],
      [`${p}&createdAfter=2025-01-01T00:00:00`, 'createdAfter'],
      [`${p}&searchLanguageCode=no&search=skatt`, 'searchLanguageCode'],
      [`${p}&status=New`, 'status'],
      [`${p}&orderBy=title_asc`, 'orderBy'],
      [`${p}&createdAfter=2025-02-01T00:00:00Z&createdBefore=2025-01-01T00:00:00Z`, 'createdAfter'],
      ['party=12345', 'party'],
    ];
    for (const [query, field] of cases) {
      const response = await dpFetch(endUser(handle, `/dialogs?${query}`), { token });
      assert.equal(response.status, 400, query);
      assert.match(String(response.headers.get('content-type')), /application\/problem\+json/);
      assert.ok(field in response.body.errors, `${query}: ${JSON.stringify(response.body.errors)}`);
    }
  });
});
