import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { HttpClient } from '../../src/platform/http';
import { resourceRight, SystemRegisterClient, SystemUserRequestClient } from '../../src/platform/systemUsers';
import { startSandbox, type SandboxHandle } from '../../src/sandbox';
import { sandboxToken } from '../unit/helpers/sandbox';
import { workbench } from './fixture';

/**
 * The customer's side of a system-user request: the sandbox's approval page at the confirm URL, driven in Chromium
 * (a second tab of the e2e browser), with the vendor following the request through the platform client.
 */
describe('e2e: system-user approval page', () => {
  let handle: SandboxHandle;
  let http: HttpClient;
  let page: Page;

  before(async () => {
    handle = await startSandbox({ host: '127.0.0.1', dialogs: 10 });
    http = new HttpClient({ retry: { maxRetries: 0 } });
    page = await workbench().context().newPage();
  });
  after(async () => {
    await page?.close();
    await http?.close();
    await handle?.close();
  });

  const options = () => ({
    platformBase: handle.urls.platformBase,
    http,
    getToken: ({ scope }: { scope: string }) => sandboxToken(handle, { scopes: [scope] }),
  });

  it('a customer picks a person, sees what is asked, approves, and the vendor reads the request as Accepted', async () => {
    const vendor = handle.context.world.clients[0].ownerOrganisationNumber;
    const systemId = `${vendor}_e2e_approval`;
    const hostileName = '<img src=x onerror="document.title=1">SmartCloud';
    await new SystemRegisterClient(options()).create({
      id: systemId,
      vendorOrganisationNumber: vendor,
      name: { nb: hostileName, en: hostileName },
      description: { nb: 'E2E', en: 'E2E' },
      rights: [resourceRight('skd-mva-melding'), resourceRight('nav-sykmelding')],
    });
    const customer = handle.context.world.organisations.find((o) => !o.isDeleted && !o.parentOrganisationNumber)!;
    const requests = new SystemUserRequestClient(options());
    const { request } = await requests.create('standard', {
      systemId,
      customerOrganisationNumber: customer.organisationNumber,
      rights: [resourceRight('skd-mva-melding')],
    });

    const response = await page.goto(request.confirmUrl!);
    assert.equal(response?.status(), 200);
    assert.match(response?.headers()['content-security-policy'] ?? '', /default-src 'none'/);
    const heading = page.locator('h1');
    assert.match(await heading.innerText(), /<img src=x onerror="document.title=1">SmartCloud asks for a system user/);
    assert.equal(await page.locator('img').count(), 0, 'the system name is text, not markup');
    assert.match(await page.locator('body').innerText(), /skd-mva-melding/);
    assert.match(await page.locator('body').innerText(), new RegExp(customer.organisationNumber));

    const manager = handle.context.world.defaultPerson;
    await page.getByLabel(new RegExp(`${manager.name} \\(${manager.nationalIdentityNumber}\\)`)).check();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.locator('#outcome').waitFor();
    assert.match(await page.locator('#outcome').innerText(), /Approved/);
    assert.equal(await page.locator('#status').innerText(), 'Accepted');
    assert.notEqual(await page.title(), '1');

    const seen = await requests.get('standard', request.id);
    assert.equal(seen.status, 'Accepted');
    assert.ok(
      handle.context.world.systemUsers.some(
        (u) => u.systemId === systemId && u.organisationNumber === customer.organisationNumber,
      ),
      'approval created the system user',
    );

    await page.goto(request.confirmUrl!);
    assert.equal(
      await page.getByRole('button', { name: 'Approve' }).count(),
      0,
      'an answered request offers no buttons',
    );
  });
});
