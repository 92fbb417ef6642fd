import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { decodeJwtUnverified } from '../../../src/platform/auth/jwtDecode';
import { organizationUrn } from '../../../src/platform/identifiers';
import type { SandboxHandle } from '../../../src/sandbox';
import { dialogStoreOf } from '../../../src/sandbox/dialogporten';
import { rawRequest, READ_SCOPE } from '../correspondence/clientSetup';
import { sandboxSystemUsers, sandboxToken, useSandbox } from '../helpers/sandbox';
import { DIALOGPORTEN_SCOPE, defaultPersonParty, dpFetch, endUser, personToken, type Json } from './dialogportenHttp';

const USER_TYPE_MESSAGE =
  'The request was authenticated, but we were unable to determine valid user type in order to authorize the request. Valid user types for this endpoint are: Person, SystemUser, IdportenEmailIdentifiedUser';

/** A token signed by the sandbox's Maskinporten key with exactly these claims (shapes the real Maskinporten would not hand this client). */
async function craftedMaskinportenToken(handle: SandboxHandle, claims: Record<string, unknown>): Promise<string> {
  const now = handle.context.clock.nowSeconds();
  return new SignJWT({ client_id: handle.defaultClient.clientId, token_type: 'Bearer', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: handle.context.keys.maskinporten.kid })
    .setIssuer(handle.urls.maskinportenIssuer)
    .setIssuedAt(now)
    .setExpirationTime(now + 120)
    .sign(handle.context.keys.maskinporten.privateKey);
}

function assertUserTypeRefusal(response: { status: number; headers: Headers; body: Json }, path: string): void {
  assert.equal(response.status, 403, path);
  assert.match(
    String(response.headers.get('content-type')),
    /^application\/json; charset=utf-8$/,
    'written with WriteAsJsonAsync, not as problem+json',
  );
  assert.equal(response.body.title, 'Forbidden.');
  assert.equal(response.body.status, 403);
  assert.equal(response.body.type, 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.3');
  assert.equal(response.body.instance, path);
  assert.deepEqual(response.body.errors, { Type: [USER_TYPE_MESSAGE] });
  assert.match(response.body.traceId, /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
}

describe('sandbox Dialogporten: user types on the end-user API (UserTypeValidationMiddleware)', function () {
  this.timeout(30_000);
  const sandbox = useSandbox({ dialogs: 30 });

  it("refuses a plain Maskinporten token (no system user, no person) with the middleware's 403 on every end-user route", async () => {
    const handle = sandbox();
    const token = await sandboxToken(handle, { scopes: [DIALOGPORTEN_SCOPE] });
    const dialog = dialogStoreOf(handle.context).dialogsOf(defaultPersonParty(handle))[0];
    const routes: [string, string, unknown?][] = [
      ['GET', '/parties'],
      ['GET', `/dialogs?party=${encodeURIComponent(defaultPersonParty(handle))}`],
      ['GET', `/dialogs/${dialog.fields.id}`],
      ['GET', `/dialogs/${dialog.fields.id}/transmissions`],
      ['PUT', `/dialogs/${dialog.fields.id}/context/systemlabels`, { addLabels: ['Bin'] }],
    ];
    for (const [method, path, body] of routes) {
      const response = await dpFetch(endUser(handle, path), { method, token, body });
      assertUserTypeRefusal(response, `/api/v1/enduser${path.split('?')[0]}`);
    }
  });

  it("refuses the same organisation token exchanged for an Altinn token, and a service owner's token", async () => {
    const handle = sandbox();
    const exchanged = await sandboxToken(handle, { scopes: [DIALOGPORTEN_SCOPE], altinn: true });
    assertUserTypeRefusal(await dpFetch(endUser(handle, '/parties'), { token: exchanged }), '/api/v1/enduser/parties');
    const serviceOwner = await craftedMaskinportenToken(handle, {
      scope: `${DIALOGPORTEN_SCOPE} digdir:dialogporten.serviceprovider`,
      consumer: {
        authority: 'iso6523-actorid-upis',
        ID: `0192:${handle.context.world.serviceOwners[0].organisationNumber}`,
      },
    });
    assertUserTypeRefusal(
      await dpFetch(endUser(handle, '/parties'), { token: serviceOwner }),
      '/api/v1/enduser/parties',
    );
  });

  it('checks the scope first: a plain token without digdir:dialogporten gets the scope 403, not the user-type one', async () => {
    const handle = sandbox();
    const token = await sandboxToken(handle, { scopes: [READ_SCOPE] });
    const response = await dpFetch(endUser(handle, '/parties'), { token });
    assert.equal(response.status, 403);
    assert.equal(response.body.errors, undefined);
  });

  it("lets a person and a system user through, with authorization_details as Maskinporten's array or the exchange's object", async () => {
    const handle = sandbox();
    const person = await dpFetch(endUser(handle, '/parties'), { token: await personToken(handle) });
    assert.equal(person.status, 200);
    assert.ok(person.body.authorizedParties.some((p: Json) => p.party === defaultPersonParty(handle)));

    const user = sandboxSystemUsers(handle).find((u) => u.delegatedResources.length > 0)!;
    const viaMaskinporten = await sandboxToken(handle, {
      scopes: [DIALOGPORTEN_SCOPE],
      systemUserOrg: user.organisationNumber,
    });
    const viaExchange = await sandboxToken(handle, {
      scopes: [DIALOGPORTEN_SCOPE],
      systemUserOrg: user.organisationNumber,
      altinn: true,
    });
    assert.ok(Array.isArray(decodeJwtUnverified(viaMaskinporten).claims.authorization_details));
    assert.ok(!Array.isArray(decodeJwtUnverified(viaExchange).claims.authorization_details));
    for (const token of [viaMaskinporten, viaExchange]) {
      const parties = await dpFetch(endUser(handle, '/parties'), { token });
      assert.equal(parties.status, 200, parties.text);
      assert.deepEqual(
        parties.body.authorizedParties.map((p: Json) => p.party),
        [organizationUrn(user.organisationNumber)],
      );
    }
  });

  it('Correspondence has no user-type gate: a plain organisation token is the organisation itself there', async () => {
    // altinn-correspondence, src/Altinn.Correspondence.Common/Helpers/ClaimsPrincipalExtensions.cs: GetCallerOrganizationId
    // falls back to urn:altinn:orgNumber / consumer ("Enterprise token"); access is then Altinn Authorization's decision.
    const handle = sandbox();
    const token = await sandboxToken(handle, { scopes: [READ_SCOPE] });
    const resourceId = handle.context.world.serviceOwners[0].resources[0].replace('urn:altinn:resource:', '');
    const response = await rawRequest(
      handle,
      `/correspondence/api/v1/correspondence?resourceId=${resourceId}&role=Recipient`,
      { token },
    );
    assert.equal(response.status, 200, response.text);
  });
});
