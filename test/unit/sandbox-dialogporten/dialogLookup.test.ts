import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { dialogStoreOf } from '../../../src/sandbox/dialogporten';
import { dialogIdOfInstance } from '../../../src/sandbox/data/appInstance';
import { DIALOG_THEMES } from '../../../src/sandbox/data/dialogTexts';
import type { StoredDialog } from '../../../src/sandbox/data/dialogTypes';
import type { SandboxHandle } from '../../../src/sandbox';
import { useSandbox } from '../helpers/sandbox';
import { dpFetch, endUser, personToken, type Json } from './dialogportenHttp';

const STORAGE_LABEL = /^urn:altinn:integration:storage:(\d+)\/([0-9a-f-]{36})$/;
const APP_RESOURCES = new Set(
  DIALOG_THEMES.filter((t) => t.serviceResourceType === 'AltinnApp').map((t) => `urn:altinn:resource:${t.resource}`),
);

interface AppDialog {
  readonly dialog: StoredDialog;
  readonly partyId: number;
  readonly instanceGuid: string;
}

function appDialogs(handle: SandboxHandle): AppDialog[] {
  const store = dialogStoreOf(handle.context);
  return store.partyUrns().flatMap((party) =>
    store.dialogsOf(party).flatMap((dialog) => {
      const match = dialog
        .serviceOwnerLabels()
        .map((l) => STORAGE_LABEL.exec(l))
        .find((m) => m !== null);
      return match ? [{ dialog, partyId: Number(match[1]), instanceGuid: match[2] }] : [];
    }),
  );
}

function partyIdOf(handle: SandboxHandle, party: string): number | undefined {
  const { world } = handle.context;
  const id = party.split(':').pop();
  return (
    world.persons.find((p) => p.nationalIdentityNumber === id)?.partyId ??
    world.organisations.find((o) => o.organisationNumber === id)?.partyId
  );
}

function visibleParties(handle: SandboxHandle): Set<string> {
  const { world } = handle.context;
  return new Set((world.personAccess.get(world.defaultPerson.nationalIdentityNumber) ?? []).map((a) => a.party));
}

async function lookup(handle: SandboxHandle, instanceRef: string | undefined, headers: Record<string, string> = {}) {
  const query = instanceRef === undefined ? '' : `?instanceRef=${encodeURIComponent(instanceRef)}`;
  return dpFetch(endUser(handle, `/dialoglookup${query}`), { token: await personToken(handle), headers });
}

