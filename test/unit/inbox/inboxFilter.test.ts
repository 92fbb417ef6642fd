import assert from 'node:assert/strict';
import { effectiveSystemLabels } from '../../../src/platform/dialogporten';
import type { DialogListItem } from '../../../src/platform/dialogporten/schemas/dialogListItem';
import {
  describeFilter,
  filterKey,
  filterProblem,
  isEmptyFilter,
  toSearchFilters,
  type InboxFilter,
} from '../../../src/vscode/inbox/inboxFilter';
import { dialogStoreOf } from '../../../src/sandbox/dialogporten';
import { useSandbox } from '../helpers/sandbox';
import { personClients, type PersonClients } from './inboxSandbox';

describe('inbox filters: what the Inbox sends to Dialogporten', () => {
  it('maps the Altinn inbox views to system labels and statuses', () => {
    const party = 'urn:altinn:person:identifier-no:01010112345';
    assert.deepEqual(toSearchFilters(party, { view: 'archive' }, 100).systemLabel, ['Archive']);
    assert.deepEqual(toSearchFilters(party, { view: 'bin' }, 100).systemLabel, ['Bin']);
    assert.deepEqual(toSearchFilters(party, { view: 'sent' }, 100).systemLabel, ['Sent']);
    assert.deepEqual(toSearchFilters(party, { view: 'drafts' }, 100).status, ['Draft']);
    const inbox = toSearchFilters(party, { view: 'inbox' }, 100);
    assert.deepEqual(inbox.systemLabel, ['Default']);
    assert.ok(inbox.status && !inbox.status.includes('Draft') && inbox.status.includes('Completed'));
    assert.deepEqual(
      toSearchFilters(party, { view: 'inbox', status: ['Completed', 'Draft'] }, 100).status,
      ['Completed'],
      'a status filter narrows the view',
    );
    const all = toSearchFilters(party, undefined, 100);
    assert.equal(all.systemLabel, undefined, 'no view filter: every dialog, whatever its labels');
    assert.equal(all.orderBy, 'contentUpdatedAt_desc');
    assert.deepEqual(all.party, [party]);
  });

  it('sends dates as whole days in UTC, unread-only as isContentSeen=false, and keeps the page size within 1–1000', () => {
    const f = toSearchFilters(
      'urn:x',
      {
        updatedFrom: '2025-01-31',
        updatedTo: '2025-02-01',
        unreadOnly: true,
        org: [' SKD '],
        serviceResource: ['urn:altinn:resource:skd-mva-melding'],
      },
      5000,
      'token-1',
    );
    assert.equal(f.contentUpdatedAfter, '2025-01-31T00:00:00Z');
    assert.equal(f.contentUpdatedBefore, '2025-02-01T23:59:59.999Z');
    assert.equal(f.isContentSeen, false);
    assert.deepEqual(f.org, ['skd']);
    assert.deepEqual(f.serviceResource, ['skd-mva-melding']);
    assert.equal(f.limit, 1000);
    assert.equal(f.continuationToken, 'token-1');
    assert.equal(
      toSearchFilters('urn:altinn:person:identifier-no:1', undefined, 0).limit,
      1,
      'clamped to what Dialogporten accepts',
    );
    assert.equal(toSearchFilters('urn:altinn:person:identifier-no:1', undefined, 'x' as unknown as number).limit, 100);
  });

  it('explains filters that cannot work before asking the server', () => {
    assert.match(filterProblem({ search: 'ab' }) ?? '', /at least 3 characters/);
    assert.match(filterProblem({ view: 'drafts', status: ['Completed'] }) ?? '', /Drafts view shows only status Draft/);
    assert.match(filterProblem({ updatedFrom: '2025-02-30' }) ?? '', /not a date/);
    assert.match(
      filterProblem({ updatedFrom: '2025-03-01', updatedTo: '2025-02-01' }) ?? '',
      /starts .* after it ends/,
    );
    assert.equal(filterProblem({ search: 'skatt', view: 'inbox' }), undefined);
  });

  it('treats equal filters as equal and describes them for the view message', () => {
    assert.ok(isEmptyFilter({ view: 'all', search: '  ', status: [] }));
    assert.equal(
      filterKey({ status: ['Completed', 'Draft'], org: ['nav', 'skd'] }),
      filterKey({ org: ['SKD', 'nav'], status: ['Draft', 'Completed'] }),
    );
    assert.equal(
      describeFilter({ view: 'archive', search: 'skatt', status: ['Completed'] }),
      'view Archive, text "skatt", status Completed',
    );
  });

  describe('against the sandbox', function () {
    this.timeout(60_000);
    const sandbox = useSandbox({ dialogs: 300 });
    let c: PersonClients;
    before(() => {
      c = personClients(sandbox());
    });
    after(() => c.http.close());

    async function all(filter: InboxFilter | undefined): Promise<DialogListItem[]> {
      const out: DialogListItem[] = [];
      let token: string | undefined;
      for (let page = 0; page < 50; page++) {
        const result = await c.dialogporten.searchDialogs(toSearchFilters(c.party, filter, 97, token));
        out.push(...(result.items ?? []));
        if (!result.hasNextPage) return out;
        token = result.continuationToken ?? undefined;
      }
      throw new Error('more than 50 pages');
    }

    it('pages with continuation tokens newest first, without duplicates or gaps', async () => {
      const items = await all(undefined);
      const expected = dialogStoreOf(sandbox().context)
        .dialogsOf(c.party)
        .filter((d) => !d.state.deleted).length;
      assert.ok(expected >= 300);
      assert.equal(items.length, expected);
      assert.equal(new Set(items.map((i) => i.id)).size, expected);
      for (let i = 1; i < items.length; i++) {
        assert.ok(
          Date.parse(items[i - 1].contentUpdatedAt!) >= Date.parse(items[i].contentUpdatedAt!),
          `ordered at ${i}`,
        );
      }
    });

    it('every facet changes what the server returns', async () => {
      const everything = await all(undefined);
      const archive = await all({ view: 'archive' });
      assert.ok(archive.length > 0 && archive.length < everything.length);
      assert.ok(archive.every((d) => effectiveSystemLabels(d).includes('Archive')));
      const inbox = await all({ view: 'inbox' });
      assert.ok(inbox.every((d) => effectiveSystemLabels(d).includes('Default') && d.status !== 'Draft'));
      const completed = await all({ status: ['Completed'] });
      assert.ok(completed.length > 0 && completed.every((d) => d.status === 'Completed'));
      const org = everything[0].org;
      const byOrg = await all({ org: [org] });
      assert.ok(byOrg.length > 0 && byOrg.length < everything.length && byOrg.every((d) => d.org === org));
      const resource = everything[0].serviceResource;
      const byResource = await all({ serviceResource: [resource] });
      assert.ok(byResource.length > 0 && byResource.every((d) => d.serviceResource === resource));
      const unread = await all({ unreadOnly: true });
      assert.ok(
        unread.length > 0 && unread.length < everything.length && unread.every((d) => d.isContentSeen === false),
      );
      const day = everything[10].contentUpdatedAt!.slice(0, 10);
      const onDay = await all({ updatedFrom: day, updatedTo: day });
      assert.ok(onDay.length > 0 && onDay.every((d) => d.contentUpdatedAt!.startsWith(day)));
      const title = everything.find((d) => d.content?.title.value?.[0]?.value)!.content!.title.value![0].value;
      const word = title.split(/\s+/).find((w) => w.length >= 4)!;
      const found = await all({ search: word });
      assert.ok(found.length > 0 && found.length < everything.length, `search "${word}"`);
    });
  });
});
