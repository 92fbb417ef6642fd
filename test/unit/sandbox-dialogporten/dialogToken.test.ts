import assert from 'node:assert/strict';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { organizationUrn } from '../../../src/platform/identifiers';
import { dialogStoreOf } from '../../../src/sandbox/dialogporten';
import { sandboxSystemUsers, sandboxToken, useSandbox } from '../helpers/sandbox';
import {
  DIALOGPORTEN_SCOPE,
  defaultPersonParty,
  dpFetch,
  endUser,
  personToken,
  searchAll,
  type Json,
} from './dialogportenHttp';

describe('sandbox Dialogporten: dialog tokens and the content they unlock', function () {
  this.timeout(30_000);
  const sandbox = useSandbox({ dialogs: 80 });

  async function detailsWith(predicate: (dialog: Json) => boolean, token: string): Promise<Json> {
    const handle = sandbox();
    for (const item of await searchAll(
      handle,
      token,
      `party=${encodeURIComponent(defaultPersonParty(handle))}&limit=1000`,
    )) {
      const dialog = (await dpFetch(endUser(handle, `/dialogs/${item.id}`), { token })).body;
      if (predicate(dialog)) return dialog;
    }
    throw new Error('no dialog fits');
  }

  it('signs the dialog token with EdDSA; it verifies against the published JWKS and carries the one-letter claims', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const dialog = await detailsWith(() => true, token);
    assert.equal(decodeProtectedHeader(dialog.dialogToken).alg, 'EdDSA');
    const jwks = createRemoteJWKSet(new URL(`${handle.urls.dialogportenBase}/api/v1/.well-known/jwks.json`));
    const { payload } = await jwtVerify(dialog.dialogToken, jwks, {
      issuer: `${handle.urls.dialogportenBase}/api/v1`,
      currentDate: new Date(handle.context.clock.nowMs()),
    });
    assert.equal(payload.i, dialog.id);
    assert.equal(payload.p, dialog.party);
    assert.equal(payload.s, dialog.serviceResource);
    assert.equal(payload.c, defaultPersonParty(handle));
    assert.equal(payload.l, 3);
    assert.match(String(payload.a), /(^|;)read(;|$)/);
    assert.equal(payload.exp! - payload.iat!, 600);
    const metadata = (await dpFetch(`${handle.urls.dialogportenBase}/api/v1/.well-known/oauth-authorization-server`))
      .body;
    assert.equal(metadata.jwks_uri, `${handle.urls.dialogportenBase}/api/v1/.well-known/jwks.json`);
    await assert.rejects(
      jwtVerify(dialog.dialogToken, jwks, { issuer: 'https://platform.tt02.altinn.no/dialogporten/api/v1' }),
      'the issuer is the sandbox',
    );
  });

  it('names the system user (y, o) in a system user’s dialog token', async () => {
    const handle = sandbox();
    const user = sandboxSystemUsers(handle).find((u) => u.delegatedResources.length > 0)!;
    const token = await sandboxToken(handle, { scopes: [DIALOGPORTEN_SCOPE], systemUserOrg: user.organisationNumber });
    const dialog = dialogStoreOf(handle.context)
      .dialogsOf(organizationUrn(user.organisationNumber))
      .find((d) => user.delegatedResources.includes(d.fields.serviceResource))!;
    const details = (await dpFetch(endUser(handle, `/dialogs/${dialog.fields.id}`), { token })).body;
    const claims = JSON.parse(Buffer.from(details.dialogToken.split('.')[1], 'base64url').toString('utf8'));
    assert.equal(claims.y, `urn:altinn:systemuser:uuid:${user.id}`);
    assert.equal(claims.o, organizationUrn(user.organisationNumber));
  });

  it('serves front-channel-embed content only with the dialog token of that very dialog', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const dialog = await detailsWith(
      (d) =>
        String(d.content.mainContentReference?.mediaType ?? '').endsWith('type=text/markdown') &&
        d.content.mainContentReference.value[0].value.includes('/__sandbox/fce/'),
      token,
    );
    const other = await detailsWith((d) => d.id !== dialog.id, token);
    const url = dialog.content.mainContentReference.value[0].value;
    const withToken = await fetch(url, { headers: { authorization: `Bearer ${dialog.dialogToken}` } });
    assert.equal(withToken.status, 200);
    assert.match(String(withToken.headers.get('content-type')), /^text\/markdown/);
    const markdown = await withToken.text();
    const title = dialog.content.title.value.find(
      (l: Json) => l.languageCode === dialog.content.mainContentReference.value[0].languageCode,
    ).value;
    assert.ok(markdown.startsWith(`# ${title}`), markdown.slice(0, 80));
    assert.equal((await fetch(url)).status, 401);
    assert.equal(
      (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status,
      401,
      'an access token is not a dialog token',
    );
    assert.equal((await fetch(url, { headers: { authorization: `Bearer ${other.dialogToken}` } })).status, 403);
    handle.context.clock.shift(11 * 60_000);
    try {
      assert.equal(
        (await fetch(url, { headers: { authorization: `Bearer ${dialog.dialogToken}` } })).status,
        401,
        'the token lives 10 minutes',
      );
    } finally {
      handle.context.clock.shift(-11 * 60_000);
    }
  });

  it('serves attachments to the dialog token, 410 once expired, and hides unauthorized ones behind a placeholder URL', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const dialogs: Json[] = [];
    for (const item of (
      await searchAll(handle, token, `party=${encodeURIComponent(defaultPersonParty(handle))}&limit=1000`)
    ).slice(0, 60)) {
      dialogs.push((await dpFetch(endUser(handle, `/dialogs/${item.id}`), { token })).body);
    }
    const attachments = dialogs.flatMap((d) =>
      [...(d.attachments ?? []), ...(d.transmissions ?? []).flatMap((t: Json) => t.attachments ?? [])].map(
        (a: Json) => ({
          dialog: d,
          attachment: a,
        }),
      ),
    );
    const now = handle.context.clock.nowMs();
    const live = attachments.find(
      ({ attachment }) =>
        attachment.urls[0].url.startsWith('http') && (!attachment.expiresAt || Date.parse(attachment.expiresAt) > now),
    )!;
    const expired = attachments.find(
      ({ attachment }) =>
        attachment.urls[0].url.startsWith('http') && attachment.expiresAt && Date.parse(attachment.expiresAt) < now,
    )!;
    assert.ok(live && expired);
    assert.ok(attachments.some(({ attachment }) => attachment.urls[0].url === 'urn:dialogporten:unauthorized'));
    const ok = await fetch(live.attachment.urls[0].url, {
      headers: { authorization: `Bearer ${live.dialog.dialogToken}` },
    });
    assert.equal(ok.status, 200);
    assert.equal(String(ok.headers.get('content-type')).split(';')[0], live.attachment.urls[0].mediaType);
    assert.equal((await fetch(live.attachment.urls[0].url)).status, 401);
    assert.equal(
      (
        await fetch(expired.attachment.urls[0].url, {
          headers: { authorization: `Bearer ${expired.dialog.dialogToken}` },
        })
      ).status,
      410,
    );
  });

  it('runs a delete GUI action with the dialog token: the dialog is gone afterwards', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const dialog = await detailsWith(
      (d) => d.guiActions.some((a: Json) => a.isDeleteDialogAction && a.isAuthorized),
      token,
    );
    const action = dialog.guiActions.find((a: Json) => a.isDeleteDialogAction);
    assert.equal(action.httpMethod, 'DELETE');
    assert.equal((await fetch(action.url, { method: 'DELETE' })).status, 401);
    assert.equal(
      (await fetch(action.url, { method: 'DELETE', headers: { authorization: `Bearer ${dialog.dialogToken}` } }))
        .status,
      204,
    );
    assert.equal((await dpFetch(endUser(handle, `/dialogs/${dialog.id}`), { token })).status, 404);
    const listed = await searchAll(handle, token, `party=${encodeURIComponent(dialog.party)}&limit=1000`);
    assert.ok(!listed.some((i) => i.id === dialog.id));
  });
});
