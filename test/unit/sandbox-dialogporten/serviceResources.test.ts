import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DialogportenClient } from '../../../src/platform/dialogporten';
import {
  authorizedServiceResourcesSchema,
  serviceResourceItemSchema,
  serviceResourceMetadataSchema,
} from '../../../src/platform/dialogporten/schemas';
import { HttpClient } from '../../../src/platform/http';
import { organizationUrn } from '../../../src/platform/identifiers';
import { dialogStoreOf } from '../../../src/sandbox/dialogporten';
import { MAIL_PACKAGE, resourcesOfSubject } from '../../../src/sandbox/world/policies';
import { sandboxSystemUsers, sandboxToken, useSandbox } from '../helpers/sandbox';
import { DIALOGPORTEN_SCOPE, dpFetch, endUser, personToken, type Json } from './dialogportenHttp';

const bare = (r: string): string => r.replace('urn:altinn:resource:', '').toLowerCase();

describe('sandbox Dialogporten: GET /api/v1/enduser/serviceresources', function () {
  this.timeout(30_000);
  const sandbox = useSandbox();
  const http = new HttpClient({ retry: { maxRetries: 0 } });
  after(() => http.close());

  const client = (token: () => Promise<string>): DialogportenClient =>
    new DialogportenClient({ baseUrl: sandbox().urls.dialogportenBase, http, getToken: token });
  const world = () => sandbox().context.world;
  /** The distinct resources of a party's dialogs, lowercased bare ids. */
  const referencedBy = (party: string): Set<string> =>
    new Set(
      dialogStoreOf(sandbox().context)
        .dialogsOf(party)
        .map((d) => bare(d.fields.serviceResource)),
    );
  const ids = (body: Json): string[] => body.items.map((i: Json) => i.serviceResource.id).sort();

  it("gives a daglig leder, whose access comes from the role alone, every resource the organisation's dialogs use", async () => {
    const org = world().organisations.find((o) => !o.parentOrganisationNumber && !o.isDeleted)!;
    const party = organizationUrn(org.organisationNumber);
    const response = await dpFetch(endUser(sandbox(), `/serviceresources?party=${encodeURIComponent(party)}`), {
      token: await personToken(sandbox()),
    });
    assert.equal(response.status, 200);
    assert.deepEqual(ids(response.body), [...referencedBy(party)].sort());
    assert.equal('isFullCatalogueFallback' in response.body, false, 'null, so left out');
    const item = response.body.items.find((i: Json) => i.serviceResource.id === 'altinn-correspondence-test');
    assert.equal(
      item.serviceResource.resourceType,
      'correspondenceservice',
      'types come lowercased, as Dialogporten stores them',
    );
    assert.ok(
      item.accessPackages.some((p: Json) => p.urn === MAIL_PACKAGE),
      'the access packages whose policy names it',
    );
    assert.ok(item.roles.some((r: Json) => r.urn === 'urn:altinn:rolecode:dagl'));
    assert.equal(item.serviceOwner.code, 'digdir');
  });

  it("gives a person with only an access package the package's resources, and one with a direct delegation only that one", async () => {
    const entries = [...world().personAccess].flatMap(([pid, grants]) => grants.map((g) => ({ pid, ...g })));
    const viaPackage = entries.find(
      (g) =>
        g.accessPackages?.includes(MAIL_PACKAGE) &&
        !g.roles?.length &&
        !g.resources?.length &&
        g.party.includes('organization'),
    )!;
    assert.ok(viaPackage, 'the world has a person whose access to an organisation is only the mail package');
    const packaged = await client(() => personToken(sandbox(), viaPackage.pid)).searchServiceResources({
      parties: [viaPackage.party],
    });
    const expected = resourcesOfSubject(world(), MAIL_PACKAGE)
      .filter((r) => referencedBy(viaPackage.party).has(r))
      .sort();
    assert.ok(expected.length > 0);
    assert.deepEqual(packaged.items!.map((i) => i.serviceResource.id).sort(), expected);

    const direct = entries.find((g) => g.resources?.length && !g.roles?.length && !g.accessPackages?.length)!;
    const delegated = await client(() => personToken(sandbox(), direct.pid)).searchServiceResources({
      parties: [direct.party],
    });
    assert.deepEqual(
      delegated.items!.map((i) => i.serviceResource.id),
      direct.resources!.map(bare),
    );
  });

  it("gives a system user the delegated resources its customer's dialogs use, and ignores parties it may not act for", async () => {
    const partial = sandboxSystemUsers(sandbox()).find(
      (u) =>
        u.delegatedResources.length > 0 &&
        u.delegatedResources.length < world().serviceOwners.flatMap((o) => o.resources).length,
    )!;
    const token = () =>
      sandboxToken(sandbox(), { scopes: [DIALOGPORTEN_SCOPE], systemUserOrg: partial.organisationNumber });
    const party = organizationUrn(partial.organisationNumber);
    const answer = await client(token).searchServiceResources({ parties: [party] });
    const expected = partial.delegatedResources
      .map(bare)
      .filter((r) => referencedBy(party).has(r))
      .sort();
    assert.deepEqual(answer.items!.map((i) => i.serviceResource.id).sort(), expected);
    const unfiltered = await client(token).searchServiceResources();
    assert.deepEqual(unfiltered.items!.map((i) => i.serviceResource.id).sort(), expected, 'its only party');
    const other = world().organisations.find((o) => o.organisationNumber !== partial.organisationNumber)!;
    const foreign = await client(token).searchServiceResources({
      parties: [organizationUrn(other.organisationNumber)],
    });
    assert.deepEqual(foreign.items ?? [], [], 'a party it may not act for is silently ignored');
  });

  it('names resources in the first accepted language and sorts by the name', async () => {
    const party = organizationUrn(world().organisations[0].organisationNumber);
    const url = endUser(sandbox(), `/serviceresources?party=${encodeURIComponent(party)}`);
    const english = await dpFetch(url, {
      token: await personToken(sandbox()),
      headers: { 'accept-language': 'en;q=0.9, sv;q=0.1' },
    });
    for (const item of english.body.items)
      assert.deepEqual(
        item.serviceResource.name.map((n: Json) => n.languageCode),
        ['en'],
      );
    const all = await dpFetch(url, { token: await personToken(sandbox()) });
    const names = all.body.items.map(
      (i: Json) => i.serviceResource.name.find((n: Json) => n.languageCode === 'nb').value,
    );
    assert.deepEqual(
      names,
      [...names].sort((a: string, b: string) => a.localeCompare(b, 'nb', { sensitivity: 'base' })),
    );
  });

  it('fails on a malformed party (500, as the validator throws), refuses a missing scope and a token that is no end user (403)', async () => {
    const token = await personToken(sandbox());
    const bad = await dpFetch(endUser(sandbox(), '/serviceresources?party=991825827'), {
      token,
      notOfficialShape:
        'Dialogporten documents no error for a bad party; its validator throws and the global handler answers 500',
    });
    assert.equal(bad.status, 500);
    const noScope = await dpFetch(endUser(sandbox(), '/serviceresources'), {
      token: await sandboxToken(sandbox(), { scopes: ['altinn:correspondence.read'], person: true }),
    });
    assert.equal(noScope.status, 403);
    const organisation = await dpFetch(endUser(sandbox(), '/serviceresources'), {
      token: await sandboxToken(sandbox(), { scopes: [DIALOGPORTEN_SCOPE] }),
    });
    assert.equal(organisation.status, 403);
  });
});

describe('serviceresources zod schema against @digdir/dialogporten-schema', () => {
  type Component = { properties?: Record<string, unknown> };
  const components = (): Record<string, Component> => {
    const text = readFileSync(
      join(__dirname, '../../../node_modules/@digdir/dialogporten-schema/swagger.verified.json'),
      'utf8',
    ).replace(/^\uFEFF/, '');
    return (JSON.parse(text) as { components: { schemas: Record<string, Component> } }).components.schemas;
  };

  it('names every field of the official response, item and service resource', () => {
    const all = components();
    const pairs: [string, { shape: Record<string, unknown> }][] = [
      ['V1EndUserServiceResourcesQueriesSearch_AuthorizedServiceResources', authorizedServiceResourcesSchema],
      ['V1CommonServiceResourceMetadata_ServiceResourceMetadataItem', serviceResourceItemSchema],
      ['V1CommonServiceResourceMetadata_ServiceResourceMetadataServiceResource', serviceResourceMetadataSchema],
    ];
    for (const [name, ours] of pairs) {
      assert.ok(all[name], `${name} is in the published contract`);
      assert.deepEqual(Object.keys(ours.shape).sort(), Object.keys(all[name].properties ?? {}).sort(), name);
    }
  });
});
