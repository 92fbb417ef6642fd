import assert from 'node:assert/strict';
import { DialogRevisionConflictError, effectiveSystemLabels } from '../../../src/platform/dialogporten';
import { refetchListItem } from '../../../src/vscode/inbox/dialogRefetch';
import { labelChange } from '../../../src/vscode/inbox/labelChanges';
import { useSandbox } from '../helpers/sandbox';
import { personClients, type PersonClients } from './inboxSandbox';

describe('inbox: re-reading one dialog without opening it', function () {
  this.timeout(30_000);
  const sandbox = useSandbox({ dialogs: 120 });
  let c: PersonClients;
  before(() => {
    c = personClients(sandbox());
  });
  after(() => c.http.close());

  it('finds the current list item (new revision and labels after a change), and never marks it seen', async () => {
    const page = await c.dialogporten.searchDialogs({
      party: [c.party],
      systemLabel: ['Default'],
      isContentSeen: false,
      limit: 5,
    });
    const item = page.items![0];
    const seenBefore = (await c.dialogporten.listSeenLog(item.id)).length;
    const { revision } = await c.dialogporten.setSystemLabels(
      item.id,
      labelChange('archive', effectiveSystemLabels(item)),
      { ifMatch: item.endUserContext!.revision },
    );
    const fresh = await refetchListItem(c.dialogporten, c.party, undefined, item);
    assert.ok(fresh);
    assert.deepEqual(effectiveSystemLabels(fresh), ['Archive']);
    assert.equal(fresh.endUserContext!.revision, revision);
    assert.equal(fresh.isContentSeen, false, 'still unread');
    assert.equal((await c.dialogporten.listSeenLog(item.id)).length, seenBefore, 'the seen log did not grow');
    assert.equal(
      await refetchListItem(c.dialogporten, c.party, { view: 'inbox' }, item),
      undefined,
      'archived: no longer in the Inbox view',
    );
    await assert.rejects(
      c.dialogporten.setSystemLabels(item.id, { addLabels: ['Bin'] }, { ifMatch: item.endUserContext!.revision }),
      DialogRevisionConflictError,
      'the old revision is stale',
    );
    await c.dialogporten.setSystemLabels(item.id, labelChange('restore', ['Archive']), {
      ifMatch: fresh.endUserContext!.revision,
    });
    assert.deepEqual(
      effectiveSystemLabels((await refetchListItem(c.dialogporten, c.party, { view: 'inbox' }, item))!),
      ['Default'],
      'restored',
    );
  });
});
