import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { plainLocalizer } from '../../../src/platform/presentation';
import type { SystemUserRequest } from '../../../src/platform/systemUsers';
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
