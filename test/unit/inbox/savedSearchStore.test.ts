import assert from 'node:assert/strict';
import { ALL_PARTIES_SCOPE, SavedSearchStore, type KeyValueState } from '../../../src/vscode/inbox/savedSearchStore';

/** globalState as VS Code keeps it: values go through JSON (a Memento stores JSON). */
class JsonState implements KeyValueState {
  private readonly values = new Map<string, string>();
  get<T>(key: string): T | undefined {
    const raw = this.values.get(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.stringify(value));
  }
}

describe('saved searches: named filter sets per profile', () => {
  const party = 'urn:altinn:organization:identifier-no:310000001';

  it('saves, lists by name, and keeps each profile apart', async () => {
    const state = new JsonState();
    const store = new SavedSearchStore(state);
    await store.save('p1', { name: 'MVA unread', scope: party, filter: { search: 'mva', unreadOnly: true } });
    await store.save('p1', {
      name: 'all clients, skd',
      scope: ALL_PARTIES_SCOPE,
      filter: { org: ['SKD'], parties: [party, party], view: 'inbox', updatedFrom: '2025-01-01' },
    });
    await store.save('p2', { name: 'other', scope: party, filter: { view: 'archive' } });
    const again = new SavedSearchStore(state); // a new window reads the same globalState
    assert.deepEqual(
      again.list('p1').map((s) => s.name),
      ['all clients, skd', 'MVA unread'],
    );
    assert.deepEqual(again.find('p1', 'ALL CLIENTS, SKD')?.filter, {
      org: ['skd'],
      parties: [party],
      view: 'inbox',
      updatedFrom: '2025-01-01',
    });
    assert.deepEqual(
      again.list('p2').map((s) => s.name),
      ['other'],
    );
    assert.deepEqual(again.list('p3'), []);
  });

  it('replaces a search saved under the same name, renames and deletes', async () => {
    const store = new SavedSearchStore(new JsonState());
    await store.save('p', { name: 'Tax', scope: party, filter: { search: 'skatt' } });
    await store.save('p', { name: ' tax ', scope: party, filter: { search: 'mva' } });
    assert.deepEqual(
      store.list('p').map((s) => [s.name, s.filter.search]),
      [['tax', 'mva']],
    );
    await store.save('p', { name: 'Other', scope: party, filter: { view: 'bin' } });
    await assert.rejects(store.rename('p', 'tax', 'other'), /already called "Other"/);
    await store.rename('p', 'tax', 'VAT');
    assert.deepEqual(
      store.list('p').map((s) => s.name),
      ['Other', 'VAT'],
    );
    await store.rename('p', 'VAT', 'vat');
    assert.deepEqual(
      store.list('p').map((s) => s.name),
      ['Other', 'vat'],
      'a change of case only is a rename',
    );
    assert.equal(await store.remove('p', 'OTHER'), true);
    assert.equal(await store.remove('p', 'OTHER'), false);
    await assert.rejects(store.rename('p', 'nothing', 'x'), /No saved search is called "nothing"/);
  });

  it('refuses an empty filter, an empty or overlong name, and ignores damaged entries', async () => {
    const state = new JsonState();
    const store = new SavedSearchStore(state);
    await assert.rejects(store.save('p', { name: 'x', scope: party, filter: { view: 'all' } }), /no filter to save/);
    await assert.rejects(store.save('p', { name: '  ', scope: party, filter: { view: 'bin' } }), /Give the search/);
    await assert.rejects(
      store.save('p', { name: 'x'.repeat(81), scope: party, filter: { view: 'bin' } }),
      /At most 80 characters/,
    );
    await state.update('altinnInbox.inbox.savedSearches', { p: [{ name: 1 }, null, 'x'] });
    assert.deepEqual(store.list('p'), []);
  });
});
