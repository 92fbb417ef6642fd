import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  diagnose,
  formatDiagnosisReport,
  type DiagnoseFacts,
  type VendorFacts,
  type VendorRequestFacts,
} from '../../../src/platform/diagnose';
import { plainLocalizer } from '../../../src/platform/presentation';

const VENDOR = '310000001';
const CUSTOMER = '310000002';
const OTHER = '310000003';
const CLIENT = 'c1a2b3c4-0000-4000-8000-000000000001';
const SYSTEM = `${VENDOR}_inspector`;
const SU_ID = '9d7c0a33-0000-4000-8000-0000000000aa';

const fullScopes = 'digdir:dialogporten altinn:correspondence.read altinn:accessmanagement/authorizedparties';

function systemUserClaims(org = CUSTOMER, scope = fullScopes): Record<string, unknown> {
  return {
    iss: 'https://test.maskinporten.no/',
    client_id: CLIENT,
    scope,
    consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR}` },
    authorization_details: [
      {
        type: 'urn:altinn:systemuser',
        systemuser_id: [SU_ID],
        systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${org}` },
        system_id: SYSTEM,
      },
    ],
  };
}

function request(overrides: Partial<VendorRequestFacts> = {}): VendorRequestFacts {
  return {
    id: 'r-1',
    systemId: SYSTEM,
    customerOrganisation: CUSTOMER,
    externalRef: CUSTOMER,
    status: 'Accepted',
    timedOut: false,
    agent: false,
    resources: ['urn:altinn:resource:svc-a', 'urn:altinn:resource:svc-b'],
    accessPackages: [],
    created: '2026-12-01T10:00:00Z',
    confirmUrl: 'https://am.ui.tt02.altinn.no/accessmanagement/ui/systemuser/request?id=r-1&DONTCHOOSEREPORTEE=true',
    ...overrides,
  };
}

function vendor(overrides: Partial<VendorFacts> = {}): VendorFacts {
  return {
    systems: [{ id: SYSTEM, clientIds: [CLIENT], resources: ['svc-a', 'svc-b'], accessPackages: [] }],
    systemUsers: [
      { id: SU_ID, systemId: SYSTEM, customerOrganisation: CUSTOMER, externalRef: CUSTOMER, userType: 'standard' },
    ],
    requests: [request()],
    ...overrides,
  };
}

function facts(overrides: Partial<DiagnoseFacts> = {}): DiagnoseFacts {
  return {
    feature: 'dialogportenInbox',
    profile: {
      id: 'p1',
      label: 'Vendor',
      kind: 'maskinporten',
      environment: 'tt02',
      clientId: CLIENT,
      systemUserOrg: CUSTOMER,
      intendsSystemUser: true,
    },
    token: { ok: true, claims: systemUserClaims() },
    vendor: vendor(),
    ...overrides,
  };
}

const mp303 = { ok: false as const, mpCode: 'MP-303', message: 'invalid_altinn_customer_configuration' };

