import assert from 'node:assert/strict';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { exportJWK } from 'jose';
import { requestMaskinportenToken } from '../../../src/platform/auth/maskinportenTokenClient';
import { MaskinportenError } from '../../../src/platform/errors';
import { HttpClient } from '../../../src/platform/http';
import { certificateKeyForTest } from '../helpers/certificateKeys';
import { makeBusinessCertificate } from '../helpers/certificates';
import { craftGrant, grantForm, postToken } from '../helpers/grants';
import { sandboxSystemUsers, useSandbox } from '../helpers/sandbox';

/** Sends the grant through the platform client and returns the MaskinportenError it must produce. */
async function refusal(tokenEndpoint: string, assertion: string): Promise<MaskinportenError> {
  const http = new HttpClient({ retry: { maxRetries: 0 } });
  try {
    await requestMaskinportenToken(http, { tokenEndpoint, assertion });
  } catch (error) {
    if (error instanceof MaskinportenError) return error;
    throw error;
  } finally {
    await http.close();
  }
  assert.fail('the sandbox accepted a grant that breaks a rule');
}

function expectRefusal(
  error: MaskinportenError,
  expected: { status?: number; error: string; mpCode: string; text?: RegExp },
): void {
  assert.equal(error.status, expected.status ?? 400);
  assert.equal(error.error, expected.error);
  assert.equal(error.mpCode, expected.mpCode, error.errorDescription);
  if (expected.text) assert.match(error.errorDescription ?? '', expected.text);
  assert.ok(error.explanation.likelyCause.length > 0);
}

