import assert from 'node:assert/strict';
import { environmentNodes, profileChildren, profileNodes } from '../../../src/vscode/connections/profileNodes';
import { fixActions, relativeTime } from '../../../src/vscode/connections/tokenNodes';
import { identityFromClaims } from '../../../src/platform/auth/tokenIdentity';
import { nextRefreshAt } from '../../../src/vscode/connections/refreshSchedule';
import type { NodeSpec } from '../../../src/vscode/connections/nodeSpec';
import { plainLocalizer } from '../../../src/platform/presentation';
import type { ConnectionProfile, MaskinportenProfile } from '../../../src/vscode/profiles/profile';
import type { TokenState } from '../../../src/vscode/tokenState';

const t = plainLocalizer.t;
const timeOfDay = (date: Date) => date.toISOString().slice(11, 16);

const client: MaskinportenProfile = {
  id: 'p1',
  label: 'tt02 client',
  environment: 'tt02',
  createdAt: '2025-01-01T00:00:00Z',
  kind: 'maskinporten',
  clientId: '2f1c9a4e-7b3d-4c21-9e55-0a8b6f3d2c11',
  scopes: ['digdir:dialogporten'],
  keySource: 'generated',
  kid: 'altinn-inbox-20250101-abcdef',
  exchangeToAltinn: false,
};
const systemUserClient: MaskinportenProfile = {
  ...client,
  id: 'p5',
  label: 'tt02 system user',
  systemUserOrg: '310000002',
};
/** As Altinn's token exchange writes a single entry: an object, not Maskinporten's one-element array. */
const SYSTEM_USER_DETAIL = {
  type: 'urn:altinn:systemuser',
  systemuser_id: ['a2b4c6d8-0000-4000-8000-000000000001'],
  systemuser_org: { authority: 'iso6523-actorid-upis', ID: '0192:310000002' },
  system_id: '310000001_inbox',
};
const pasted: ConnectionProfile = {
  id: 'p2',
  label: 'pasted',
  environment: 'tt02',
  createdAt: '2025-01-01T00:00:00Z',
  kind: 'token',
};
const person: ConnectionProfile = {
  id: 'p3',
  label: 'Sandbox person',
  environment: 'sandbox',
  createdAt: '2025-01-01T00:00:00Z',
  kind: 'sandbox',
  identity: { type: 'person' },
};
const production: ConnectionProfile = { ...client, id: 'p4', label: 'prod', environment: 'production' };

function valid(
  scopes: string[],
  claims: Record<string, unknown> = {},
  expiresAt = new Date('2025-03-01T14:05:00Z'),
): TokenState {
  return {
    status: 'valid',
    expiresAt,
    claims: {
      scope: scopes.join(' '),
      iat: expiresAt.getTime() / 1000 - 120,
      exp: expiresAt.getTime() / 1000,
      ...claims,
    },
    scopes,
  };
}

function find(nodes: readonly NodeSpec[], kind: NodeSpec['kind']): NodeSpec {
  const node = nodes.find((n) => n.kind === kind);
  assert.ok(node, `a ${kind} node`);
  return node;
}

