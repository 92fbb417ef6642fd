import assert from 'node:assert/strict';
import { parseDialogReference } from '../../../src/platform/dialogporten/dialogReference';

describe('Open Dialog… input: dialog ids and what dialoglookup resolves', () => {
  const id = '0194a1c2-1f2e-7a3b-9c4d-5e6f7a8b9c0d';
  const instance = 'b1f0c7a2-3d4e-4f5a-8b9c-0d1e2f3a4b5c';

  it('opens a dialog id, a link holding one, or its URN as it is', () => {
    assert.deepEqual(parseDialogReference(id.toUpperCase()), { kind: 'dialog', dialogId: id });
    assert.deepEqual(parseDialogReference(`https://af.tt02.altinn.no/inbox/${id}`), { kind: 'dialog', dialogId: id });
    assert.deepEqual(parseDialogReference(` urn:altinn:dialog-id:${id} `), { kind: 'dialog', dialogId: id });
  });

  it('looks up app instances and correspondence', () => {
    const lookup = (instanceRef: string) => ({ kind: 'lookup', instanceRef });
    assert.deepEqual(
      parseDialogReference(`urn:altinn:instance-id:50012345/${instance}`),
      lookup(`urn:altinn:instance-id:50012345/${instance}`),
    );
    assert.deepEqual(
      parseDialogReference(`50012345/${instance}`),
      lookup(`urn:altinn:instance-id:50012345/${instance}`),
    );
    assert.deepEqual(
      parseDialogReference(`https://ttd.apps.tt02.altinn.no/ttd/my-app/#/instance/50012345/${instance}`),
      lookup(`urn:altinn:instance-id:50012345/${instance}`),
    );
    assert.deepEqual(
      parseDialogReference(`URN:ALTINN:CORRESPONDENCE-ID:${instance.toUpperCase()}`),
      lookup(`urn:altinn:correspondence-id:${instance}`),
    );
    assert.deepEqual(
      parseDialogReference(`https://platform.tt02.altinn.no/correspondence/api/v1/correspondence/${instance}/content`),
      lookup(`urn:altinn:correspondence-id:${instance}`),
    );
  });

  it('refuses what holds no reference, and an instance URN without its party', () => {
    assert.equal(parseDialogReference('12345'), undefined);
    assert.equal(parseDialogReference(''), undefined);
    assert.equal(parseDialogReference(`urn:altinn:instance-id:${instance}`), undefined);
  });
});
