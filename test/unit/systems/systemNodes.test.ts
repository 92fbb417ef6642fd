import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { plainLocalizer } from '../../../src/platform/presentation';
import type { ChangeRequest, SystemUserRequest, VendorSystemUser } from '../../../src/platform/systemUsers';
import type { VendorSnapshot } from '../../../src/vscode/shared/vendorSnapshot';
import { ageText, systemNodes } from '../../../src/vscode/systems/systemNodes';

const NOW = Date.parse('2026-12-05T12:00:00Z');
const t = plainLocalizer.t;

function request(overrides: Partial<SystemUserRequest>): SystemUserRequest {
  return {
    id: 'r1',
    systemId: '310000001_reader',
    partyOrgNo: '310000002',
    rights: [],
    accessPackages: [],
    status: 'New',
    escalated: false,
    timedOut: false,
    created: '2026-12-05T11:57:00Z',
    ...overrides,
  } as SystemUserRequest;
}

const RIGHT = (value: string) => ({ resource: [{ id: 'urn:altinn:resource', value }] });

function change(overrides: Partial<ChangeRequest>): ChangeRequest {
  return {
    id: 'c1',
    systemId: '310000001_reader',
    systemUserId: 'su1',
    partyOrgNo: '310000002',
    requiredRights: [RIGHT('svc-b')],
    unwantedRights: [RIGHT('svc-a')],
    requiredAccessPackages: [{ urn: 'urn:altinn:accesspackage:regnskapsforer' }],
    unwantedAccessPackages: [],
    status: 'New',
    timedOut: false,
    created: '2026-12-05T10:00:00Z',
    ...overrides,
  } as ChangeRequest;
}

const snapshot: VendorSnapshot = {
  systems: [
    {
      summary: {
        systemId: '310000001_reader',
        name: { nb: 'Leser' },
        description: {},
        rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'svc-a' }] }],
        accessPackages: [],
      } as never,
      system: { clientId: [], allowedRedirectUrls: [] } as never,
      systemUsers: [],
      requests: [
        { kind: 'standard', request: request({ confirmUrl: 'https://example.test/confirm?id=r1' }) },
        { kind: 'agent', request: request({ id: 'r2', timedOut: true, created: '2026-05-01T00:00:00Z' }) },
      ],
      changeRequests: [],
      changeRequestsComplete: true,
      errors: [],
    },
  ],
};

describe('Systems view: rows', () => {
  it('says how old a request is in words', () => {
    assert.equal(ageText('2026-12-05T11:59:40Z', NOW, t), 'just now');
    assert.equal(ageText('2026-12-05T11:57:00Z', NOW, t), '3 min ago');
    assert.equal(ageText('2026-12-05T02:00:00Z', NOW, t), '10 h ago');
    assert.equal(ageText('2026-12-01T12:00:00Z', NOW, t), '4 d ago');
    assert.equal(ageText('0001-01-01T00:00:00', NOW, t), 'age unknown');
  });

  it('shows a request’s status, age and kind, a timed-out New request as Timedout, and warns of a system without client id', () => {
    const [system] = systemNodes(snapshot, 'p1', NOW, t);
    assert.equal(system.label, 'Leser');
    const clients = system.children!.find((c) => c.id.endsWith('/clients'))!;
    assert.equal(clients.label, 'No client id');
    const requests = system.children!.find((c) => c.id.endsWith('/requests'))!.children!;
    assert.deepEqual(
      requests.map((r) => [r.label, r.description, r.contextValue]),
      [
        ['310000002', 'New · 3 min ago', 'request new standard hasConfirmUrl'],
        ['310000002', 'Timedout · 218 d ago · agent', 'request timedout agent'],
      ],
    );
  });
});

