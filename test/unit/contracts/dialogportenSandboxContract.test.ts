import assert from 'node:assert/strict';
import { dialogStoreOf, touchDialog } from '../../../src/sandbox/dialogporten';
import { openApiContract, PUBLISHED_SCHEMA } from '../dialogporten/helpers/openApiContract';
import { sandboxSystemUsers, sandboxToken, useSandbox } from '../helpers/sandbox';
import { DIALOGPORTEN_SCOPE, dpFetch, endUser, personToken, type Json } from '../sandbox-dialogporten/dialogportenHttp';

/**
 * Crawls the sandbox's end-user API the way a client would and validates every answer (successes and
 * errors) with ajv against the OpenAPI document Digdir publishes in @digdir/dialogporten-schema — independent of
 * our own zod schemas.
 */
describe(`contract: sandbox Dialogporten responses vs the OpenAPI of ${PUBLISHED_SCHEMA}`, function () {
  this.timeout(60_000);
  const sandbox = useSandbox({ dialogs: 120 });

  it('has an OpenAPI document that describes the end-user endpoints', () => {
    const verdict = openApiContract().check(
      'GET',
      'http://x/dialogporten/api/v1/enduser/dialogs',
      200,
      'application/json',
      { items: [{ id: 'not-a-guid' }], hasNextPage: false },
    );
    assert.equal(verdict.described, true);
    assert.ok(
      verdict.errors.some((e) => e.includes('/items/0/id')),
      'the validator must reject a non-GUID id',
    );
  });

  it('validates parties, every search page, and details plus sub-resources of many dialogs', async () => {
    const handle = sandbox();
    const checked = new Set<string>();
    const get = async (url: string, token: string, expected = 200): Promise<Json> => {
      const response = await dpFetch(url, { token });
      assert.equal(response.status, expected, `${url}: ${response.text.slice(0, 300)}`);
      checked.add(new URL(url).pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, '{id}'));
      return response.body;
    };
    const tokens = [await personToken(handle)];
    const delegated = sandboxSystemUsers(handle).find((u) => u.delegatedResources.length > 0);
    if (delegated)
      tokens.push(
        await sandboxToken(handle, { scopes: [DIALOGPORTEN_SCOPE], systemUserOrg: delegated.organisationNumber }),
      );
    let dialogsChecked = 0;
    for (const token of tokens) {
      const parties = (await get(endUser(handle, '/parties'), token)).authorizedParties as Json[];
      const urns = parties.flatMap((p) => [p.party, ...(p.subParties ?? []).map((s: Json) => s.party)]);
      assert.ok(urns.length > 0);
      for (const party of urns) {
        let continuation: string | undefined;
        for (let page = 0; page < 20; page++) {
          const body = await get(
            endUser(
              handle,
              `/dialogs?party=${encodeURIComponent(party)}&limit=40${continuation ? `&continuationToken=${encodeURIComponent(continuation)}` : ''}`,
            ),
            token,
          );
          for (const item of body.items.slice(0, 12)) {
            const base = endUser(handle, `/dialogs/${item.id}`);
            const dialog = await get(base, token);
            for (const t of (await get(`${base}/transmissions`, token)).slice(0, 2))
              await get(`${base}/transmissions/${t.id}`, token);
            for (const a of (await get(`${base}/activities`, token)).slice(0, 2))
              await get(`${base}/activities/${a.id}`, token);
            for (const s of (await get(`${base}/seenlog`, token)).slice(0, 2))
              await get(`${base}/seenlog/${s.id}`, token);
            await get(`${base}/context/labellog`, token);
            await get(endUser(handle, `/dialoglookup?instanceRef=urn:altinn:dialog-id:${dialog.id}`), token);
            dialogsChecked++;
          }
          if (!body.hasNextPage) break;
          continuation = body.continuationToken;
        }
      }
    }
    assert.ok(dialogsChecked >= 60, `only ${dialogsChecked} dialogs were checked`);
    assert.ok(checked.size >= 10, [...checked].join(', '));
  });

  it('validates label changes, the label log after them, and correspondence lookups', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const store = dialogStoreOf(handle.context);
    const party = `urn:altinn:person:identifier-no:${handle.context.world.defaultPerson.nationalIdentityNumber}`;
    const dialog = store.dialogsOf(party)[0];
    const details = (await dpFetch(endUser(handle, `/dialogs/${dialog.fields.id}`), { token })).body;
    const put = await dpFetch(endUser(handle, `/dialogs/${dialog.fields.id}/context/systemlabels`), {
      method: 'PUT',
      token,
      headers: { 'if-match': details.endUserContext.revision },
      body: { addLabels: ['Archive', 'MarkedAsUnopened'] },
    });
    assert.equal(put.status, 204);
    const log = await dpFetch(endUser(handle, `/dialogs/${dialog.fields.id}/context/labellog`), { token });
    assert.ok(log.body.length >= 2);
    const bulk = await dpFetch(endUser(handle, '/dialogs/context/systemlabels/actions/bulkset'), {
      method: 'POST',
      token,
      body: { dialogs: [{ dialogId: dialog.fields.id }], removeLabels: ['Archive'] },
    });
    assert.equal(bulk.status, 204);
    const linked = store
      .partyUrns()
      .flatMap((p) => store.dialogsOf(p))
      .find((d) => 'plan' in d && (d as Json).plan.correspondenceId && d.fields.party === party) as Json;
    assert.ok(linked, 'the default person has a correspondence-backed dialog');
    const lookup = await dpFetch(
      endUser(handle, `/dialoglookup?instanceRef=urn:altinn:correspondence-id:${linked.plan.correspondenceId}`),
      { token },
    );
    assert.equal(lookup.status, 200);
    assert.equal(lookup.body.dialogId, linked.fields.id);
    assert.ok(touchDialog(handle.context, linked.fields.id));
    assert.equal((await dpFetch(endUser(handle, `/dialogs/${linked.fields.id}`), { token })).status, 200);
  });

  it('validates the documented error answers (400, 401, 403, 404, 410, 412) and the JWKS', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const party = `urn:altinn:person:identifier-no:${handle.context.world.defaultPerson.nationalIdentityNumber}`;
    const store = dialogStoreOf(handle.context);
    const [first, second] = store.dialogsOf(party);
    const expectStatus = async (
      status: number,
      url: string,
      init: Parameters<typeof dpFetch>[1] = {},
    ): Promise<void> => {
      const response = await dpFetch(url, init);
      assert.equal(response.status, status, `${url}: ${response.text.slice(0, 200)}`);
    };
    await expectStatus(400, endUser(handle, '/dialogs?search=ab'), { token });
    await expectStatus(400, endUser(handle, `/dialogs?party=${party}&limit=0`), { token });
    await expectStatus(401, endUser(handle, `/dialogs?party=${party}`));
    await expectStatus(403, endUser(handle, '/parties'), {
      token: await sandboxToken(handle, { scopes: ['altinn:correspondence.read'], person: true }),
    });
    await expectStatus(404, endUser(handle, '/dialogs/0194f8a0-0000-7000-8000-000000000000'), { token });
    await expectStatus(
      404,
      endUser(handle, '/dialoglookup?instanceRef=urn:altinn:dialog-id:0194f8a0-0000-7000-8000-000000000000'),
      { token },
    );
    await expectStatus(404, endUser(handle, '/dialogs/context/systemlabels/actions/bulkset'), {
      method: 'POST',
      token,
      body: { dialogs: [{ dialogId: '0194f8a0-0000-7000-8000-000000000000' }], addLabels: ['Archive'] },
    });
    await expectStatus(412, endUser(handle, `/dialogs/${first.fields.id}/context/systemlabels`), {
      method: 'PUT',
      token,
      headers: { 'if-match': '00000000-0000-4000-8000-000000000000' },
      body: { addLabels: ['Bin'] },
    });
    await expectStatus(400, endUser(handle, `/dialogs/${first.fields.id}/context/systemlabels`), {
      method: 'PUT',
      token,
      body: { addLabels: ['Sent'] },
    });
    store.delete(second.fields.id);
    await expectStatus(410, endUser(handle, `/dialogs/${second.fields.id}/transmissions`), { token });
    await expectStatus(410, endUser(handle, `/dialogs/${second.fields.id}/context/labellog`), { token });
    await expectStatus(404, endUser(handle, `/dialogs/${second.fields.id}`), { token });
    const jwks = await dpFetch(`${handle.urls.dialogportenBase}/api/v1/.well-known/jwks.json`);
    assert.equal(jwks.status, 200);
    assert.equal(
      openApiContract().check(
        'GET',
        `${handle.urls.dialogportenBase}/api/v1/.well-known/jwks.json`,
        200,
        'application/json',
        jwks.body,
      ).described,
      true,
    );
  });
});
