import assert from 'node:assert/strict';
import { AllPartiesSearch, DialogOrder } from '../../../src/platform/dialogporten';
import { organizationUrn } from '../../../src/platform/identifiers';
import { generateWorld } from '../../../src/sandbox/world/generateWorld';
import { sandboxToken, useSandbox } from '../helpers/sandbox';
import { DIALOGPORTEN_SCOPE, dpFetch } from '../sandbox-dialogporten/dialogportenHttp';
import { newHttp, sandboxClient } from './clientSetup';

const CLIENTS = 260;

describe('Sandbox: an agent system user with many client organisations (--clients)', function () {
  this.timeout(90_000);
  const sandbox = useSandbox({ clients: CLIENTS, dialogs: 40 });
  const http = newHttp();
  after(() => http.close());

  const agentToken = (): Promise<string> => {
    const firm = sandbox().context.world.accountingFirm!;
    return sandboxToken(sandbox(), { scopes: [DIALOGPORTEN_SCOPE], systemUserOrg: firm.organisationNumber });
  };

  it('generates the firm and its clients from the seed, leaving the rest of the world as it was', () => {
    const plain = generateWorld({ seed: 7 });
    const a = generateWorld({ seed: 7, clients: 50 });
    const b = generateWorld({ seed: 7, clients: 50 });
    assert.deepEqual(a.accountingFirm, b.accountingFirm);
    assert.deepEqual(a.organisations, b.organisations);
    assert.equal(a.accountingFirm?.clientOrganisations.length, 50);
    assert.equal(new Set(a.organisations.map((o) => o.organisationNumber)).size, a.organisations.length);
    assert.deepEqual(a.organisations.slice(0, plain.organisations.length), plain.organisations);
    assert.deepEqual(a.persons, plain.persons);
    assert.deepEqual([...a.personAccess], [...plain.personAccess]);
    assert.equal(plain.accountingFirm, undefined);
  });

  it('registers an agent system user whose token sees every client as a party, and not its own firm', async () => {
    const { world } = sandbox().context;
    const firm = world.accountingFirm!;
    const agent = world.systemUsers.find((u) => u.userType === 'agent');
    assert.equal(agent?.organisationNumber, firm.organisationNumber);
    assert.deepEqual(agent?.clientOrganisations, firm.clientOrganisations);
    const { client } = sandboxClient(sandbox(), http, agentToken);
    const parties = (await client.getParties()).authorizedParties ?? [];
    const listed = new Set(parties.map((p) => p.party));
    assert.equal(listed.size, CLIENTS);
    for (const org of firm.clientOrganisations) assert.ok(listed.has(organizationUrn(org)), `client ${org} listed`);
    assert.ok(!listed.has(organizationUrn(firm.organisationNumber)));
  });

  it('lists the clients’ dialogs across all parties in batches of the published limit, each once, newest first', async () => {
    const firm = sandbox().context.world.accountingFirm!;
    const parties = firm.clientOrganisations.map(organizationUrn);
    const { client, searches } = sandboxClient(sandbox(), http, agentToken);
    const expected = new Set<string>();
    for (let i = 0; i < parties.length; i += 100)
      for await (const item of client.searchAllDialogs({ party: parties.slice(i, i + 100), limit: 1000 }))
        expected.add(item.id);
    assert.ok(expected.size > CLIENTS, `clients hold dialogs (${expected.size})`);
    const before = searches();
    const search = new AllPartiesSearch(client, { parties, pageSize: 100 });
    const order = DialogOrder.from(undefined);
    const seen: string[] = [];
    let previous: readonly (string | number | null)[] | undefined;
    for await (const page of search.pages()) {
      for (const { dialog, party } of page.items) {
        assert.equal(party, dialog.party);
        const keys = order.keysOf(dialog);
        if (previous) assert.ok(order.compare(previous, keys) < 0, 'newest first, strictly');
        previous = keys;
        seen.push(dialog.id);
      }
    }
    assert.equal(search.batchCount, Math.ceil(CLIENTS / 100));
    assert.equal(seen.length, expected.size, 'no dialog lost or repeated');
    assert.deepEqual(new Set(seen), expected);
    assert.ok(searches() - before >= search.batchCount!);
  });

  it('publishes its party limit at metadata/limits and refuses a search naming one party more', async () => {
    const base = `${sandbox().urls.dialogportenBase}/api/v1`;
    const limits = await dpFetch(`${base}/metadata/limits`);
    assert.equal(limits.status, 200);
    const max = limits.body.endUserSearch.maxPartyFilterValues as number;
    const parties = sandbox().context.world.accountingFirm!.clientOrganisations.map(organizationUrn);
    const query = (n: number): string =>
      parties
        .slice(0, n)
        .map((p) => `party=${encodeURIComponent(p)}`)
        .join('&');
    const token = await agentToken();
    assert.equal((await dpFetch(`${base}/enduser/dialogs?${query(max)}&limit=5`, { token })).status, 200);
    const refused = await dpFetch(`${base}/enduser/dialogs?${query(max + 1)}&limit=5`, { token });
    assert.equal(refused.status, 400);
    assert.match(JSON.stringify(refused.body.errors), new RegExp(`${max + 1}`));
  });
});
