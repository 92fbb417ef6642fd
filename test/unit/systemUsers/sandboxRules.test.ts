import assert from 'node:assert/strict';
import { AuthorizedPartiesClient, flattenAuthorizedParties } from '../../../src/platform/access';
import { decodeJwtUnverified } from '../../../src/platform/auth';
import { MaskinportenError } from '../../../src/platform/errors';
import { organizationUrn } from '../../../src/platform/identifiers';
import {
  SYSTEM_REGISTER_WRITE,
  SYSTEM_USER_REQUEST_READ,
  SYSTEM_USER_REQUEST_WRITE,
} from '../../../src/platform/scopes';
import { resourceRight } from '../../../src/platform/systemUsers';
import { SEEDED_REDIRECT_URL } from '../../../src/sandbox/systemRegister';
import { sandboxToken, useSandbox } from '../helpers/sandbox';
import {
  addForeignSystem,
  answerAtConfirmUrl,
  freshCustomer,
  rawVendorCall,
  testHttp,
  vendorClients,
  vendorOf,
} from './setup';

const FOREIGN_VENDOR = '974761076';
const PARTIES_SCOPE = 'altinn:accessmanagement/authorizedparties';
const ACCOUNTANT = 'urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet';

const json = (text: string): Record<string, unknown> => JSON.parse(text) as Record<string, unknown>;