describe('connections model: the Connections tree as data', () => {
  it('lists only environments with profiles, in the fixed order, and marks the active one', () => {
    const nodes = environmentNodes([production, client, person], 'p1', t);
    assert.deepEqual(
      nodes.map((n) => n.label),
      ['Sandbox', 'tt02', 'Production'],
    );
    assert.match(nodes[1].description ?? '', /active/);
    assert.doesNotMatch(nodes[0].description ?? '', /active/);
    assert.equal(nodes[2].icon?.id, 'warning', 'production is flagged');
    assert.equal(new Set(nodes.map((n) => n.id)).size, 3);
  });

  it('marks the active profile in its contextValue tokens, description and expansion', () => {
    const [active, other] = profileNodes([client, pasted], 'tt02', 'p1', t);
    assert.equal(active.contextValue, 'profile;active;maskinporten;kid');
    assert.equal(other.contextValue, 'profile;inactive;token');
    assert.match(active.description ?? '', /active/);
    assert.equal(active.collapsible, 'expanded');
    assert.equal(other.collapsible, 'collapsed');
    assert.match(/^profile;inactive;/.source, /inactive/);
    assert.ok(
      /^profile;inactive;/.test(other.contextValue!) && !/^profile;inactive;/.test(active.contextValue!),
      'the "Use This Profile" when-clause regex matches only inactive rows',
    );
  });

  it('shows "valid until hh:mm", the identity from the claims and a feature checklist that follows the scopes', () => {
    const nodes = profileChildren({
      profile: systemUserClient,
      state: valid(['digdir:dialogporten'], {
        consumer: { ID: '0192:310000001' },
        authorization_details: SYSTEM_USER_DETAIL,
      }),
      nowMs: Date.parse('2025-03-01T14:00:00Z'),
      t,
      timeOfDay,
    });
    const token = find(nodes, 'token');
    assert.equal(token.label, 'Token valid until 14:05');
    assert.equal(token.command?.command, 'altinnInbox.inspectToken');
    assert.equal(find(nodes, 'identity').description, 'system user for 310000002');
    const scopes = find(nodes, 'scopes');
    const features = scopes.children!.filter((n) => n.kind === 'feature');
    const inbox = features.find((f) => f.id.endsWith('dialogportenInbox'))!;
    const correspondence = features.find((f) => f.id.endsWith('correspondence'))!;
    assert.match(inbox.label, /^✓ Dialogporten inbox/);
    assert.equal(inbox.contextValue, 'feature;ready');
    assert.match(correspondence.label, /^✗/);
    assert.equal(correspondence.contextValue, 'feature;missing');
    assert.deepEqual(correspondence.missingScopes, ['altinn:correspondence.read']);
    const scopeRow = scopes.children!.find((n) => n.kind === 'scope')!;
    assert.equal(scopeRow.label, 'digdir:dialogporten');
    assert.match(scopeRow.description ?? '', /Dialogporten/);

    const more = profileChildren({
      profile: systemUserClient,
      state: valid(['digdir:dialogporten', 'altinn:correspondence.read'], {
        authorization_details: [SYSTEM_USER_DETAIL],
      }),
      nowMs: 0,
      t,
      timeOfDay,
    });
    const after = find(more, 'scopes').children!.find((f) => f.id.endsWith(':correspondence'))!;
    assert.equal(after.contextValue, 'feature;ready', 'adding the scope ticks the feature');
    assert.match(find(more, 'scopes').description ?? '', /2 scope\(s\) · 2\/6 features ready/);
  });

  it('marks the Dialogporten inbox "needs a system user" for a plain Maskinporten token, with a Fix that opens the profile\'s system-user step', () => {
    const nodes = profileChildren({
      profile: client,
      state: valid(['digdir:dialogporten', 'altinn:correspondence.read'], { consumer: { ID: '0192:310000001' } }),
      nowMs: 0,
      t,
      timeOfDay,
    });
    assert.equal(find(nodes, 'identity').description, 'organisation 310000001');
    const scopes = find(nodes, 'scopes');
    const inbox = scopes.children!.find((f) => f.id.endsWith(':dialogportenInbox'))!;
    assert.equal(inbox.label, '✗ Dialogporten inbox');
    assert.equal(inbox.description, 'needs a system user (or a person)');
    assert.equal(inbox.contextValue, 'feature;needsEndUser', 'no "Draft scope request" on it: no scope would help');
    assert.deepEqual(inbox.missingScopes, []);
    assert.match(inbox.tooltip!(), /unable to determine valid user type/);
    const fix = inbox.children?.[0];
    assert.equal(fix?.kind, 'fix');
    assert.equal(fix?.label, 'Add a system user to the profile…');
    assert.deepEqual(fix?.command, {
      command: 'altinnInbox.editProfile',
      title: 'Add a system user to the profile…',
      arguments: [{ profileId: 'p1', field: 'systemUser' }],
    });
    assert.equal(
      scopes.children!.find((f) => f.id.endsWith(':correspondence'))?.contextValue,
      'feature;ready',
      'Correspondence has no user-type gate',
    );
    assert.match(scopes.description ?? '', /1\/6 features ready/);

    const noToken = profileChildren({ profile: client, state: { status: 'unknown' }, nowMs: 0, t, timeOfDay });
    assert.equal(
      find(noToken, 'scopes').children!.find((f) => f.id.endsWith(':dialogportenInbox'))?.contextValue,
      'feature;needsEndUser',
      'before any token, from the profile',
    );
    const withSystemUser = profileChildren({
      profile: systemUserClient,
      state: { status: 'unknown' },
      nowMs: 0,
      t,
      timeOfDay,
    });
    assert.equal(
      find(withSystemUser, 'scopes').children!.find((f) => f.id.endsWith(':dialogportenInbox'))?.contextValue,
      'feature;ready',
    );
    const pastedOrg = profileChildren({
      profile: pasted,
      state: valid(['digdir:dialogporten'], { consumer: { ID: '0192:310000001' } }),
      nowMs: 0,
      t,
      timeOfDay,
    });
    assert.equal(
      find(pastedOrg, 'scopes').children!.find((f) => f.id.endsWith(':dialogportenInbox'))?.children?.[0].command
        ?.command,
      'altinnInbox.pasteToken',
    );
  });

  it('reads person, system user and consumer from Maskinporten, Altinn and test-token claims', () => {
    assert.deepEqual(
      identityFromClaims({
        consumer: { ID: '0192:310000001' },
        authorization_details: [
          {
            type: 'urn:altinn:systemuser',
            systemuser_id: ['a-b'],
            systemuser_org: { ID: '0192:310000002' },
            system_id: '310000001_sys',
          },
        ],
        client_id: 'c1',
      }),
      {
        consumerOrganisationNumber: '310000001',
        systemUserId: 'a-b',
        systemUserOrganisationNumber: '310000002',
        systemId: '310000001_sys',
        person: undefined,
        clientId: 'c1',
        altinnUserId: undefined,
        partyId: undefined,
      },
    );
    assert.equal(identityFromClaims({ pid: '01017012345', 'urn:altinn:partyid': 501 }).person, '01017012345');
    assert.equal(identityFromClaims({ 'urn:altinn:orgNumber': '310000003' }).consumerOrganisationNumber, '310000003');
  });

  it('explains an error in plain words with fixes chosen from the MP code', () => {
    const state: TokenState = {
      status: 'error',
      message: 'A requested scope is not registered on the client.',
      likelyCause: 'the scope was not added',
      fix: 'Add the scope',
      code: 'MP-200',
      errorKind: 'maskinporten',
    };
    const nodes = profileChildren({ profile: client, state, nowMs: 0, t, timeOfDay });
    const token = find(nodes, 'token');
    assert.equal(token.label, 'Token error: A requested scope is not registered on the client.');
    assert.equal(token.contextValue, 'token;error');
    const labels = token.children!.map((c) => c.label);
    assert.ok(labels.includes('Likely cause: the scope was not added'));
    assert.ok(labels.includes('Fix: Add the scope'));
    const draft = token.children!.find((c) => c.command?.command === 'altinnInbox.requestMissingScopes');
    assert.deepEqual(draft?.command?.arguments, [{ scopes: ['digdir:dialogporten'] }]);
    assert.ok(
      token.children!.some(
        (c) =>
          c.command?.command === 'altinnInbox.editProfile' &&
          (c.command.arguments?.[0] as { field: string }).field === 'scopes',
      ),
    );
    assert.equal(find(nodes, 'scopes').label, 'Scopes (asked for; no token yet)');

    const keyFixes = fixActions(client, { status: 'error', message: 'x', code: 'MP-120' }, t).map((a) => a.id);
    assert.deepEqual(keyFixes, ['export', 'edit-key', 'retry', 'log']);
    assert.deepEqual(
      fixActions(client, { status: 'error', message: 'x', code: 'MP-303' }, t).map((a) => a.id),
      ['edit-systemUser', 'retry', 'log'],
    );
    assert.deepEqual(
      fixActions(pasted, { status: 'expired', expiresAt: new Date(0) }, t).map((a) => a.id),
      ['paste', 'log'],
      'a pasted token cannot be retried, only replaced',
    );
  });

  it('gives every row of a profile a stable id', () => {
    const state = valid(['digdir:dialogporten', 'altinn:correspondence.read'], { pid: '01017012345' });
    const ids = (nodes: readonly NodeSpec[]): string[] => nodes.flatMap((n) => [n.id, ...ids(n.children ?? [])]);
    const first = ids(profileChildren({ profile: person, state, nowMs: 0, t, timeOfDay }));
    const second = ids(profileChildren({ profile: person, state, nowMs: 1000, t, timeOfDay }));
    assert.deepEqual(first, second);
    assert.equal(new Set(first).size, first.length, 'ids are unique');
  });

  it('schedules token renewal shortly before the earliest expiry, pasted tokens at expiry', () => {
    const now = Date.parse('2025-03-01T14:00:00Z');
    const soon = valid([], {}, new Date(now + 120_000));
    const later = valid([], {}, new Date(now + 600_000));
    const next = nextRefreshAt(
      [
        { profileId: 'a', state: later, refreshable: true },
        { profileId: 'b', state: soon, refreshable: true },
      ],
      now,
    );
    assert.deepEqual(next, { atMs: now + 120_000 - 12_000, profileIds: ['b'] }, '10 % of a 120 s lifetime early');
    assert.equal(nextRefreshAt([{ profileId: 'p', state: soon, refreshable: false }], now)?.atMs, now + 120_000);
    assert.equal(
      nextRefreshAt([{ profileId: 'e', state: { status: 'error', message: 'x' }, refreshable: true }], now),
      undefined,
      'nothing to renew: no timer',
    );
    assert.equal(relativeTime(-180_000, t), '3 min ago');
    assert.equal(relativeTime(45_000, t), 'in 45 s');
  });
});