describe('Systems view: change request rows', () => {
  const user = {
    id: 'su1',
    systemId: '310000001_reader',
    reporteeOrgNo: '310000002',
    externalRef: '310000002',
    isDeleted: false,
    userType: 'standard',
  } as VendorSystemUser;

  function systemWith(changeRequests: ChangeRequest[], extra: { complete?: boolean; accepted?: boolean } = {}) {
    const entry = snapshot.systems[0];
    const requests = extra.accepted
      ? [{ kind: 'standard' as const, request: request({ id: 'r0', status: 'Accepted', rights: [RIGHT('svc-a')] }) }]
      : [];
    const [system] = systemNodes(
      {
        systems: [
          {
            ...entry,
            systemUsers: [user],
            requests,
            changeRequests,
            changeRequestsComplete: extra.complete ?? true,
          },
        ],
      },
      'p1',
      NOW,
      t,
    );
    const group = (suffix: string) => system.children!.find((c) => c.id.endsWith(suffix))!;
    return { changes: group('/changeRequests'), users: group('/systemUsers') };
  }

  it('shows each status with its age, what it adds and removes, and a confirm URL only where Altinn gave one', () => {
    const statuses: [Partial<ChangeRequest>, string, string][] = [
      [{ id: 'n', confirmUrl: 'https://example.test/changerequest?id=n' }, 'New', 'changeRequest new hasConfirmUrl'],
      [{ id: 'a', status: 'Accepted' }, 'Accepted', 'changeRequest accepted'],
      [{ id: 'r', status: 'Rejected' }, 'Rejected', 'changeRequest rejected'],
      [{ id: 'd', status: 'Denied' }, 'Denied', 'changeRequest denied'],
      [{ id: 't', timedOut: true }, 'Timedout', 'changeRequest timedout'],
      [{ id: 'x', status: 'NoChangeNeeded' }, 'NoChangeNeeded', 'changeRequest nochangeneeded'],
    ];
    const { changes } = systemWith(statuses.map(([overrides]) => change(overrides)));
    assert.equal(changes.description, '6');
    assert.deepEqual(
      changes.children!.map((row) => [row.kind, row.label, row.description, row.contextValue]),
      statuses.map(([, status, contextValue]) => [
        'changeRequest',
        '310000002',
        `${status} · 2 h ago · +svc-b +regnskapsforer −svc-a`,
        contextValue,
      ]),
    );
    const icons = changes.children!.map((row) => row.icon?.id);
    assert.deepEqual(icons, ['clock', 'pass', 'close', 'close', 'watch', 'check']);
    const [pending] = changes.children!;
    assert.deepEqual(
      pending.children!.map((row) => [row.label, row.description]),
      [
        ['+ svc-b', 'right to add'],
        ['+ regnskapsforer', 'access package to add'],
        ['− svc-a', 'right to remove'],
      ],
    );
    assert.match(pending.tooltip!, /Rights to add: svc\\-b/);
    assert.match(pending.tooltip!, /Rights to remove: svc\\-a/);
    assert.match(pending.tooltip!, /System user: `su1`/);
    assert.equal(pending.changeRequest?.id, 'n');
  });

  it('says when Altinn listed only its first page', () => {
    const { changes } = systemWith([change({})], { complete: false });
    assert.equal(changes.children!.at(-1)!.label, 'Altinn lists only the first 1 change requests');
    assert.equal(systemWith([change({})]).changes.children!.length, 1);
  });

  it('a system user shows the rights of its request with accepted change requests applied, pending ones not', () => {
    const { users } = systemWith(
      [
        change({ id: 'late', status: 'New', requiredRights: [RIGHT('svc-c')], unwantedRights: [] }),
        change({ id: 'done', status: 'Accepted' }),
      ],
      { accepted: true },
    );
    const [row] = users.children!;
    assert.match(String(row.description), /^standard · 1 right · 1 package$/);
    assert.match(row.tooltip!, /Rights \(its request and accepted change requests\): svc\\-b\n/);
    assert.match(row.tooltip!, /Access packages: urn:altinn:accesspackage:regnskapsforer$/);
  });
});
