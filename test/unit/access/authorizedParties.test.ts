import assert from 'node:assert/strict';
import { DialogportenClient } from '../../../src/platform/dialogporten';
import {
  AccessApiError,
  AuthorizedPartiesClient,
  flattenAuthorizedParties,
  partyUrnOf,
} from '../../../src/platform/access';
import { authorizedPartiesPageSchema } from '../../../src/platform/access/schemas';
import { HttpClient } from '../../../src/platform/http';
import { organizationUrn, personUrn } from '../../../src/platform/identifiers';
import type { SandboxHandle } from '../../../src/sandbox';
import { buildAuthorizedParties } from '../../../src/sandbox/accessManagement/authorizedParties';
import { parseAuthorizedPartiesQuery } from '../../../src/sandbox/accessManagement/authorizedPartiesQuery';
import { generateWorld } from '../../../src/sandbox/world/generateWorld';
import { CorrespondenceApiError } from '../../../src/platform/correspondence';
import { MAIL_PACKAGE, resourcesOfSubject } from '../../../src/sandbox/world/policies';
import { correspondenceClient, READ_SCOPE } from '../correspondence/clientSetup';
import { sandboxSystemUsers, sandboxToken, useSandbox, type SandboxTokenOptions } from '../helpers/sandbox';

const SCOPE = 'altinn:accessmanagement/authorizedparties';
const bare = (resource: string): string => resource.replace('urn:altinn:resource:', '');

