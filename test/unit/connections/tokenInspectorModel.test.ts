import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  buildInspectorModel,
  renderInspectorBody,
  verdictView,
} from '../../../src/vscode/tokenInspector/tokenInspectorModel';
import { renderWebviewShell } from '../../../src/vscode/webview/webviewHtml';

async function sign(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
  alg = 'RS256',
): Promise<string> {
  const { privateKey } =
    alg === 'EdDSA' ? generateKeyPairSync('ed25519') : generateKeyPairSync('rsa', { modulusLength: 2048 });
  return new SignJWT(claims).setProtectedHeader({ alg, kid: 'k1', ...header }).sign(privateKey);
}

describe('token inspector model: decoded claims with explanations, never the token', () => {
  it('explains a Maskinporten system-user token and checks its scopes against the features', async () => {
    const now = Date.now();
    const token = await sign({
      iss: 'https://test.maskinporten.no/',
      client_amr: 'private_key_jwt',
      scope: 'digdir:dialogporten altinn:correspondence.read',
      consumer: { authority: 'iso6523-actorid-upis', ID: '0192:310000001' },
      iat: Math.floor(now / 1000),
      exp: Math.floor(now / 1000) + 120,
      authorization_details: [
        {
          type: 'urn:altinn:systemuser',
          systemuser_id: ['su-1'],
          systemuser_org: { authority: 'iso6523-actorid-upis', ID: '0192:310000002' },
        },
      ],
    });
    const model = buildInspectorModel(token, { source: 'test', nowMs: now });
    assert.equal(model.kind, 'maskinporten');
    assert.equal(model.identity.systemUserOrganisationNumber, '310000002');
    assert.match(model.claims.find((c) => c.name === 'consumer')?.meaning ?? '', /organisation the token is issued to/);
    assert.match(model.claims.find((c) => c.name === 'exp')?.value ?? '', /\(\d{4}-\d\d-\d\dT/);
    assert.equal(model.header.find((h) => h.name === 'kid')?.value, 'k1');
    assert.equal(model.expiry.state, 'valid');
    assert.equal(model.features.find((f) => f.label === 'Dialogporten inbox')?.satisfied, true);
    assert.equal(model.features.find((f) => f.label === 'Authorized parties')?.satisfied, false);
    const [, , signature] = token.split('.');
    const serialised = JSON.stringify(model);
    assert.ok(
      !serialised.includes(token) && !serialised.includes(signature),
      'the model holds neither the token nor its signature',
    );
    assert.deepEqual(JSON.parse(model.json).claims.scope, 'digdir:dialogporten altinn:correspondence.read');
  });

  it('explains Dialogporten dialog-token one-letter claims', async () => {
    const token = await sign(
      {
        iss: 'https://platform.tt02.altinn.no/dialogporten/api/v1',
        c: 'urn:altinn:person:identifier-no:01017012345',
        i: 'd1',
        a: 'read',
        exp: 1,
      },
      {},
      'EdDSA',
    );
    const model = buildInspectorModel(token, { source: 'test' });
    assert.equal(model.kind, 'dialog-token');
    assert.match(model.claims.find((c) => c.name === 'i')?.meaning ?? '', /Dialog id/);
    assert.equal(model.expiry.state, 'expired');
    assert.deepEqual(model.features, []);
  });

  it('renders escaped HTML that carries no token, inside the nonce CSP shell', async () => {
    const token = await sign({
      iss: 'https://x/',
      sub: '<img src=x onerror=alert(1)>',
      exp: Math.floor(Date.now() / 1000) + 600,
    });
    const model = buildInspectorModel(token, { source: 'Clipboard' });
    const body = renderInspectorBody({
      ...model,
      verdict: verdictView({
        verdict: 'unknown-issuer',
        issuer: 'https://x/',
        reason: 'https://x/ is not an issuer of the selected environment',
      }),
    });
    assert.ok(!body.includes('<img'), 'claim values are escaped');
    assert.match(body, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(body, /data-exp-ms="\d+"/);
    assert.match(body, /Signature not checked/);
    assert.ok(!body.includes(token.split('.')[2]) && !body.includes(token));
    const html = renderWebviewShell({
      cspSource: 'vscode-resource:',
      title: 'Token',
      scriptUri: 'x.js',
      styleUri: 'x.css',
      bodyHtml: body,
      nonce: 'abc',
    });
    assert.match(html, /default-src &#39;none&#39;; script-src &#39;nonce-abc&#39;/);
    assert.doesNotMatch(body, /<script|<[^>]*\son\w+=/i, 'no script or inline handler in the body');
  });

  it('words every verdict', () => {
    assert.equal(verdictView({ verdict: 'verified', issuer: 'https://i/', alg: 'RS256', kid: 'k' }).state, 'verified');
    assert.match(verdictView({ verdict: 'bad-signature', issuer: 'i', reason: 'altered' }).text, /NOT valid: altered/);
    assert.match(verdictView({ verdict: 'unreachable', issuer: 'i', reason: 'ENOTFOUND' }).text, /unreachable/);
  });
});