describe('sandbox Dialogporten: dialoglookup of app instances', function () {
  this.timeout(30_000);
  const sandbox = useSandbox({ dialogs: 60 });

  it('ties the dialogs of Altinn app resources (not those Correspondence made) to an instance of their party', () => {
    const handle = sandbox();
    const tied = appDialogs(handle);
    const store = dialogStoreOf(handle.context);
    const all = store.partyUrns().flatMap((p) => store.dialogsOf(p));
    assert.ok(tied.length > 10, `${tied.length} dialogs have an app instance`);
    assert.deepEqual(
      new Set(tied.map((t) => t.dialog.fields.id)),
      new Set(
        all
          .filter((d) => APP_RESOURCES.has(d.fields.serviceResource))
          .filter((d) => !d.serviceOwnerLabels().some((l) => l.startsWith('urn:altinn:correspondence-id:')))
          .map((d) => d.fields.id),
      ),
    );
    for (const { dialog, partyId, instanceGuid } of tied) {
      assert.equal(partyId, partyIdOf(handle, dialog.fields.party), dialog.fields.id);
      assert.match(instanceGuid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.equal(dialogIdOfInstance(instanceGuid, dialog.fields.createdAtMs), dialog.fields.id);
    }
    assert.equal(new Set(tied.map((t) => t.instanceGuid)).size, tied.length, 'instance guids are unique');
  });

  it('ToVersion7 keeps the instance bits and writes the creation time, version 7 and the RFC variant', () => {
    assert.equal(
      dialogIdOfInstance('4b6ed1db-9307-4066-0282-08391cec3d56', 0x0190_1234_5678),
      '01901234-5678-7066-8282-08391cec3d56',
    );
  });

  it('resolves urn:altinn:instance-id:{partyId}/{instanceGuid} to its dialog', async () => {
    const handle = sandbox();
    const visible = visibleParties(handle);
    const target = appDialogs(handle).find((t) => visible.has(t.dialog.fields.party));
    assert.ok(target, 'the default person can see a party with app dialogs');
    const ref = `URN:ALTINN:INSTANCE-ID:${target.partyId}/${target.instanceGuid.toUpperCase()}`;
    const response = await lookup(handle, ` ${ref} `, { 'accept-language': 'en' });
    assert.equal(response.status, 200, response.text);
    const body: Json = response.body;
    assert.equal(body.dialogId, target.dialog.fields.id);
    assert.equal(body.instanceRef, ref.toLowerCase());
    assert.equal(body.party, target.dialog.fields.party);
    assert.equal(body.serviceResource.id, target.dialog.fields.serviceResource.replace('urn:altinn:resource:', ''));
    assert.equal(body.serviceOwner.code, target.dialog.fields.org);
    const titles = (target.dialog.body().content as Json).title.value as Json[];
    const expectedTitle = titles.find((t) => t.languageCode === 'en') ?? titles.find((t) => t.languageCode === 'nb');
    assert.deepEqual(body.title, [expectedTitle ?? titles[0]]);

    const byDialogId = await lookup(handle, `urn:altinn:dialog-id:${target.dialog.fields.id}`);
    assert.equal(byDialogId.status, 200);
    assert.equal(byDialogId.body.instanceRef, `urn:altinn:instance-id:${target.partyId}/${target.instanceGuid}`);
    const plain = dialogStoreOf(handle.context)
      .dialogsOf(target.dialog.fields.party)
      .find((d) => d.serviceOwnerLabels().length === 0)!;
    const byPlainId = await lookup(handle, `urn:altinn:dialog-id:${plain.fields.id.toUpperCase()}`);
    assert.equal(byPlainId.body.instanceRef, `urn:altinn:dialog-id:${plain.fields.id}`);
  });

  it('answers 404 for an unknown instance, naming the reference as it was sent', async () => {
    const handle = sandbox();
    const [target] = appDialogs(handle);
    for (const ref of [
      `urn:altinn:instance-id:${target.partyId}/${randomUUID()}`,
      // The right instance under another party is another storage label.
      `urn:altinn:instance-id:${target.partyId + 1}/${target.instanceGuid}`,
    ]) {
      const response = await lookup(handle, ref);
      assert.equal(response.status, 404, ref);
      assert.equal(response.body.title, 'Resource not found.');
      assert.deepEqual(response.body.errors, {
        InstanceRef: [`Entity 'InstanceRef' with the following key(s) was not found: (${ref}).`],
      });
    }
  });

  it('answers 400 for a malformed reference', async () => {
    const handle = sandbox();
    const guid = randomUUID();
    for (const ref of [
      undefined,
      '',
      `urn:altinn:instance-id:${guid}`,
      `urn:altinn:instance-id:0/${guid}`,
      `urn:altinn:instance-id:-5/${guid}`,
      `urn:altinn:instance-id:2147483648/${guid}`,
      `urn:altinn:instance-id:abc/${guid}`,
      'urn:altinn:instance-id:1337/not-a-guid',
      `urn:altinn:legacy-instance-id:1337/${guid}`,
    ]) {
      const response = await lookup(handle, ref);
      assert.equal(response.status, 400, String(ref));
      assert.equal(response.body.title, 'One or more validation errors occurred.');
      assert.deepEqual(Object.keys(response.body.errors), ['InstanceRef']);
      assert.match(response.body.errors.InstanceRef[0], /^InstanceRef must be a supported identifier/);
    }
  });

  it('answers 403 for a party the caller cannot see, and 404 once the dialog is deleted', async () => {
    const handle = sandbox();
    const visible = visibleParties(handle);
    const tied = appDialogs(handle);
    const hidden = tied.find((t) => !visible.has(t.dialog.fields.party));
    assert.ok(hidden, 'some app dialog belongs to a party the default person cannot see');
    const refOf = (t: AppDialog): string => `urn:altinn:instance-id:${t.partyId}/${t.instanceGuid}`;
    const forbidden = await lookup(handle, refOf(hidden));
    assert.equal(forbidden.status, 403, forbidden.text);
    assert.equal(forbidden.body.title, 'Forbidden.');
    assert.deepEqual(forbidden.body.errors, { Forbidden: ['Forbidden'] });

    const seen = tied.filter((t) => visible.has(t.dialog.fields.party)).at(-1)!;
    assert.equal((await lookup(handle, refOf(seen))).status, 200);
    assert.ok(dialogStoreOf(handle.context).delete(seen.dialog.fields.id));
    for (const ref of [refOf(seen), `urn:altinn:dialog-id:${seen.dialog.fields.id}`]) {
      const gone = await lookup(handle, ref);
      assert.equal(gone.status, 404, ref);
      assert.deepEqual(gone.body.errors, {
        InstanceRef: [`Entity 'InstanceRef' with the following key(s) was not found: (${ref}).`],
      });
    }
  });
});
