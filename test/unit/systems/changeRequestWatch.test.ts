import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { plainLocalizer } from '../../../src/platform/presentation';
import type { ChangeRequest } from '../../../src/platform/systemUsers';
import { shownStatus } from '../../../src/vscode/shared/vendorSnapshot';
import { changeRequestAnnouncement } from '../../../src/vscode/systems/changeAnnouncement';
import { RequestWatch } from '../../../src/vscode/systems/requestWatch';

const t = plainLocalizer.t;
const RIGHT = (value: string) => ({ resource: [{ id: 'urn:altinn:resource', value }] });

function change(overrides: Partial<ChangeRequest>): ChangeRequest {
  return {
    id: '6f1c2a8e-0000-4000-8000-000000000001',
    systemUserId: 'su1',
    partyOrgNo: '310000002',
    requiredRights: [RIGHT('svc-b')],
    unwantedRights: [],
    requiredAccessPackages: [],
    unwantedAccessPackages: [],
    status: 'New',
    timedOut: false,
    ...overrides,
  } as ChangeRequest;
}

/** What the view does on each load or poll: one watch over requests and change requests, words for each change. */
function announce(watch: RequestWatch, changes: readonly ChangeRequest[], requests: { id: string; status: string }[]) {
  const seen = watch.observe([...requests, ...changes.map((c) => ({ id: c.id, status: shownStatus(c) }))]);
  return seen.flatMap((s) => {
    const changeRequest = changes.find((c) => c.id === s.id);
    if (!changeRequest) return [`request ${s.id}: ${s.to}`];
    const text = changeRequestAnnouncement(changeRequest, s.to, t);
    return text ? [text] : [];
  });
}

describe('Systems view: following change requests', () => {
  it('announces a change request’s Accepted once, naming what the system user now has, next to a request', () => {
    const watch = new RequestWatch({ firstMs: 1000, factor: 2, maxMs: 5000 });
    const pending = change({});
    assert.deepEqual(announce(watch, [pending], [{ id: 'r1', status: 'New' }]), []);
    assert.equal(watch.nextDelayMs(), 1000, 'a pending change request is polled');
    assert.deepEqual(watch.pending().sort(), [pending.id, 'r1'].sort());
    const accepted = change({ status: 'Accepted' });
    assert.deepEqual(announce(watch, [accepted], [{ id: 'r1', status: 'New' }]), [
      '310000002 accepted the change request: the system user now has svc-b.',
    ]);
    assert.deepEqual(announce(watch, [accepted], [{ id: 'r1', status: 'New' }]), [], 'once');
    assert.deepEqual(watch.pending(), ['r1']);
  });

  it('has words for every answer; NoChangeNeeded is never news', () => {
    const both = change({
      requiredAccessPackages: [{ urn: 'urn:altinn:accesspackage:regnskapsforer' }],
      unwantedRights: [RIGHT('svc-a')],
    });
    assert.equal(
      changeRequestAnnouncement(both, 'Accepted', t),
      '310000002 accepted the change request: the system user now has svc-b, regnskapsforer and no longer has svc-a.',
    );
    assert.equal(
      changeRequestAnnouncement(change({ requiredRights: [], unwantedRights: [RIGHT('svc-a')] }), 'Accepted', t),
      '310000002 accepted the change request: the system user no longer has svc-a.',
    );
    assert.equal(changeRequestAnnouncement(both, 'Rejected', t), '310000002 rejected the change request.');
    assert.equal(changeRequestAnnouncement(both, 'Denied', t), 'The change request for 310000002 was denied.');
    assert.equal(changeRequestAnnouncement(both, 'Timedout', t), 'The change request for 310000002 timed out.');
    assert.equal(changeRequestAnnouncement(both, 'NoChangeNeeded', t), undefined);

    const watch = new RequestWatch();
    announce(watch, [change({})], []);
    assert.deepEqual(announce(watch, [change({ status: 'NoChangeNeeded' })], []), []);
    assert.equal(watch.nextDelayMs(), undefined, 'nothing left to poll');
  });

  it('a change request that times out while New is announced as Timedout', () => {
    const watch = new RequestWatch();
    announce(watch, [change({})], []);
    assert.deepEqual(announce(watch, [change({ timedOut: true })], []), [
      'The change request for 310000002 timed out.',
    ]);
  });
});