describe('authorized parties (Access Management) against the sandbox', () => {
  const sandbox = useSandbox();
  let http: HttpClient;
  before(() => {
    http = new HttpClient({ retry: { maxRetries: 0 } });
  });
  after(() => http.close());

  const clientFor = (handle: SandboxHandle, options: SandboxTokenOptions): AuthorizedPartiesClient =>
    new AuthorizedPartiesClient({
      platformBase: handle.urls.platformBase,
      http,
      getToken: () => sandboxToken(handle, options),
    });
  const world = () => sandbox().context.world;
  const allResources = () => world().serviceOwners.flatMap((o) => o.resources.map(bare));

  it('gives a person its own party first, then its organisations with sub-units nested under their main unit', async () => {
    const parties = await clientFor(sandbox(), { scopes: [SCOPE], person: true }).list();
    const me = world().defaultPerson;
    assert.equal(parties[0].type, 'Person');
    assert.equal(parties[0].personId, me.nationalIdentityNumber);
    assert.equal(parties[0].partyUuid, me.partyUuid);
    assert.deepEqual(parties[0].authorizedRoles, ['PRIV']);

    const activeMainUnits = world().organisations.filter((o) => !o.parentOrganisationNumber && !o.isDeleted);
    const organisations = parties.filter((p) => p.type === 'Organization');
    assert.deepEqual(
      new Set(organisations.map((p) => p.organizationNumber)),
      new Set(activeMainUnits.map((o) => o.organisationNumber)),
    );
    for (const main of organisations) {
      const expectedSubunits = world().organisations.filter(
        (o) => o.parentOrganisationNumber === main.organizationNumber,
      );
      assert.deepEqual(
        main.subunits.map((s) => s.organizationNumber).sort(),
        expectedSubunits.map((o) => o.organisationNumber).sort(),
      );
      for (const sub of main.subunits) {
        assert.equal(sub.parentId, main.partyUuid);
        assert.equal(sub.unitType, 'BEDR');
      }
      assert.deepEqual(main.authorizedRoles, ['DAGL']);
      assert.deepEqual(
        main.authorizedResources,
        [],
        'the role reaches every resource, yet only direct delegations are listed',
      );
      assert.ok(main.authorizedAccessPackages.length > 0);
    }
    assert.ok(
      organisations.some((o) => o.subunits.length > 0),
      'the world has sub-units',
    );
  });

  it('includes deleted organisations only when asked, flagged isDeleted', async () => {
    const deleted = world().organisations.find((o) => o.isDeleted);
    assert.ok(deleted);
    const client = clientFor(sandbox(), { scopes: [SCOPE], person: true });
    assert.ok(
      !flattenAuthorizedParties(await client.list()).some((p) => p.organizationNumber === deleted.organisationNumber),
    );
    assert.ok(
      !flattenAuthorizedParties(await client.list({ includeInactiveParties: false })).some(
        (p) => p.organizationNumber === deleted.organisationNumber,
      ),
    );
    const withDeleted = flattenAuthorizedParties(await client.list({ includeInactiveParties: true }));
    assert.equal(withDeleted.find((p) => p.organizationNumber === deleted.organisationNumber)?.isDeleted, true);
  });

  it('leaves out sub-units and the role/resource/package lists when told to', async () => {
    const parties = await clientFor(sandbox(), { scopes: [SCOPE], person: true }).list({
      includeSubParties: false,
      includeRoles: false,
      includeResources: false,
      includeAccessPackages: false,
    });
    assert.ok(parties.length > 1);
    for (const p of parties) {
      assert.deepEqual(
        [p.subunits, p.authorizedRoles, p.authorizedResources, p.authorizedAccessPackages, p.authorizedInstances],
        [[], [], [], [], []],
      );
    }
  });

  it('gives a person with a resource-limited role only that resource there, and narrows with anyOfResourceIds and partyFilter', async () => {
    const [pid, grants] = [...world().personAccess].find(([, g]) => g.some((x) => x.resources))!;
    const limited = grants.find((g) => g.resources)!;
    const client = clientFor(sandbox(), { scopes: [SCOPE], person: pid });
    const parties = flattenAuthorizedParties(await client.list());
    const party = parties.find((p) => partyUrnOf(p) === limited.party)!;
    assert.deepEqual(party.authorizedResources, limited.resources!.map(bare));
    assert.deepEqual(party.authorizedRoles, []);

    const other = allResources().find((r) => !limited.resources!.map(bare).includes(r))!;
    const narrowed = flattenAuthorizedParties(
      await client.list({ anyOfResourceIds: [`urn:altinn:resource:${other}`] }),
    );
    assert.ok(!narrowed.some((p) => partyUrnOf(p) === limited.party));
    assert.ok(narrowed.length > 0);
    const one = await client.list({ partyFilter: [party.partyUuid] });
    assert.deepEqual(
      one.map((p) => p.partyUuid),
      [party.partyUuid],
    );
  });

  it('lists only direct resource delegations as authorizedResources, while a role or an access package still opens Correspondence', async () => {
    const entries = [...world().personAccess].flatMap(([pid, grants]) => grants.map((g) => ({ pid, ...g })));
    const viaPackage = entries.find(
      (g) =>
        g.accessPackages?.includes(MAIL_PACKAGE) &&
        !g.roles?.length &&
        !g.resources?.length &&
        g.party.includes('organization'),
    )!;
    assert.ok(viaPackage, 'a person reaches an organisation through the mail access package alone');
    const client = clientFor(sandbox(), { scopes: [SCOPE], person: viaPackage.pid });
    const party = flattenAuthorizedParties(await client.list()).find((p) => partyUrnOf(p) === viaPackage.party)!;
    assert.deepEqual(party.authorizedResources, []);
    assert.deepEqual(party.authorizedAccessPackages, [MAIL_PACKAGE]);
    assert.deepEqual(party.authorizedRoles, []);
    const narrowed = flattenAuthorizedParties(await client.list({ anyOfResourceIds: ['altinn-correspondence-test'] }));
    assert.ok(
      narrowed.some((p) => partyUrnOf(p) === viaPackage.party),
      'anyOfResourceIds matches a resource reached through a package',
    );

    const { client: correspondence } = correspondenceClient(sandbox(), http, {
      scopes: [READ_SCOPE],
      person: viaPackage.pid,
    });
    const packaged = resourcesOfSubject(world(), MAIL_PACKAGE);
    const listed = await Promise.all(
      packaged.map((resourceId) => correspondence.listIds({ resourceId, onBehalfOf: viaPackage.party })),
    );
    assert.ok(listed.flat().length > 0, "Correspondence lists the party's messages through the package");
    const other = allResources().find((r) => !packaged.includes(r))!;
    await assert.rejects(
      correspondence.listIds({ resourceId: other, onBehalfOf: viaPackage.party }),
      (e: unknown) => e instanceof CorrespondenceApiError && e.status === 401,
      'a resource outside the package stays closed',
    );

    const dagl = world()
      .personAccess.get(world().defaultPerson.nationalIdentityNumber)!
      .find((g) => g.roles?.includes('DAGL'))!;
    const { client: manager } = correspondenceClient(sandbox(), http, { scopes: [READ_SCOPE], person: true });
    assert.ok(
      (await manager.listIds({ resourceId: 'altinn-correspondence-test', onBehalfOf: dagl.party })).length > 0,
      'the role opens Correspondence for the daglig leder',
    );
  });

  it("gives a system user with only an access package no authorizedResources, yet Correspondence and serviceresources open the package's resources", async () => {
    const user = sandboxSystemUsers(sandbox()).find(
      (u) => u.accessPackages.includes(MAIL_PACKAGE) && u.delegatedResources.length === 0,
    )!;
    assert.ok(user, 'the sandbox has a system user whose rights are one access package');
    const party = organizationUrn(user.organisationNumber);
    const [listed] = await clientFor(sandbox(), {
      scopes: [SCOPE],
      systemUserOrg: user.organisationNumber,
      altinn: true,
    }).list();
    assert.equal(partyUrnOf(listed), party);
    assert.deepEqual(listed.authorizedResources, [], 'the old source names nothing');
    const { client: correspondence } = correspondenceClient(sandbox(), http, {
      scopes: [READ_SCOPE],
      systemUserOrg: user.organisationNumber,
      altinn: true,
    });
    const ids = await Promise.all(
      resourcesOfSubject(world(), MAIL_PACKAGE).map((resourceId) =>
        correspondence.listIds({ resourceId, onBehalfOf: party }),
      ),
    );
    assert.ok(ids.flat().length > 0, 'Correspondence lists its messages through the package');
    const dialogporten = new DialogportenClient({
      baseUrl: sandbox().urls.dialogportenBase,
      http,
      getToken: () =>
        sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'], systemUserOrg: user.organisationNumber }),
    });
    const found = await dialogporten.searchServiceResources({ parties: [party] });
    assert.ok(
      found.items!.length > 0 &&
        found.items!.every((i) => resourcesOfSubject(world(), MAIL_PACKAGE).includes(i.serviceResource.id)),
      "serviceresources names the package's resources",
    );
  });

  it('gives a system user its customer organisation with the delegated resources, and nothing without delegations', async () => {
    for (const user of sandboxSystemUsers(sandbox())) {
      const parties = await clientFor(sandbox(), {
        scopes: [SCOPE],
        systemUserOrg: user.organisationNumber,
        altinn: true,
      }).list();
      if (user.delegatedResources.length === 0 && user.accessPackages.length === 0) {
        assert.deepEqual(parties, []);
        continue;
      }
      assert.equal(parties.length, 1);
      assert.equal(partyUrnOf(parties[0]), organizationUrn(user.organisationNumber));
      assert.deepEqual(parties[0].authorizedResources, user.delegatedResources.map(bare), 'direct delegations only');
      assert.deepEqual(parties[0].authorizedAccessPackages, user.accessPackages);
      assert.deepEqual(parties[0].authorizedRoles, []);
      assert.deepEqual(parties[0].subunits, []);
    }
  });

  it('explains refusals: raw Maskinporten token (401), missing scope (403), an organisation token (401 unknown user type)', async () => {
    const user = sandboxSystemUsers(sandbox())[0];
    const raw = await clientFor(sandbox(), { scopes: [SCOPE], systemUserOrg: user.organisationNumber })
      .list()
      .catch((e: unknown) => e);
    assert.ok(raw instanceof AccessApiError);
    assert.equal(raw.reason, 'token-rejected');
    assert.match(raw.message, /exchange/);
    const noScope = await clientFor(sandbox(), { scopes: ['digdir:dialogporten'], person: true })
      .list()
      .catch((e: unknown) => e);
    assert.ok(noScope instanceof AccessApiError);
    assert.equal(noScope.status, 403);
    assert.equal(noScope.reason, 'missing-scope');
    const organisation = await clientFor(sandbox(), { scopes: [SCOPE], altinn: true })
      .list()
      .catch((e: unknown) => e);
    assert.ok(organisation instanceof AccessApiError);
    assert.equal(organisation.reason, 'not-a-user');
  });

  it('rejects an include filter value ASP.NET cannot bind (400 with the field)', async () => {
    const token = await sandboxToken(sandbox(), { scopes: [SCOPE], person: true });
    const response = await fetch(
      `${sandbox().urls.platformBase}/accessmanagement/api/v1/enduser/authorizedparties?includeInactiveParties=maybe`,
      { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } },
    );
    assert.equal(response.status, 400);
    assert.deepEqual(Object.keys(((await response.json()) as { errors: object }).errors), ['includeInactiveParties']);
  });
});

