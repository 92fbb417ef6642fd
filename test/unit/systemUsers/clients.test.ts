import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { resourceRight, SystemUserApiError } from '../../../src/platform/systemUsers';
import {
  SYSTEM_REGISTER_WRITE,
  SYSTEM_USER_REQUEST_READ,
  SYSTEM_USER_REQUEST_WRITE,
} from '../../../src/platform/scopes';
import { useSandbox } from '../helpers/sandbox';
import { freshCustomer, testHttp, vendorClients, vendorOf } from './setup';

const MVA = 'urn:altinn:accesspackage:merverdiavgift';
const ACCOUNTANT = 'urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet';
const RECEIPT = 'https://smartcloud.example/receipt';

describe('system-user vendor clients against the sandbox', () => {
  const sandbox = useSandbox({ dialogs: 10, systemUserPageSize: 2 });
  const http = testHttp();
  const clients = () => vendorClients(sandbox(), http());

  const definition = (name: string, clientIds: string[] = [randomUUID()]) => {
    const { orgNo } = vendorOf(sandbox());
    return {
      id: `${orgNo}_${name}`,
      vendorOrganisationNumber: orgNo,
      name: { nb: `SmartCloud ${name}`, en: `SmartCloud ${name}` },
      description: { nb: 'Regnskap i skyen', en: 'Accounting in the cloud' },
      rights: [resourceRight('skd-mva-melding'), resourceRight('urn:altinn:resource:skd-a-melding')],
      accessPackages: [{ urn: MVA }],
      clientIds,
      allowedRedirectUrls: [RECEIPT],
    };
  };

  it('registers a system, reads it whole and in the vendor list, and replaces it with PUT', async () => {
    const c = clients();
    const input = definition('register');
    const { internalId } = await c.register.create(input);
    assert.match(internalId, /^[0-9a-f-]{36}$/);

    const stored = await c.register.get(input.id);
    assert.equal(stored.vendor.ID, `0192:${input.vendorOrganisationNumber}`);
    assert.deepEqual(stored.name, input.name);
    assert.deepEqual(stored.clientId, input.clientIds);
    assert.deepEqual(
      stored.rights.map((r) => r.resource[0].value),
      ['skd-mva-melding', 'skd-a-melding'],
    );
    assert.deepEqual(stored.allowedRedirectUrls, [RECEIPT]);
    assert.equal(stored.isDeleted, false);

    const listed = (await c.register.list()).find((s) => s.systemId === input.id);
    assert.equal(listed?.systemVendorOrgNumber, input.vendorOrganisationNumber);
    assert.equal('clientId' in (listed ?? {}), false, 'the list is the shorter DTO');

    await c.register.update({ ...input, rights: [resourceRight('nav-sykmelding')], clientIds: [] });
    const replaced = await c.register.get(input.id);
    assert.deepEqual(
      replaced.rights.map((r) => r.resource[0].value),
      ['nav-sykmelding'],
    );
    assert.deepEqual(replaced.clientId, [], 'PUT replaces the client ids too');

    await c.register.updateRights(input.id, [resourceRight('brg-arsregnskap')]);
    await c.register.updateAccessPackages(input.id, [{ urn: 'urn:altinn:accesspackage:a-ordning' }]);
    const patched = await c.register.get(input.id);
    assert.deepEqual(
      patched.rights.map((r) => r.resource[0].value),
      ['brg-arsregnskap'],
    );
    assert.deepEqual(
      patched.accessPackages.map((p) => p.urn),
      ['urn:altinn:accesspackage:a-ordning'],
    );
    assert.deepEqual(new Set(c.scopesAsked), new Set([SYSTEM_REGISTER_WRITE]));
  });

  it('soft-deletes a system: still readable with isDeleted, out of the list, its client id free, its id taken', async () => {
    const c = clients();
    const clientId = randomUUID();
    const input = definition('deleted', [clientId]);
    await c.register.create(input);
    await c.register.delete(input.id);
    assert.equal((await c.register.get(input.id)).isDeleted, true);
    assert.equal(
      (await c.register.list()).some((s) => s.systemId === input.id),
      false,
    );
    await c.register.create(definition('reuses-client', [clientId]));
    await assert.rejects(c.register.create({ ...input, clientIds: [randomUUID()] }), (error: unknown) => {
      assert.ok(error instanceof SystemUserApiError);
      assert.deepEqual(
        error.validationErrors.map((e) => e.code),
        ['AUTH.VLD-00002'],
      );
      return true;
    });
  });

  it('creates standard and agent requests, reads them by id and by external reference, and deletes them', async () => {
    const c = clients();
    const { systemId } = vendorOf(sandbox());
    const customer = freshCustomer(sandbox(), systemId);
    const input = {
      systemId,
      customerOrganisationNumber: customer,
      externalRef: 'crm-42',
      rights: [resourceRight('skd-mva-melding')],
      redirectUrl: `${'https://inbox-inspector.example/systemuser/receipt'}?state=abc`,
    };
    const first = await c.requests.create('standard', input);
    assert.equal(first.created, true);
    assert.equal(first.request.status, 'New');
    assert.equal(first.request.externalRef, 'crm-42');
    assert.equal(
      first.request.confirmUrl,
      `${sandbox().urls.baseUrl}/accessmanagement/ui/systemuser/request?id=${first.request.id}&DONTCHOOSEREPORTEE=true`,
    );
    assert.equal((await c.requests.get('standard', first.request.id)).id, first.request.id);
    const byRef = await c.requests.getByExternalRef('standard', {
      systemId,
      customerOrganisationNumber: customer,
      externalRef: 'crm-42',
    });
    assert.equal(byRef.id, first.request.id);

    const again = await c.requests.create('standard', { ...input, rights: [resourceRight('nav-sykmelding')] });
    assert.equal(again.created, false, 'the same triple answers the existing request');
    assert.equal(again.request.id, first.request.id);
    assert.equal(again.request.rights[0].resource[0].value, 'skd-mva-melding', 'the new body was ignored');

    const agentCustomer = freshCustomer(sandbox(), systemId, [customer]);
    const agent = await c.requests.create('agent', {
      systemId,
      customerOrganisationNumber: agentCustomer,
      accessPackages: [{ urn: ACCOUNTANT }],
    });
    assert.equal(agent.created, true);
    assert.equal(agent.request.externalRef, agentCustomer, 'no externalRef means the organisation number');
    assert.deepEqual(agent.request.rights, []);
    assert.match(agent.request.confirmUrl ?? '', /\/accessmanagement\/ui\/systemuser\/agentrequest\?id=/);
    assert.equal((await c.requests.get('agent', agent.request.id)).accessPackages[0].urn, ACCOUNTANT);

    await c.requests.delete(first.request.id);
    await assert.rejects(c.requests.get('standard', first.request.id), (error: unknown) => {
      assert.ok(error instanceof SystemUserApiError);
      assert.equal(error.status, 404);
      assert.equal(error.authCode, 'AUTH-00010');
      return true;
    });
    assert.deepEqual([...new Set(c.scopesAsked)].sort(), [SYSTEM_USER_REQUEST_READ, SYSTEM_USER_REQUEST_WRITE].sort());
  });

  it("pages through a system's requests two at a time and gets each one once, in id order", async () => {
    const c = clients();
    const input = definition('paging');
    await c.register.create(input);
    const customer = freshCustomer(sandbox(), input.id);
    const created: string[] = [];
    for (const ref of ['p1', 'p2', 'p3', 'p4', 'p5']) {
      const { request } = await c.requests.create('standard', {
        systemId: input.id,
        customerOrganisationNumber: customer,
        externalRef: ref,
        rights: [resourceRight('skd-mva-melding')],
      });
      created.push(request.id);
    }
    const first = await c.requests.listBySystemPage('standard', input.id);
    assert.equal(first.items.length, 2);
    assert.ok(first.nextToken, 'more pages are announced');
    const all = await c.requests.listBySystem('standard', input.id);
    assert.deepEqual(
      all.map((r) => r.id),
      [...created].sort(),
    );
    assert.equal(await c.requests.listBySystem('agent', input.id).then((r) => r.length), 0);
  });

  it('change requests: created for a standard system user, read back, listed and deleted; nothing to change is NoChangeNeeded', async () => {
    const c = clients();
    const { systemId } = vendorOf(sandbox());
    const users = sandbox().context.world.systemUsers.filter((u) => u.systemId === systemId);
    const user = users.find((u) => u.userType !== 'agent' && u.delegatedResources.length === 0)!;
    const { changeRequest, created } = await c.changes.create({
      systemUserId: user.id,
      requiredRights: [resourceRight('skd-mva-melding')],
    });
    assert.equal(created, true);
    assert.equal(changeRequest.status, 'New');
    assert.equal(changeRequest.systemUserId, user.id);
    assert.match(changeRequest.confirmUrl ?? '', /\/systemuser\/changerequest\?id=/);
    assert.equal((await c.changes.get(changeRequest.id)).id, changeRequest.id);
    const byRef = await c.changes.getByExternalRef({
      systemId,
      customerOrganisationNumber: user.organisationNumber,
      externalRef: user.externalRef,
    });
    assert.equal(byRef.id, changeRequest.id);
    assert.deepEqual(
      (await c.changes.listBySystem(systemId)).items.map((x) => x.id),
      [changeRequest.id],
    );

    const nothing = await c.changes.create({ systemUserId: user.id });
    assert.equal(nothing.created, false);
    assert.equal(nothing.changeRequest.status, 'NoChangeNeeded');

    const agentUser = users.find((u) => u.userType === 'agent')!;
    await assert.rejects(
      c.changes.create({ systemUserId: agentUser.id, requiredAccessPackages: [{ urn: ACCOUNTANT }] }),
      (error: unknown) => error instanceof SystemUserApiError && error.authCode === 'AUTH-00015',
    );

    await c.changes.delete(changeRequest.id);
    await assert.rejects(
      c.changes.get(changeRequest.id),
      (error: unknown) => error instanceof SystemUserApiError && error.authCode === 'AUTH-00010',
    );
  });

  it('the change-request list answers its first page for any token, as Altinn does; the client stops there, marked incomplete', async () => {
    const c = clients();
    const { systemId } = vendorOf(sandbox());
    const user = sandbox().context.world.systemUsers.find(
      (u) => u.systemId === systemId && u.userType !== 'agent' && u.delegatedResources.length === 0,
    )!;
    const made: string[] = [];
    for (let i = 0; i < 3; i++)
      made.push(
        (await c.changes.create({ systemUserId: user.id, requiredRights: [resourceRight('skd-mva-melding')] }))
          .changeRequest.id,
      );
    try {
      const first = await c.changes.listBySystemPage(systemId);
      assert.equal(first.items.length, 2, 'a page of two');
      assert.ok(first.nextToken, 'more are announced');
      const second = await c.changes.listBySystemPage(systemId, first.nextToken);
      assert.deepEqual(
        second.items.map((x) => x.id),
        first.items.map((x) => x.id),
        'the token is ignored: the first page again',
      );
      assert.equal(second.nextToken, first.nextToken);
      const listed = await c.changes.listBySystem(systemId);
      assert.equal(listed.complete, false);
      assert.deepEqual(
        listed.items.map((x) => x.id),
        first.items.map((x) => x.id),
      );
    } finally {
      for (const id of made) await c.changes.delete(id);
    }
    assert.deepEqual(await c.changes.listBySystem(systemId), { items: [], complete: true });
  });

  it("lists a system's system users page by page, and finds one by query (none: undefined)", async () => {
    const c = clients();
    const { systemId } = vendorOf(sandbox());
    const expected = sandbox().context.world.systemUsers.filter((u) => u.systemId === systemId);
    const first = await c.systemUsers.listBySystemPage(systemId);
    assert.equal(first.items.length, 2);
    assert.equal(typeof JSON.parse(Buffer.from(first.nextToken!, 'base64url').toString()), 'number');
    const all = await c.systemUsers.listBySystem(systemId);
    assert.deepEqual(
      all.map((u) => u.id),
      expected.map((u) => u.id),
    );
    assert.deepEqual(
      all.map((u) => u.userType),
      expected.map((u) => u.userType ?? 'standard'),
    );
    assert.ok(all.every((u) => u.supplierOrgno === vendorOf(sandbox()).orgNo));

    const seeded = expected.find((u) => u.externalRef && u.userType !== 'agent')!;
    const found = await c.systemUsers.byQuery({
      systemId,
      customerOrganisationNumber: seeded.organisationNumber,
      externalRef: seeded.externalRef,
    });
    assert.equal(found?.id, seeded.id);
    assert.equal(
      await c.systemUsers.byQuery({ systemId, customerOrganisationNumber: seeded.organisationNumber }),
      undefined,
      'without the external reference it is another triple',
    );
    assert.deepEqual(c.scopesAsked.slice(-2), [SYSTEM_USER_REQUEST_WRITE, SYSTEM_USER_REQUEST_WRITE]);
    assert.equal(c.scopesAsked[0], SYSTEM_REGISTER_WRITE);
  });
});