/** The sandbox's rules for the system register and system users, one by one, as Altinn Authentication enforces them. */
describe('sandbox: system register and system-user rules', () => {
  const sandbox = useSandbox({ dialogs: 10, systemUserPageSize: 2 });
  const http = testHttp();
  const manager = () => sandbox().context.world.defaultPerson.nationalIdentityNumber;

  const standardRequest = (customer: string, extra: Record<string, unknown> = {}) => ({
    systemId: vendorOf(sandbox()).systemId,
    partyOrgNo: customer,
    rights: [resourceRight('skd-mva-melding')],
    ...extra,
  });

  it('owner check: the vendor is the token’s consumer; another vendor’s system is forbidden or not found', async () => {
    const foreignId = `${FOREIGN_VENDOR}_foreign_rules`;
    addForeignSystem(sandbox(), FOREIGN_VENDOR, foreignId);
    const scopes = [SYSTEM_REGISTER_WRITE];
    const get = await rawVendorCall(sandbox(), `systemregister/vendor/${foreignId}`, { scopes });
    assert.equal(get.status, 403);
    assert.equal(get.text, '', 'Forbid() has no body');
    const create = await rawVendorCall(sandbox(), 'systemregister/vendor', {
      method: 'POST',
      scopes,
      body: { id: 'bad id', vendor: { ID: `0192:${FOREIGN_VENDOR}` }, name: { nb: 'x' }, description: { nb: 'x' } },
    });
    assert.equal(create.status, 403, 'the owner check wins over the validation errors');
    const request = await rawVendorCall(sandbox(), 'systemuser/request/vendor', {
      method: 'POST',
      scopes: [SYSTEM_USER_REQUEST_WRITE],
      body: { ...standardRequest(freshCustomer(sandbox(), foreignId)), systemId: foreignId },
    });
    assert.equal(request.status, 404);
    assert.equal(json(request.text).code, 'AUTH-00011');
  });

  it('the triple is the key: an existing request comes back with 200 (even rejected), an existing system user is AUTH-00004', async () => {
    const customer = freshCustomer(sandbox(), vendorOf(sandbox()).systemId);
    const scopes = [SYSTEM_USER_REQUEST_WRITE];
    const body = standardRequest(customer, { externalRef: 'triple' });
    const created = await rawVendorCall(sandbox(), 'systemuser/request/vendor', { method: 'POST', scopes, body });
    assert.equal(created.status, 201);
    const id = json(created.text).id as string;
    assert.equal(
      created.headers.get('location'),
      `${sandbox().urls.platformBase}/authentication/api/v1/systemuser/request/${id}`,
    );
    const rejected = await answerAtConfirmUrl(json(created.text).confirmUrl as string, {
      person: manager(),
      decision: 'reject',
    });
    assert.equal(rejected.status, 200);
    const again = await rawVendorCall(sandbox(), 'systemuser/request/vendor', { method: 'POST', scopes, body });
    assert.equal(again.status, 200);
    assert.equal(json(again.text).id, id);
    assert.equal(json(again.text).status, 'Rejected');

    const seeded = sandbox().context.world.systemUsers.find((u) => u.userType !== 'agent' && !u.externalRef)!;
    const existingUser = await rawVendorCall(sandbox(), 'systemuser/request/vendor', {
      method: 'POST',
      scopes,
      body: standardRequest(seeded.organisationNumber),
    });
    assert.equal(existingUser.status, 400);
    assert.equal(json(existingUser.text).code, 'AUTH-00004');
  });

  it('rights and packages must be on the system, and of the kind the request type allows', async () => {
    const scopes = [SYSTEM_USER_REQUEST_WRITE];
    const customer = freshCustomer(sandbox(), vendorOf(sandbox()).systemId);
    const cases: [string, Record<string, unknown>, string][] = [
      ['vendor', standardRequest(customer, { rights: [resourceRight('not-on-the-system')] }), 'AUTH-00001'],
      ['vendor', standardRequest(customer, { rights: [], accessPackages: [] }), 'AUTH-00059'],
      ['vendor', standardRequest(customer, { rights: undefined, accessPackages: [{ urn: ACCOUNTANT }] }), 'AUTH-00064'],
      [
        'vendor',
        standardRequest(customer, { accessPackages: [{ urn: 'urn:altinn:accesspackage:nope' }] }),
        'AUTH-00063',
      ],
      ['vendor/agent', { systemId: vendorOf(sandbox()).systemId, partyOrgNo: customer }, 'AUTH-00058'],
      [
        'vendor/agent',
        {
          systemId: vendorOf(sandbox()).systemId,
          partyOrgNo: customer,
          accessPackages: [{ urn: 'urn:altinn:accesspackage:merverdiavgift' }],
        },
        'AUTH-00065',
      ],
      ['vendor', standardRequest('999999999'), 'AUTH-00000'],
    ];
    for (const [path, body, code] of cases) {
      const answer = await rawVendorCall(sandbox(), `systemuser/request/${path}`, { method: 'POST', scopes, body });
      assert.equal(answer.status, 400, `${code}: ${answer.text}`);
      assert.equal(json(answer.text).code, code);
    }
  });

  it('a redirect URL must match an allowed one on scheme, host, port and path (the query is ignored)', async () => {
    const scopes = [SYSTEM_USER_REQUEST_WRITE];
    const customer = freshCustomer(sandbox(), vendorOf(sandbox()).systemId);
    const post = (redirectUrl: string, externalRef: string) =>
      rawVendorCall(sandbox(), 'systemuser/request/vendor', {
        method: 'POST',
        scopes,
        body: standardRequest(customer, { redirectUrl, externalRef }),
      });
    assert.equal(json((await post(`${SEEDED_REDIRECT_URL}/other`, 'r1')).text).code, 'AUTH-00021');
    assert.equal(json((await post(SEEDED_REDIRECT_URL.replace('https:', 'http:'), 'r2')).text).code, 'AUTH-00021');
    const ok = await post(`${SEEDED_REDIRECT_URL}?customer=1`, 'r3');
    assert.equal(ok.status, 201);
    assert.equal(json(ok.text).redirectUrl, `${SEEDED_REDIRECT_URL}?customer=1`, 'kept exactly as given');

    const { register } = vendorClients(sandbox(), http());
    const { orgNo } = vendorOf(sandbox());
    await register.create({
      id: `${orgNo}_no_redirects`,
      vendorOrganisationNumber: orgNo,
      name: { nb: 'Uten' },
      description: { nb: 'Uten' },
      rights: [resourceRight('skd-mva-melding')],
    });
    const none = await rawVendorCall(sandbox(), 'systemuser/request/vendor', {
      method: 'POST',
      scopes,
      body: { ...standardRequest(customer), systemId: `${orgNo}_no_redirects`, redirectUrl: SEEDED_REDIRECT_URL },
    });
    assert.equal(json(none.text).code, 'AUTH-00026');
  });

  it('pages end with links {} and continue with a base64url JSON token on the sandbox’s own URL', async () => {
    const { systemId } = vendorOf(sandbox());
    const first = await rawVendorCall(sandbox(), `systemuser/vendor/bysystem/${systemId}`, {
      scopes: [SYSTEM_REGISTER_WRITE],
    });
    const next = (json(first.text).links as { next: string }).next;
    assert.ok(next.startsWith(`${sandbox().urls.baseUrl}/authentication/api/v1/systemuser/vendor/bysystem/`));
    const token = new URL(next).searchParams.get('token')!;
    assert.match(token, /^[A-Za-z0-9_-]+$/, 'base64url without padding');
    assert.equal(JSON.parse(Buffer.from(token, 'base64url').toString()), 3, 'the next page starts at sequence 3');
    let page = json(first.text);
    for (let i = 0; i < 10 && (page.links as { next?: string }).next; i++) {
      const url = new URL((page.links as { next: string }).next);
      page = json(
        (
          await rawVendorCall(sandbox(), `${url.pathname.replace('/authentication/api/v1/', '')}${url.search}`, {
            scopes: [SYSTEM_REGISTER_WRITE],
          })
        ).text,
      );
    }
    assert.deepEqual(page.links, {}, 'the last page has an empty links object');
  });

  it('Maskinporten issues a system-user token only after approval (MP-303 before), for the system’s client', async () => {
    const { systemId } = vendorOf(sandbox());
    const customer = freshCustomer(sandbox(), systemId);
    await assert.rejects(
      sandboxToken(sandbox(), { scopes: [PARTIES_SCOPE], systemUserOrg: customer }),
      (error: unknown) =>
        error instanceof MaskinportenError &&
        error.mpCode === 'MP-303' &&
        /invalid_altinn_customer_configuration/.test(error.errorDescription ?? ''),
    );
    const { requests, systemUsers } = vendorClients(sandbox(), http());
    const { request } = await requests.create('standard', {
      systemId,
      customerOrganisationNumber: customer,
      rights: [resourceRight('skd-mva-melding'), resourceRight('nav-sykmelding')],
    });
    const page = await answerAtConfirmUrl(request.confirmUrl!, { person: manager(), decision: 'approve' });
    assert.equal(page.status, 200);
    assert.equal((await requests.get('standard', request.id)).status, 'Accepted');

    const user = await systemUsers.byQuery({ systemId, customerOrganisationNumber: customer });
    assert.ok(user, 'byquery finds the new system user');
    const maskinportenToken = await sandboxToken(sandbox(), { scopes: [PARTIES_SCOPE], systemUserOrg: customer });
    const details = decodeJwtUnverified(maskinportenToken).claims.authorization_details as {
      systemuser_id: string[];
    }[];
    assert.deepEqual(details[0].systemuser_id, [user.id]);
    const token = await sandboxToken(sandbox(), { scopes: [PARTIES_SCOPE], systemUserOrg: customer, altinn: true });
    const parties = await new AuthorizedPartiesClient({
      platformBase: sandbox().urls.platformBase,
      http: http(),
      getToken: async () => token,
    }).list();
    assert.deepEqual(
      flattenAuthorizedParties(parties)
        .filter((p) => !p.onlyHierarchyElementWithNoAccess)
        .map((p) => [p.organizationNumber, p.authorizedResources]),
      [[customer, ['skd-mva-melding', 'nav-sykmelding']]],
      'the system user sees its customer with exactly the approved rights',
    );
  });

  it('a system that no longer lists the client id, or was deleted, gives MP-303 again', async () => {
    const seeded = sandbox().context.world.systemUsers.find((u) => u.userType !== 'agent' && !u.externalRef)!;
    const { register } = vendorClients(sandbox(), http());
    const system = await register.get(seeded.systemId);
    const definition = {
      id: system.id,
      vendorOrganisationNumber: system.vendor.ID.slice(5),
      name: system.name,
      description: system.description,
      rights: system.rights.map((r) => ({ resource: r.resource })),
      accessPackages: system.accessPackages,
      isVisible: system.isVisible,
      allowedRedirectUrls: system.allowedRedirectUrls,
    };
    await register.update({ ...definition, clientIds: [] });
    await assert.rejects(
      sandboxToken(sandbox(), { scopes: [PARTIES_SCOPE], systemUserOrg: seeded.organisationNumber }),
      (error: unknown) =>
        error instanceof MaskinportenError &&
        error.mpCode === 'MP-303' &&
        /lists client/.test(error.errorDescription ?? ''),
    );
    await register.update({ ...definition, clientIds: system.clientId });
    assert.ok(await sandboxToken(sandbox(), { scopes: [PARTIES_SCOPE], systemUserOrg: seeded.organisationNumber }));
  });

  it('only a New request can be answered (409 AUTH-00013), only by an access manager; others may escalate', async () => {
    const { systemId } = vendorOf(sandbox());
    const customer = freshCustomer(sandbox(), systemId);
    const { requests } = vendorClients(sandbox(), http());
    const { request } = await requests.create('standard', {
      systemId,
      customerOrganisationNumber: customer,
      externalRef: 'answers',
      rights: [resourceRight('skd-mva-melding')],
    });
    const party = organizationUrn(customer);
    const linked = [...sandbox().context.world.personAccess.entries()].find(([, access]) =>
      access.some((a) => a.party === party && !(a.roles ?? []).includes('DAGL')),
    )?.[0];
    if (linked) {
      const refused = await answerAtConfirmUrl(request.confirmUrl!, { person: linked, decision: 'approve' });
      assert.equal(refused.status, 403);
      assert.match(refused.html, /AUTH-00066/);
      assert.equal(
        (await answerAtConfirmUrl(request.confirmUrl!, { person: linked, decision: 'escalate' })).status,
        200,
      );
      assert.equal((await requests.get('standard', request.id)).escalated, true);
    }
    assert.equal(
      (await answerAtConfirmUrl(request.confirmUrl!, { person: manager(), decision: 'reject' })).status,
      200,
    );
    assert.equal((await requests.get('standard', request.id)).status, 'Rejected');
    const late = await answerAtConfirmUrl(request.confirmUrl!, { person: manager(), decision: 'approve' });
    assert.equal(late.status, 409);
    assert.match(late.html, /AUTH-00013/);
    assert.equal((await requests.get('standard', request.id)).status, 'Rejected');
  });

  it('an approved agent request gives a token for the owner only; its clients are parties, the owner’s org is not', async () => {
    const { systemId } = vendorOf(sandbox());
    const firm = freshCustomer(sandbox(), systemId);
    const clientOrgs = sandbox()
      .context.world.organisations.filter((o) => !o.isDeleted && o.organisationNumber !== firm)
      .slice(0, 2)
      .map((o) => o.organisationNumber);
    const { requests } = vendorClients(sandbox(), http());
    const { request } = await requests.create('agent', {
      systemId,
      customerOrganisationNumber: firm,
      externalRef: 'firm',
      accessPackages: [{ urn: ACCOUNTANT }],
    });
    await answerAtConfirmUrl(request.confirmUrl!, { person: manager(), decision: 'approve', clients: clientOrgs });
    assert.equal((await requests.get('agent', request.id)).status, 'Accepted');
    await assert.rejects(
      sandboxToken(sandbox(), { scopes: [PARTIES_SCOPE], systemUserOrg: clientOrgs[0], externalRef: 'firm' }),
      (error: unknown) =>
        error instanceof MaskinportenError &&
        error.mpCode === 'MP-303' &&
        new RegExp(`systemuser_org must be the agent system user's owner ${firm}`).test(error.errorDescription ?? ''),
    );
    const token = await sandboxToken(sandbox(), {
      scopes: [PARTIES_SCOPE],
      systemUserOrg: firm,
      externalRef: 'firm',
      altinn: true,
    });
    const parties = await new AuthorizedPartiesClient({
      platformBase: sandbox().urls.platformBase,
      http: http(),
      getToken: async () => token,
    }).list();
    const granted = flattenAuthorizedParties(parties).filter((p) => !p.onlyHierarchyElementWithNoAccess);
    assert.deepEqual(granted.map((p) => p.organizationNumber).sort(), [...clientOrgs].sort());
    assert.ok(granted.every((p) => p.authorizedAccessPackages.includes(ACCOUNTANT)));
  });

  it('needs the scope of each endpoint: listing system users takes the register scope, byquery the request write scope', async () => {
    const { systemId } = vendorOf(sandbox());
    const list = (scopes: string[]) => rawVendorCall(sandbox(), `systemuser/vendor/bysystem/${systemId}`, { scopes });
    assert.equal((await list([SYSTEM_USER_REQUEST_READ])).status, 403);
    assert.equal((await list([SYSTEM_REGISTER_WRITE])).status, 200);
    const query = (scopes: string[]) =>
      rawVendorCall(sandbox(), `systemuser/vendor/byquery?system-id=${systemId}&orgno=999999999`, { scopes });
    assert.equal((await query([SYSTEM_USER_REQUEST_READ])).status, 403);
    const miss = await query([SYSTEM_USER_REQUEST_WRITE]);
    assert.equal(miss.status, 404);
    assert.equal(miss.text, '', 'byquery answers an empty 404');
  });
});

describe('sandbox: requests time out after the configured age', () => {
  const sandbox = useSandbox({ dialogs: 10, systemUserRequestTimeoutSeconds: 60 });
  const http = testHttp();

  it('reads timedOut: true once older than the limit, and stays New (as Altinn’s code since 2025-11)', async () => {
    const { systemId } = vendorOf(sandbox());
    const { requests } = vendorClients(sandbox(), http());
    const { request } = await requests.create('standard', {
      systemId,
      customerOrganisationNumber: freshCustomer(sandbox(), systemId),
      rights: [resourceRight('skd-mva-melding')],
    });
    assert.equal((await requests.get('standard', request.id)).timedOut, false);
    sandbox().context.clock.shift(61_000);
    try {
      const later = await requests.get('standard', request.id);
      assert.equal(later.timedOut, true);
      assert.equal(later.status, 'New');
    } finally {
      sandbox().context.clock.reset();
    }
  });
});
