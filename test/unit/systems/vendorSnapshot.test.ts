import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { ChangeRequest, SystemUserRequest } from '../../../src/platform/systemUsers';
import { loadVendorSnapshot, pendingChangeRequests } from '../../../src/vscode/shared/vendorSnapshot';
import type { VendorClients } from '../../../src/vscode/shared/vendorClients';

const SYSTEM = '310000001_reader';

function changeRequest(id: string, status: string, created: string): ChangeRequest {
  return {
    id,
    systemId: SYSTEM,
    systemUserId: 'su1',
    partyOrgNo: '310000002',
    requiredRights: [],
    unwantedRights: [],
    requiredAccessPackages: [],
    unwantedAccessPackages: [],
    status,
    timedOut: false,
    created,
  } as ChangeRequest;
}

/** Clients that answer from memory; `fail` names the calls that throw. */
function fakeClients(fail: readonly string[] = [], complete = true): { clients: VendorClients; calls: string[] } {
  const calls: string[] = [];
  const call = async <T>(name: string, value: T): Promise<T> => {
    calls.push(name);
    if (fail.includes(name)) throw new Error(`${name} failed`);
    return value;
  };
  const listed = [
    changeRequest('c-old', 'Accepted', '2026-12-01T00:00:00Z'),
    changeRequest('c-new', 'New', '2026-12-05T00:00:00Z'),
  ];
  const clients = {
    register: {
      list: () => call('register.list', [{ systemId: SYSTEM, name: { nb: 'Leser' }, rights: [], accessPackages: [] }]),
      get: () => call('register.get', { id: SYSTEM, clientId: ['c'], allowedRedirectUrls: [] }),
    },
    systemUsers: { listBySystem: () => call('systemUsers.bySystem', [{ id: 'su1', reporteeOrgNo: '310000002' }]) },
    requests: {
      listBySystem: (kind: string) => call(`requests.${kind}`, [] as SystemUserRequest[]),
      get: () => call('requests.get', undefined),
    },
    changeRequests: {
      listBySystem: () => call('changeRequests.bySystem', { items: listed, complete }),
      get: (id: string) =>
        call('changeRequests.get', { ...listed.find((c) => c.id === id)!, confirmUrl: `confirm/${id}` }),
    },
  } as unknown as VendorClients;
  return { clients, calls };
}

describe('Systems view: the vendor snapshot', () => {
  it("loads each system's change requests, newest first, with the confirm URL of those still New", async () => {
    const { clients, calls } = fakeClients();
    const snapshot = await loadVendorSnapshot(clients);
    const [entry] = snapshot.systems;
    assert.deepEqual(
      entry.changeRequests.map((c) => [c.id, c.status, c.confirmUrl ?? null]),
      [
        ['c-new', 'New', 'confirm/c-new'],
        ['c-old', 'Accepted', null],
      ],
    );
    assert.equal(entry.changeRequestsComplete, true);
    assert.deepEqual(entry.errors, []);
    assert.equal(calls.filter((c) => c === 'changeRequests.get').length, 1, 'only the pending one is read again');
    assert.deepEqual(
      pendingChangeRequests(snapshot).map((c) => c.id),
      ['c-new'],
    );
  });

  it('a failing change-request list is recorded under its part; the rest of the system still loads', async () => {
    const { clients } = fakeClients(['changeRequests.bySystem']);
    const [entry] = (await loadVendorSnapshot(clients)).systems;
    assert.deepEqual(
      entry.errors.map((e) => [e.part, (e.error as Error).message]),
      [['changeRequests', 'changeRequests.bySystem failed']],
    );
    assert.deepEqual(entry.changeRequests, []);
    assert.equal(entry.systemUsers.length, 1);
    assert.ok(entry.system);
  });

  it('another failing part leaves the change requests; a failed re-read keeps the listed item', async () => {
    const { clients } = fakeClients(['requests.agent', 'changeRequests.get'], false);
    const [entry] = (await loadVendorSnapshot(clients)).systems;
    assert.deepEqual(
      entry.errors.map((e) => e.part),
      ['requests', 'changeRequests'],
    );
    assert.deepEqual(
      entry.changeRequests.map((c) => [c.id, c.confirmUrl ?? null]),
      [
        ['c-new', null],
        ['c-old', null],
      ],
    );
    assert.equal(entry.changeRequestsComplete, false);
  });
});