describe('authorized parties: shapes and hierarchy', () => {
  const party = (extra: Record<string, unknown>): Record<string, unknown> => ({
    partyUuid: '0195f1c2-7f3e-7a6b-9c1d-2e3f4a5b6c7d',
    name: 'FJELL AS',
    ...extra,
  });

  it('reads the paginated, bare-array and nested-array answers alike, with numeric party types and missing lists', () => {
    const paged = authorizedPartiesPageSchema.parse({
      links: { next: null },
      data: [party({ type: 'Organization', organizationNumber: '991825827' })],
    });
    const bareArray = authorizedPartiesPageSchema.parse([
      party({ type: 2, organizationNumber: '991825827', futureField: true }),
    ]);
    const nested = authorizedPartiesPageSchema.parse([
      [party({ type: 'Organization', organizationNumber: '991825827' })],
    ]);
    for (const page of [paged, bareArray, nested]) {
      assert.equal(page.parties.length, 1);
      assert.equal(page.parties[0].type, 'Organization');
      assert.deepEqual(page.parties[0].subunits, []);
      assert.equal(page.parties[0].isDeleted, false);
      assert.equal(partyUrnOf(page.parties[0]), 'urn:altinn:organization:identifier-no:991825827');
    }
    assert.equal(bareArray.parties[0].futureField, true);
    assert.throws(() => authorizedPartiesPageSchema.parse({ data: [{ name: 'no uuid' }] }));
  });

  it('shows a main unit as a hierarchy element when the subject only has a sub-unit', () => {
    const w = generateWorld({ seed: 9 });
    const sub = w.organisations.find((o) => o.parentOrganisationNumber)!;
    const parsed = parseAuthorizedPartiesQuery(new URLSearchParams('includeResources=true'));
    assert.ok(parsed.ok);
    const own = personUrn(w.persons[1].nationalIdentityNumber);
    const parties = buildAuthorizedParties(
      w,
      { kind: 'person', ownParty: own, grants: [{ party: organizationUrn(sub.organisationNumber) }] },
      parsed.query,
    );
    assert.equal(parties.length, 1);
    assert.equal(parties[0].organizationNumber, sub.parentOrganisationNumber);
    assert.equal(parties[0].onlyHierarchyElementWithNoAccess, true);
    assert.deepEqual(parties[0].authorizedResources, []);
    assert.deepEqual(
      parties[0].subunits.map((s) => s.organizationNumber),
      [sub.organisationNumber],
    );
    assert.equal(parties[0].subunits[0].parentId, parties[0].partyUuid);
  });
});