describe('sandbox Maskinporten: each grant rule rejects with the documented error and MP code', () => {
  const sandbox = useSandbox();
  const endpoint = (): string => sandbox().urls.tokenEndpoint;

  describe('the request', () => {
    it('must be form-encoded', async () => {
      const { status, body } = await postToken(sandbox(), grantForm(await craftGrant(sandbox())), 'application/json');
      assert.equal(status, 400);
      assert.equal(body.error, 'invalid_request');
      assert.match(body.error_description ?? '', /MP-011/);
    });

    it('must use the jwt-bearer grant_type', async () => {
      const { status, body } = await postToken(sandbox(), {
        grant_type: 'client_credentials',
        assertion: await craftGrant(sandbox()),
      });
      assert.equal(status, 400);
      assert.equal(body.error, 'invalid_request');
      assert.match(body.error_description ?? '', /grant_type.*MP-011/);
    });

    it('must carry an assertion', async () => {
      const { body } = await postToken(sandbox(), { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer' });
      assert.equal(body.error, 'invalid_request');
      assert.match(body.error_description ?? '', /Missing parameter assertion \(MP-011\)/);
    });

    it('refuses an assertion with line breaks (MP-011)', async () => {
      const grant = await craftGrant(sandbox());
      expectRefusal(await refusal(endpoint(), `${grant.slice(0, 40)}\n${grant.slice(40)}`), {
        error: 'invalid_request',
        mpCode: 'MP-011',
        text: /line breaks/,
      });
    });

    it('refuses an assertion that is not a compact JWS (MP-011)', async () => {
      expectRefusal(await refusal(endpoint(), 'not-a.jwt'), { error: 'invalid_request', mpCode: 'MP-011' });
    });
  });

  describe('the header', () => {
    it('allows only RS256/RS384/RS512 (ES256 → MP-124)', async () => {
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      expectRefusal(await refusal(endpoint(), await craftGrant(sandbox(), { alg: 'ES256', key: privateKey })), {
        error: 'invalid_grant',
        mpCode: 'MP-124',
        text: /ES256/,
      });
    });

    it('needs kid or x5c (neither → MP-100) and not both (→ MP-123)', async () => {
      expectRefusal(await refusal(endpoint(), await craftGrant(sandbox(), { header: { kid: undefined } })), {
        error: 'invalid_grant',
        mpCode: 'MP-100',
        text: /neither kid nor x5c/,
      });
      expectRefusal(await refusal(endpoint(), await craftGrant(sandbox(), { header: { x5c: ['AAAA'] } })), {
        error: 'invalid_grant',
        mpCode: 'MP-123',
        text: /not both/,
      });
    });

    it('refuses a kid that is not registered on the client (MP-120)', async () => {
      expectRefusal(await refusal(endpoint(), await craftGrant(sandbox(), { header: { kid: 'some-other-kid' } })), {
        error: 'invalid_grant',
        mpCode: 'MP-120',
      });
    });

    it('refuses a registered key that has expired (MP-121)', async () => {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const clientId = randomUUID();
      sandbox().context.world.clients.push({
        clientId,
        name: 'expired-key client',
        ownerOrganisationNumber: sandbox().context.world.clients[0].ownerOrganisationNumber,
        scopes: ['digdir:dialogporten'],
        certificateOrganisationNumbers: [],
        publicJwks: [
          { ...(await exportJWK(publicKey)), kid: 'old-key', exp: sandbox().context.clock.nowSeconds() - 60 },
        ],
      });
      const grant = await craftGrant(sandbox(), {
        header: { kid: 'old-key' },
        claims: { iss: clientId },
        key: privateKey,
      });
      expectRefusal(await refusal(endpoint(), grant), { error: 'invalid_grant', mpCode: 'MP-121' });
    });

    it('refuses a grant signed by another key under the registered kid (MP-124)', async () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      expectRefusal(await refusal(endpoint(), await craftGrant(sandbox(), { key: privateKey })), {
        error: 'invalid_grant',
        mpCode: 'MP-124',
        text: /signature/,
      });
    });
  });

  describe('x5c (business certificate)', () => {
    it('must be an array of base64 DER certificates (plain string → MP-123)', async () => {
      const cert = makeBusinessCertificate({
        organisationNumber: sandbox().context.world.clients[0].ownerOrganisationNumber,
      });
      const der = certificateKeyForTest(cert).x5c[0];
      const grant = await craftGrant(sandbox(), {
        header: { kid: undefined, x5c: der },
        key: certificateKeyForTest(cert).privateKey,
      });
      expectRefusal(await refusal(endpoint(), grant), { error: 'invalid_grant', mpCode: 'MP-123' });
    });

    it('must chain leaf → issuer (MP-123)', async () => {
      const owner = sandbox().context.world.clients[0].ownerOrganisationNumber;
      const leaf = makeBusinessCertificate({ organisationNumber: owner });
      const unrelated = makeBusinessCertificate({ organisationNumber: owner, commonName: 'UNRELATED CA' });
      const material = certificateKeyForTest(leaf);
      const grant = await craftGrant(sandbox(), {
        header: { kid: undefined, x5c: [material.x5c[0], certificateKeyForTest(unrelated).x5c[0]] },
        key: material.privateKey,
      });
      expectRefusal(await refusal(endpoint(), grant), {
        error: 'invalid_grant',
        mpCode: 'MP-123',
        text: /not issued by/,
      });
    });

    it('refuses an expired certificate (MP-120)', async () => {
      const cert = makeBusinessCertificate({
        organisationNumber: sandbox().context.world.clients[0].ownerOrganisationNumber,
        notBefore: new Date(Date.now() - 400 * 86_400_000),
        notAfter: new Date(Date.now() - 86_400_000),
      });
      const material = certificateKeyForTest(cert);
      expectRefusal(
        await refusal(
          endpoint(),
          await craftGrant(sandbox(), { header: { kid: undefined, x5c: material.x5c }, key: material.privateKey }),
        ),
        { error: 'invalid_grant', mpCode: 'MP-120', text: /not valid now/ },
      );
    });

    it('refuses a certificate of another organisation than the client owner (MP-122)', async () => {
      const material = certificateKeyForTest(makeBusinessCertificate({ organisationNumber: '991825827' }));
      expectRefusal(
        await refusal(
          endpoint(),
          await craftGrant(sandbox(), { header: { kid: undefined, x5c: material.x5c }, key: material.privateKey }),
        ),
        { error: 'invalid_grant', mpCode: 'MP-122', text: /991825827/ },
      );
    });
  });

  describe('the claims', () => {
    it('refuses an unknown client id in iss (MP-100)', async () => {
      expectRefusal(await refusal(endpoint(), await craftGrant(sandbox(), { claims: { iss: randomUUID() } })), {
        error: 'invalid_grant',
        mpCode: 'MP-100',
        text: /unknown client/,
      });
    });

    it('refuses undocumented claims (MP-011)', async () => {
      expectRefusal(await refusal(endpoint(), await craftGrant(sandbox(), { claims: { tenant: 'x' } })), {
        error: 'invalid_grant',
        mpCode: 'MP-011',
        text: /tenant/,
      });
    });

    it('requires aud to be the issuer with trailing slash (token URL or no slash → MP-110)', async () => {
      expectRefusal(
        await refusal(endpoint(), await craftGrant(sandbox(), { claims: { aud: sandbox().urls.tokenEndpoint } })),
        { error: 'invalid_grant', mpCode: 'MP-110' },
      );
      expectRefusal(
        await refusal(
          endpoint(),
          await craftGrant(sandbox(), { claims: { aud: sandbox().urls.maskinportenIssuer.slice(0, -1) } }),
        ),
        { error: 'invalid_grant', mpCode: 'MP-110' },
      );
    });

    it('refuses iat more than 10 s in the future ("Issue time is after now", MP-130) or in the past', async () => {
      const now = sandbox().context.clock.nowSeconds();
      const ahead = await refusal(
        endpoint(),
        await craftGrant(sandbox(), { claims: { iat: now + 30, exp: now + 90 } }),
      );
      expectRefusal(ahead, { error: 'invalid_grant', mpCode: 'MP-130', text: /Issue time is after now/ });
      assert.match(ahead.explanation.likelyCause, /clock is ahead/);
      expectRefusal(
        await refusal(endpoint(), await craftGrant(sandbox(), { claims: { iat: now - 30, exp: now + 60 } })),
        { error: 'invalid_grant', mpCode: 'MP-130' },
      );
    });

    it('accepts iat within the 10 s skew but refuses exp − iat > 120 (MP-130)', async () => {
      const now = sandbox().context.clock.nowSeconds();
      const http = new HttpClient();
      for (const iat of [now - 5, now + 5]) {
        const token = await requestMaskinportenToken(http, {
          tokenEndpoint: endpoint(),
          assertion: await craftGrant(sandbox(), { claims: { iat, exp: iat + 120 } }),
        });
        assert.equal(token.tokenType, 'Bearer');
      }
      await http.close();
      expectRefusal(await refusal(endpoint(), await craftGrant(sandbox(), { claims: { iat: now, exp: now + 121 } })), {
        error: 'invalid_grant',
        mpCode: 'MP-130',
        text: /121 s/,
      });
    });

    it('refuses an expired grant (MP-130)', async () => {
      const now = sandbox().context.clock.nowSeconds();
      expectRefusal(
        await refusal(endpoint(), await craftGrant(sandbox(), { claims: { iat: now - 8, exp: now - 2 } })),
        { error: 'invalid_grant', mpCode: 'MP-130', text: /expired/ },
      );
    });

    it('refuses a reused jti (MP-012)', async () => {
      const grant = await craftGrant(sandbox());
      const http = new HttpClient();
      await requestMaskinportenToken(http, { tokenEndpoint: endpoint(), assertion: grant });
      await http.close();
      expectRefusal(await refusal(endpoint(), grant), {
        error: 'invalid_grant',
        mpCode: 'MP-012',
        text: /used before/,
      });
    });

    it("requires a scope (MP-011), registered on the client (MP-200), and of the client's integration type (MP-201)", async () => {
      expectRefusal(await refusal(endpoint(), await craftGrant(sandbox(), { omitClaims: ['scope'] })), {
        error: 'invalid_request',
        mpCode: 'MP-011',
        text: /scope/,
      });
      expectRefusal(
        await refusal(
          endpoint(),
          await craftGrant(sandbox(), { claims: { scope: 'digdir:dialogporten skatteetaten:unknown' } }),
        ),
        { error: 'invalid_scope', mpCode: 'MP-200', text: /skatteetaten:unknown/ },
      );
      expectRefusal(
        await refusal(endpoint(), await craftGrant(sandbox(), { claims: { scope: 'altinn:serviceowner' } })),
        { error: 'invalid_scope', mpCode: 'MP-201' },
      );
    });

    it('accepts resource only as an array of URIs (string → MP-011)', async () => {
      expectRefusal(
        await refusal(endpoint(), await craftGrant(sandbox(), { claims: { resource: 'https://api.example/' } })),
        { error: 'invalid_request', mpCode: 'MP-011', text: /array/ },
      );
    });

    it('refuses consumer_org equal to the own organisation (MP-011) and a missing Altinn delegation (403, MP-251)', async () => {
      const own = sandbox().context.world.clients[0].ownerOrganisationNumber;
      expectRefusal(await refusal(endpoint(), await craftGrant(sandbox(), { claims: { consumer_org: own } })), {
        error: 'invalid_request',
        mpCode: 'MP-011',
      });
      expectRefusal(await refusal(endpoint(), await craftGrant(sandbox(), { claims: { consumer_org: '991825827' } })), {
        status: 403,
        error: 'access_denied',
        mpCode: 'MP-251',
      });
    });
  });

  describe('authorization_details for system users', () => {
    const detail = (orgNo: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
      type: 'urn:altinn:systemuser',
      systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${orgNo}` },
      ...extra,
    });

    it('must be an array of one object of type urn:altinn:systemuser (MP-301)', async () => {
      const org = sandboxSystemUsers(sandbox())[0].organisationNumber;
      expectRefusal(
        await refusal(endpoint(), await craftGrant(sandbox(), { claims: { authorization_details: detail(org) } })),
        { error: 'invalid_authorization_details', mpCode: 'MP-301' },
      );
      expectRefusal(
        await refusal(
          endpoint(),
          await craftGrant(sandbox(), {
            claims: { authorization_details: [{ ...detail(org), type: 'urn:altinn:consent' }] },
          }),
        ),
        { error: 'invalid_authorization_details', mpCode: 'MP-301' },
      );
    });

    it('refuses unknown fields (MP-302)', async () => {
      const org = sandboxSystemUsers(sandbox())[0].organisationNumber;
      expectRefusal(
        await refusal(
          endpoint(),
          await craftGrant(sandbox(), { claims: { authorization_details: [detail(org, { systemuser_id: 'x' })] } }),
        ),
        { error: 'invalid_authorization_details', mpCode: 'MP-302', text: /systemuser_id/ },
      );
    });

    it('refuses a malformed systemuser_org or an organisation without a system user for this client (MP-303)', async () => {
      expectRefusal(
        await refusal(
          endpoint(),
          await craftGrant(sandbox(), {
            claims: {
              authorization_details: [
                {
                  type: 'urn:altinn:systemuser',
                  systemuser_org: { authority: 'iso6523-actorid-upis', ID: '991825827' },
                },
              ],
            },
          }),
        ),
        { error: 'invalid_authorization_details', mpCode: 'MP-303' },
      );
      const withoutSystemUser = sandbox().context.world.organisations.find(
        (o) => !sandboxSystemUsers(sandbox()).some((u) => u.organisationNumber === o.organisationNumber),
      );
      assert.ok(withoutSystemUser);
      const error = await refusal(
        endpoint(),
        await craftGrant(sandbox(), {
          claims: { authorization_details: [detail(withoutSystemUser.organisationNumber)] },
        }),
      );
      expectRefusal(error, {
        error: 'invalid_authorization_details',
        mpCode: 'MP-303',
        text: /invalid_altinn_customer_configuration/,
      });
      assert.match(error.explanation.likelyCause, /no system user/);
    });

    it('requires externalRef exactly when the system user was requested with a non-default one (MP-303)', async () => {
      const users = sandboxSystemUsers(sandbox());
      const custom = users.find((u) => u.externalRef);
      const plain = users.find((u) => !u.externalRef);
      assert.ok(custom && plain);
      expectRefusal(
        await refusal(
          endpoint(),
          await craftGrant(sandbox(), { claims: { authorization_details: [detail(custom.organisationNumber)] } }),
        ),
        { error: 'invalid_authorization_details', mpCode: 'MP-303', text: /externalRef missing/ },
      );
      expectRefusal(
        await refusal(
          endpoint(),
          await craftGrant(sandbox(), {
            claims: { authorization_details: [detail(custom.organisationNumber, { externalRef: 'wrong' })] },
          }),
        ),
        { error: 'invalid_authorization_details', mpCode: 'MP-303' },
      );
      expectRefusal(
        await refusal(
          endpoint(),
          await craftGrant(sandbox(), {
            claims: { authorization_details: [detail(plain.organisationNumber, { externalRef: 'not-default' })] },
          }),
        ),
        { error: 'invalid_authorization_details', mpCode: 'MP-303' },
      );
    });
  });
});
