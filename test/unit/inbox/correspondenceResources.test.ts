import assert from 'node:assert/strict';
import { AuthorizedPartiesClient, flattenAuthorizedParties, partyUrnOf } from '../../../src/platform/access';
import { DialogportenClient } from '../../../src/platform/dialogporten';
import { HttpClient } from '../../../src/platform/http';
import { organizationUrn } from '../../../src/platform/identifiers';
import {
  discoverCorrespondenceResources,
  resourcesWithin,
  type DiscoverySources,
} from '../../../src/vscode/inbox/correspondenceResources';
import { correspondenceClient, READ_SCOPE } from '../correspondence/clientSetup';
import { sandboxToken, useSandbox } from '../helpers/sandbox';

describe('correspondence resource discovery against the sandbox', function () {
  this.timeout(30_000);
  const sandbox = useSandbox();
  const http = new HttpClient({ retry: { maxRetries: 0 } });
  after(() => http.close());

  const dialogporten = (): DialogportenClient =>
    new DialogportenClient({
      baseUrl: sandbox().urls.dialogportenBase,
      http,
      getToken: () => sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'], person: true }),
    });
  /** The real sources, for one party of the sandbox's default person (as the Inbox tree wires them). */
  const sourcesFor = (party: string, configured: string[] = []): DiscoverySources => ({
    serviceResources: () => dialogporten().searchServiceResources({ parties: [party] }),
    dialogs: async () => (await dialogporten().searchDialogs({ party: [party], limit: 1000 })).items,
    configured,
  });
  /** An organisation where the default person is daglig leder: access through the role alone. */
  const daglParty = (): string =>
    organizationUrn(
      sandbox().context.world.organisations.find((o) => !o.parentOrganisationNumber && !o.isDeleted)!
        .organisationNumber,
    );

  it('finds the correspondence resources of a daglig leder through serviceresources, where authorizedResources has none', async () => {
    const party = daglParty();
    const access = new AuthorizedPartiesClient({
      platformBase: sandbox().urls.platformBase,
      http,
      getToken: () => sandboxToken(sandbox(), { scopes: ['altinn:accessmanagement/authorizedparties'], person: true }),
    });
    const listed = flattenAuthorizedParties(await access.list()).find((p) => partyUrnOf(p) === party)!;
    assert.deepEqual(listed.authorizedResources, [], 'the old source names nothing');

    const discovery = await discoverCorrespondenceResources(sourcesFor(party));
    assert.deepEqual(discovery.failures, []);
    assert.deepEqual(discovery.asked, ['serviceResources']);
    assert.ok(discovery.resources.length > 0);
    assert.ok(discovery.resources.every((r) => r.sources.join() === 'serviceResources'));
    const { client } = correspondenceClient(sandbox(), http, { scopes: [READ_SCOPE], person: true });
    const ids = await Promise.all(
      discovery.resources.map((r) => client.listIds({ resourceId: r.id, onBehalfOf: party })),
    );
    assert.ok(ids.flat().length > 0, 'Correspondence lists messages for the resources found');
  });

  it("falls back to the party's Correspondence dialogs when serviceresources fails, and names the failure", async () => {
    const party = daglParty();
    const failing: DiscoverySources = {
      ...sourcesFor(party),
      serviceResources: () => Promise.reject(new Error('404 Not Found')),
    };
    const discovery = await discoverCorrespondenceResources(failing);
    assert.deepEqual(discovery.asked, ['serviceResources', 'dialogs']);
    assert.equal(discovery.failures.length, 1);
    assert.equal(discovery.failures[0].source, 'serviceResources');
    const viaServiceResources = await discoverCorrespondenceResources(sourcesFor(party));
    assert.deepEqual(
      discovery.resources.map((r) => r.id),
      viaServiceResources.resources.map((r) => r.id),
      'the same resources, found in the dialogs',
    );
    assert.ok(discovery.resources.every((r) => r.sources.join() === 'dialogs'));
  });

  it("adds the setting's resources with their source, and keeps only CorrespondenceService resources from the API", async () => {
    const discovery = await discoverCorrespondenceResources({
      serviceResources: async () => ({
        items: [
          { serviceResource: { id: 'skd-mva-melding', resourceType: 'altinnapp' } },
          { serviceResource: { id: 'altinn-correspondence-test', resourceType: 'correspondenceservice' } },
          { serviceResource: { id: 'digdir-testmelding', resourceType: 'CorrespondenceService' } },
        ],
      }),
      dialogs: () => assert.fail('not asked when serviceresources found some'),
      configured: ['urn:altinn:resource:digdir-testmelding', 'nav-sykmelding'],
    });
    assert.deepEqual(
      discovery.resources.map((r) => [r.id, r.sources.join('+')]),
      [
        ['altinn-correspondence-test', 'serviceResources'],
        ['digdir-testmelding', 'serviceResources+setting'],
        ['nav-sykmelding', 'setting'],
      ],
    );
    assert.deepEqual(
      resourcesWithin(discovery, 2)?.map((r) => r.id),
      ['digdir-testmelding', 'nav-sykmelding'],
      "too many: the setting's ones",
    );
    assert.equal(
      resourcesWithin(
        { ...discovery, resources: discovery.resources.filter((r) => !r.sources.includes('setting')) },
        0,
      ),
      undefined,
    );
  });
});
