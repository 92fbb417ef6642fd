import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { inspectJwt } from '../../../src/platform/auth/jwtInspection';
import { JwksVerifier, trustedIssuersFor } from '../../../src/platform/auth/jwksVerification';
import { JwtDecodeError } from '../../../src/platform/auth/jwtDecode';
import { resolveEnvironment } from '../../../src/platform/environments';
import { HttpClient } from '../../../src/platform/http';
import { personUrn } from '../../../src/platform/identifiers';
import { sandboxSystemUsers, sandboxToken, useSandbox } from '../helpers/sandbox';

describe('JWT inspection and JWKS verification against the sandbox issuers', () => {
  const sandbox = useSandbox({ dialogs: 20 });
  let http: HttpClient;
  let verifier: JwksVerifier;
  before(() => {
    http = new HttpClient({ retry: { maxRetries: 0 } });
    verifier = new JwksVerifier(http, trustedIssuersFor(resolveEnvironment('sandbox', sandbox().urls)));
  });
  after(() => http.close());

  async function dialogToken(): Promise<string> {
    const token = await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'], person: true });
    const party = personUrn(sandbox().context.world.defaultPerson.nationalIdentityNumber);
    const headers = { authorization: `Bearer ${token}` };
    const list = await http.getJson<{ items: { id: string }[] }>(
      `${sandbox().urls.dialogportenBase}/api/v1/enduser/dialogs?party=${encodeURIComponent(party)}&limit=1`,
      { payload: 'dialogs' },
      { headers },
    );
    assert.ok(list.items.length > 0, 'the default person has dialogs');
    const dialog = await http.getJson<{ dialogToken: string }>(
      `${sandbox().urls.dialogportenBase}/api/v1/enduser/dialogs/${list.items[0].id}`,
      { payload: 'dialog' },
      { headers },
    );
    return dialog.dialogToken;
  }

  it('explains a system-user Maskinporten token: kind, scopes, consumer, system user, expiry', async () => {
    const user = sandboxSystemUsers(sandbox())[0];
    const token = await sandboxToken(sandbox(), {
      scopes: ['digdir:dialogporten', 'altinn:correspondence.read'],
      systemUserOrg: user.organisationNumber,
    });
    const inspection = inspectJwt(token);
    assert.equal(inspection.kind, 'maskinporten');
    assert.deepEqual(inspection.scopes, ['digdir:dialogporten', 'altinn:correspondence.read']);
    assert.equal(inspection.consumerOrganisationNumber, sandbox().context.world.clients[0].ownerOrganisationNumber);
    assert.equal(inspection.systemUser?.id, user.id);
    assert.equal(inspection.systemUser?.organisationNumber, user.organisationNumber);
    assert.equal(inspection.expiry.state, 'valid');
    assert.match(inspection.expiry.text, /^expires in 1(19|20) s$/);
    const details = inspection.explanations.find((e) => e.name === 'authorization_details');
    assert.match(details?.meaning ?? '', /system user/);
    assert.match(inspection.explanations.find((e) => e.name === 'exp')?.value ?? '', /\(\d{4}-\d\d-\d\dT/);
  });

  it('reports expired, within-skew and not-yet-valid tokens', async () => {
    const token = await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'] });
    const now = Date.now();
    assert.equal(inspectJwt(token, { nowMs: now + 200_000 }).expiry.state, 'expired');
    assert.match(inspectJwt(token, { nowMs: now + 200_000 }).expiry.text, /expired 8\d s ago/);
    const nearEnd = inspectJwt(token, { nowMs: now + 115_000 }).expiry;
    assert.ok(nearEnd.state === 'valid' && nearEnd.withinSkew);
    assert.equal(inspectJwt(token, { nowMs: now - 60_000 }).expiry.state, 'not-yet-valid');
  });

  it('recognises Altinn tokens, person test tokens (pid) and dialog tokens with their one-letter claims', async () => {
    assert.equal(
      inspectJwt(await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'], altinn: true })).kind,
      'altinn',
    );
    const person = inspectJwt(await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'], person: true }));
    assert.equal(person.kind, 'altinn-test-tools');
    assert.equal(person.pid, sandbox().context.world.defaultPerson.nationalIdentityNumber);
    const dialog = inspectJwt(await dialogToken());
    assert.equal(dialog.kind, 'dialog-token');
    for (const claim of ['c', 'p', 'i', 'a'])
      assert.ok(dialog.explanations.find((e) => e.name === claim)?.meaning, `meaning of ${claim}`);
  });

  it('says what is wrong with text that is not a JWT', () => {
    assert.throws(
      () => inspectJwt('abc.def'),
      (e: unknown) => e instanceof JwtDecodeError && /three/.test(e.message),
    );
    assert.throws(() => inspectJwt('eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.sig'), /not JSON/);
  });

  it('verifies Maskinporten, Altinn and Dialogporten (EdDSA) tokens against their published JWKS', async () => {
    for (const token of [
      await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'] }),
      await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'], altinn: true }),
      await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'], person: true }),
    ]) {
      const verdict = await verifier.verify(token);
      assert.equal(verdict.verdict, 'verified', JSON.stringify(verdict));
    }
    const dialog = await verifier.verify(await dialogToken());
    assert.ok(dialog.verdict === 'verified' && dialog.alg === 'EdDSA', JSON.stringify(dialog));
  });

  it("detects a tampered token and one signed by someone else under the issuer's name", async () => {
    const token = await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'] });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, scope: 'altinn:serviceowner' })).toString('base64url')}.${signature}`;
    assert.equal((await verifier.verify(tampered)).verdict, 'bad-signature');
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: sandbox().context.keys.maskinporten.kid })
      .sign(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
    const verdict = await verifier.verify(forged);
    assert.ok(verdict.verdict === 'bad-signature' && /signature does not match/.test(verdict.reason));
  });

  it('does not fetch keys for an issuer outside the environment, and reports an unreachable issuer', async () => {
    const foreign = await new SignJWT({ scope: 'x' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer('https://evil.example/')
      .sign(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
    assert.equal((await verifier.verify(foreign)).verdict, 'unknown-issuer');
    const offline = resolveEnvironment('sandbox', { baseUrl: 'http://127.0.0.1:9' });
    const offlineToken = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(offline.maskinporten.audience)
      .sign(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
    const verdict = await new JwksVerifier(http, trustedIssuersFor(offline)).verify(offlineToken);
    assert.equal(verdict.verdict, 'unreachable');
  });
});