describe('Diagnose: the chain from token to rights', () => {
  it('finds nothing wrong when the token carries an accepted system user whose rights cover the system’s services', () => {
    const result = diagnose(facts(), plainLocalizer);
    assert.equal(result.cause, undefined);
    assert.ok(
      result.steps.every((s) => s.verdict === 'ok' || s.verdict === 'skipped'),
      JSON.stringify(result.steps),
    );
  });

  it('names a missing scope and offers a scope request for exactly the missing one', () => {
    const result = diagnose(
      facts({ token: { ok: true, claims: systemUserClaims(CUSTOMER, 'altinn:correspondence.read') } }),
      plainLocalizer,
    );
    assert.equal(result.cause, 'missing-scope');
    const step = result.steps.find((s) => s.id === 'scopes')!;
    assert.deepEqual(step.fix?.arguments, [{ scopes: ['digdir:dialogporten'] }]);
  });

  it('tells a plain Maskinporten token on the end-user API from an exchanged organisation token without a system user', () => {
    const plain = {
      iss: 'https://test.maskinporten.no/',
      client_id: CLIENT,
      scope: fullScopes,
      client_amr: 'private_key_jwt',
    };
    const profile = { ...facts().profile, systemUserOrg: undefined, intendsSystemUser: false };
    assert.equal(
      diagnose(facts({ profile, token: { ok: true, claims: plain } }), plainLocalizer).cause,
      'plain-maskinporten-token',
    );
    const exchanged = { ...plain, 'urn:altinn:authenticatemethod': 'maskinporten', 'urn:altinn:orgNumber': VENDOR };
    assert.equal(
      diagnose(facts({ profile, token: { ok: true, claims: exchanged } }), plainLocalizer).cause,
      'no-system-user-in-token',
    );
    // Authorized parties do not need an end user: the same plain token is fine there.
    assert.equal(
      diagnose(facts({ profile, feature: 'authorizedParties', token: { ok: true, claims: plain } }), plainLocalizer)
        .cause,
      undefined,
    );
  });

  it('names MP-303 with a client id the system does not list', () => {
    const v = vendor({
      systems: [{ id: SYSTEM, clientIds: ['someone-else'], resources: ['svc-a'], accessPackages: [] }],
    });
    const result = diagnose(facts({ token: mp303, vendor: v }), plainLocalizer);
    assert.equal(result.cause, 'client-id-not-on-system');
    assert.deepEqual(result.steps.find((s) => s.cause)?.fix?.arguments, [{ systemId: SYSTEM, addClientId: CLIENT }]);
  });

  it('names MP-303 with a systemuser_org that has neither system user nor request, listing the orgs that do', () => {
    const profile = { ...facts().profile, systemUserOrg: OTHER };
    const result = diagnose(facts({ profile, token: mp303 }), plainLocalizer);
    assert.equal(result.cause, 'wrong-systemuser-org');
    assert.match(result.steps.find((s) => s.cause)!.summary, new RegExp(CUSTOMER));
  });

  it('names an agent system user’s client sent as systemuser_org (it must be the owner)', () => {
    const profile = { ...facts().profile, systemUserOrg: OTHER };
    const v = vendor({
      systemUsers: [
        {
          id: SU_ID,
          systemId: SYSTEM,
          customerOrganisation: CUSTOMER,
          externalRef: CUSTOMER,
          userType: 'agent',
          clientOrganisations: [OTHER],
        },
      ],
    });
    const result = diagnose(facts({ profile, token: mp303, vendor: v }), plainLocalizer);
    assert.equal(result.cause, 'wrong-systemuser-org');
    assert.match(result.steps.find((s) => s.cause)!.summary, /agent system user owned by 310000002/);
  });

  it('names an externalRef that does not match the system user’s', () => {
    const v = vendor({
      systemUsers: [
        { id: SU_ID, systemId: SYSTEM, customerOrganisation: CUSTOMER, externalRef: 'crm-42', userType: 'standard' },
      ],
    });
    assert.equal(diagnose(facts({ token: mp303, vendor: v }), plainLocalizer).cause, 'external-ref-mismatch');
  });

  it('names a pending, a rejected and a timed-out request, and no request at all', () => {
    const pending = vendor({ systemUsers: [], requests: [request({ status: 'New' })] });
    const pendingResult = diagnose(facts({ token: mp303, vendor: pending }), plainLocalizer);
    assert.equal(pendingResult.cause, 'request-pending');
    assert.match(
      String((pendingResult.steps.find((s) => s.cause)!.fix!.arguments![0] as { confirmUrl: string }).confirmUrl),
      /request\?id=r-1/,
    );
    const rejected = vendor({ systemUsers: [], requests: [request({ status: 'Rejected' })] });
    assert.equal(diagnose(facts({ token: mp303, vendor: rejected }), plainLocalizer).cause, 'request-rejected');
    const timedOut = vendor({ systemUsers: [], requests: [request({ status: 'New', timedOut: true })] });
    assert.equal(diagnose(facts({ token: mp303, vendor: timedOut }), plainLocalizer).cause, 'request-timed-out');
    const none = vendor({ systemUsers: [], requests: [] });
    assert.equal(diagnose(facts({ token: mp303, vendor: none }), plainLocalizer).cause, 'no-system-user');
  });

  it('names rights that do not cover the system’s services, and asks for the missing ones in a change request', () => {
    const v = vendor({ requests: [request({ resources: ['urn:altinn:resource:svc-a'] })] });
    const result = diagnose(facts({ vendor: v }), plainLocalizer);
    assert.equal(result.cause, 'rights-do-not-cover');
    const fix = result.steps.find((s) => s.id === 'rights')!.fix!;
    assert.deepEqual(fix.arguments, [{ systemUserId: SU_ID, systemId: SYSTEM, resources: ['svc-b'] }]);
    // An access package may cover the service: a warning, not a verdict.
    const withPackage = vendor({
      requests: [
        request({ resources: ['urn:altinn:resource:svc-a'], accessPackages: ['urn:altinn:accesspackage:post'] }),
      ],
    });
    const warned = diagnose(facts({ vendor: withPackage }), plainLocalizer);
    assert.equal(warned.cause, undefined);
    assert.equal(warned.steps.find((s) => s.id === 'rights')!.verdict, 'warning');
  });

  it('says “cannot tell” rather than guessing when the vendor side could not be read', () => {
    const result = diagnose(facts({ token: mp303, vendor: undefined }), plainLocalizer);
    assert.equal(result.steps.find((s) => s.id === 'customerConfiguration')!.verdict, 'unknown');
    assert.equal(result.cause, 'token-failed');
  });

  it('asks Correspondence for its resources', () => {
    const result = diagnose(facts({ feature: 'correspondence', correspondenceResources: [] }), plainLocalizer);
    assert.equal(result.cause, 'correspondence-needs');
  });

  it('writes a report with every step and no token, even when a message quotes one', () => {
    const jwt =
      'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.c2lnbmF0dXJlc2lnbmF0dXJl';
    const f = facts({ token: { ok: false, message: `refused ${jwt}` } });
    const report = formatDiagnosisReport(f, diagnose(f, plainLocalizer), plainLocalizer, {
      subject: 'Inbox',
      generatedAt: new Date('2026-12-05T00:00:00Z'),
    });
    assert.ok(!report.includes(jwt), 'the token is redacted');
    assert.match(report, /Verdict: No token/);
    assert.match(report, /## 1\. ❌ A token is issued for the profile/);
  });
});
