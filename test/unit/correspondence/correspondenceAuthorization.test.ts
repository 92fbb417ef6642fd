import assert from 'node:assert/strict';
import { CorrespondenceApiError, type CorrespondenceClient } from '../../../src/platform/correspondence';
import { organizationUrn, personUrn } from '../../../src/platform/identifiers';
import type { SandboxCorrespondence } from '../../../src/sandbox/data/correspondenceTypes';
import { sandboxSystemUsers, sandboxToken, useSandbox } from '../helpers/sandbox';
import { correspondenceClient, rawRequest, READ_SCOPE, testHttp } from './clientSetup';
import { isAvailable, storeOf } from './fixtures';

const LIST = '/correspondence/api/v1/correspondence';

async function refusal(promise: Promise<unknown>): Promise<{ status: number; errorCode: unknown }> {
  const error = await promise.then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof CorrespondenceApiError, String(error));
  return { status: error.status, errorCode: error.errorCode };
}

describe('Correspondence authorization in the sandbox', () => {
  const sandbox = useSandbox();
  const { http } = testHttp();
  const find = (description: string, predicate: (c: SandboxCorrespondence) => boolean): SandboxCorrespondence => {
    const found = storeOf(sandbox()).items.find((c) => isAvailable(c) && predicate(c));
    if (!found) throw new Error(`fixture missing: ${description}`);
    return found;
  };
  const systemUserClient = (organisationNumber: string): CorrespondenceClient =>
    correspondenceClient(sandbox(), http(), { scopes: [READ_SCOPE], systemUserOrg: organisationNumber, altinn: true })
      .client;

  describe('persons', () => {
    it('a person limited to one resource for an organisation sees that resource there, and gets 4001 for the others', async () => {
      const entry = [...sandbox().context.world.personAccess].find(([, grants]) => grants.some((g) => g.resources));
      assert.ok(entry, 'the world has a person with a resource-limited role');
      const [pid, grants] = entry;
      const limited = grants.find((g) => g.resources)!;
      const allowedResource = limited.resources![0].replace('urn:altinn:resource:', '');
      const client = correspondenceClient(sandbox(), http(), { scopes: [READ_SCOPE], person: pid }).client;

      const ids = await client.listIds({ resourceId: allowedResource, onBehalfOf: limited.party });
      for (const id of ids) assert.equal(storeOf(sandbox()).get(id)?.recipient, limited.party);
      const allowed = find(
        'an item of the allowed resource',
        (c) => c.recipient === limited.party && c.resourceId === allowedResource,
      );
      assert.equal((await client.fetchOverview(allowed.correspondenceId)).correspondenceId, allowed.correspondenceId);

      const other = find(
        'an item of another resource',
        (c) => c.recipient === limited.party && c.resourceId !== allowedResource,
      );
      assert.deepEqual(await refusal(client.listIds({ resourceId: other.resourceId, onBehalfOf: limited.party })), {
        status: 401,
        errorCode: 4001,
      });
      assert.deepEqual(await refusal(client.fetchOverview(other.correspondenceId)), { status: 401, errorCode: 4001 });
    });

    it("another person's correspondence: 404 (1001) to read, 401 (4001) to change or to list", async () => {
      const world = sandbox().context.world;
      const stranger = world.persons.find((p) => p !== world.defaultPerson)!;
      const theirs = find(
        "the other person's own item",
        (c) => c.recipient === personUrn(stranger.nationalIdentityNumber),
      );
      const client = correspondenceClient(sandbox(), http(), { scopes: [READ_SCOPE], person: true }).client;
      const historyLength = theirs.statusHistory.length;
      assert.deepEqual(await refusal(client.fetchOverview(theirs.correspondenceId)), { status: 404, errorCode: 1001 });
      assert.deepEqual(await refusal(client.fetchDetails(theirs.correspondenceId)), { status: 404, errorCode: 1001 });
      assert.deepEqual(await refusal(client.markAsRead(theirs.correspondenceId)), { status: 401, errorCode: 4001 });
      assert.deepEqual(
        await refusal(client.listIds({ resourceId: theirs.resourceId, onBehalfOf: stranger.nationalIdentityNumber })),
        { status: 401, errorCode: 4001 },
      );
      assert.equal(theirs.statusHistory.length, historyLength, 'refused calls record no status');
    });
  });

  describe('system users', () => {
    it("a system user with delegations sees its organisation's correspondences, and nothing of other organisations", async () => {
      const user = sandboxSystemUsers(sandbox()).reduce((a, b) =>
        b.delegatedResources.length > a.delegatedResources.length ? b : a,
      );
      const own = organizationUrn(user.organisationNumber);
      const client = systemUserClient(user.organisationNumber);
      const mine = find("an item of the system user's organisation", (c) => c.recipient === own);
      assert.ok((await client.listIds({ resourceId: mine.resourceId })).includes(mine.correspondenceId));
      assert.equal((await client.fetchOverview(mine.correspondenceId)).recipient, own);

      const elsewhere = find(
        'an item of another organisation',
        (c) => c.recipient.includes(':organization:') && c.recipient !== own,
      );
      assert.deepEqual(await refusal(client.fetchOverview(elsewhere.correspondenceId)), {
        status: 404,
        errorCode: 1001,
      });
      assert.deepEqual(
        await refusal(client.listIds({ resourceId: elsewhere.resourceId, onBehalfOf: elsewhere.recipient })),
        { status: 401, errorCode: 4001 },
      );
    });

    it('a system user sees only its delegated resources: the others give 401 (4001), as the real API documents', async () => {
      const all = sandbox().context.world.serviceOwners.flatMap((o) => o.resources);
      const user = sandboxSystemUsers(sandbox()).find(
        (u) => u.delegatedResources.length > 0 && u.delegatedResources.length < all.length,
      );
      assert.ok(user, 'the sandbox has a partly delegated system user');
      const own = organizationUrn(user.organisationNumber);
      const client = systemUserClient(user.organisationNumber);
      const delegated = find(
        'a delegated-resource item',
        (c) => c.recipient === own && user.delegatedResources.includes(`urn:altinn:resource:${c.resourceId}`),
      );
      const notDelegated = find(
        'a non-delegated-resource item',
        (c) => c.recipient === own && !user.delegatedResources.includes(`urn:altinn:resource:${c.resourceId}`),
      );
      assert.ok((await client.listIds({ resourceId: delegated.resourceId })).includes(delegated.correspondenceId));
      assert.deepEqual(await refusal(client.listIds({ resourceId: notDelegated.resourceId })), {
        status: 401,
        errorCode: 4001,
      });
      assert.deepEqual(await refusal(client.fetchOverview(notDelegated.correspondenceId)), {
        status: 401,
        errorCode: 4001,
      });
    });

    it('a system user without delegations gets 4001 for every resource, even on its own organisation', async () => {
      const user = sandboxSystemUsers(sandbox()).find((u) => u.delegatedResources.length === 0);
      assert.ok(user);
      const client = systemUserClient(user.organisationNumber);
      const mine = find(
        'an item of the undelegated organisation',
        (c) => c.recipient === organizationUrn(user.organisationNumber),
      );
      const refused = await client.listIds({ resourceId: mine.resourceId }).catch((e: unknown) => e);
      assert.ok(refused instanceof CorrespondenceApiError);
      assert.equal(refused.reason, 'no-access-to-resource');
      assert.match(refused.message, /delegat/);
      assert.deepEqual(await refusal(client.fetchOverview(mine.correspondenceId)), { status: 401, errorCode: 4001 });
      assert.deepEqual(await refusal(client.markAsRead(mine.correspondenceId)), { status: 401, errorCode: 4001 });
    });
  });

  describe('tokens and scopes', () => {
    it('answers a missing token with 401, an empty body and a Bearer challenge', async () => {
      const response = await rawRequest(sandbox(), `${LIST}?resourceId=skd-skattemelding&role=Recipient`);
      assert.equal(response.status, 401);
      assert.equal(response.text, '');
      assert.equal(response.headers.get('www-authenticate'), 'Bearer');
    });

    it('answers a forged or expired token with 401 invalid_token', async () => {
      const forged = await rawRequest(sandbox(), `${LIST}?resourceId=skd-skattemelding&role=Recipient`, {
        token: 'eyJhbGciOiJIUzI1NiJ9.eyJzY29wZSI6ImFsdGlubjpjb3JyZXNwb25kZW5jZS5yZWFkIn0.c2lnbmF0dXJl',
      });
      assert.equal(forged.status, 401);
      assert.match(forged.headers.get('www-authenticate') ?? '', /invalid_token/);
      const token = await sandboxToken(sandbox(), { scopes: [READ_SCOPE], person: true });
      sandbox().context.clock.shift(3 * 3_600_000);
      try {
        const expired = await rawRequest(sandbox(), `${LIST}?resourceId=skd-skattemelding&role=Recipient`, { token });
        assert.equal(expired.status, 401);
        assert.match(expired.headers.get('www-authenticate') ?? '', /invalid_token/);
      } finally {
        sandbox().context.clock.shift(-3 * 3_600_000);
      }
      assert.equal(
        (await rawRequest(sandbox(), `${LIST}?resourceId=skd-skattemelding&role=Recipient`, { token })).status,
        200,
      );
    });

    it('answers a valid token without altinn:correspondence.read with 403 and an empty body', async () => {
      const token = await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'], person: true });
      const response = await rawRequest(sandbox(), `${LIST}?resourceId=skd-skattemelding&role=Recipient`, { token });
      assert.equal(response.status, 403);
      assert.equal(response.text, '');
    });
  });
});
