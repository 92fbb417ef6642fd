import assert from 'node:assert/strict';
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

const partyUrns = (parties: Json[]): string[] =>
  parties.flatMap((p) => [p.party, ...(p.subParties ?? []).map((s: Json) => s.party)]);

describe('sandbox Dialogporten: who sees what', function () {
  this.timeout(30_000);
  const sandbox = useSandbox({ dialogs: 60 });

  it('a person sees their own party and the organisations they may act for, sub-units nested', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const parties = (await dpFetch(endUser(handle, '/parties'), { token })).body.authorizedParties as Json[];
    const own = parties.find((p) => p.isCurrentEndUser);
    assert.equal(own.party, defaultPersonParty(handle));
    assert.equal(own.partyType, 'Person');
    const granted = (
      handle.context.world.personAccess.get(handle.context.world.defaultPerson.nationalIdentityNumber) ?? []
    ).map((a) => a.party);
    assert.deepEqual(new Set(partyUrns(parties)), new Set(granted));
    const withSubUnits = parties.find((p) => (p.subParties ?? []).length > 0);
    assert.ok(withSubUnits, 'a main unit lists its sub-units');
    const items = await searchAll(
      handle,
      token,
      `party=${encodeURIComponent(withSubUnits.subParties[0].party)}&limit=1000`,
    );
    assert.ok(items.length > 0 && items.every((i) => i.party === withSubUnits.subParties[0].party));
  });

  it('a person with a role limited to one resource sees only that resource in that organisation', async () => {
    const handle = sandbox();
    const { world } = handle.context;
    const limited = [...world.personAccess.entries()].flatMap(([pid, access]) =>
      access.filter((a) => a.resources).map((a) => ({ pid, ...a })),
    )[0];
    assert.ok(limited, 'the world has a resource-limited role');
    const token = await personToken(handle, limited.pid);
    const items = await searchAll(handle, token, `party=${encodeURIComponent(limited.party)}&limit=1000`);
    const all = dialogStoreOf(handle.context).dialogsOf(limited.party);
    assert.ok(
      all.some((d) => !limited.resources!.includes(d.fields.serviceResource)),
      'the organisation has dialogs for other resources',
    );
    assert.deepEqual(new Set(items.map((i) => i.serviceResource)), new Set(limited.resources));
    const hidden = all.find((d) => !limited.resources!.includes(d.fields.serviceResource))!;
    assert.equal((await dpFetch(endUser(handle, `/dialogs/${hidden.fields.id}`), { token })).status, 404);
  });

  it('a system user sees its organisation only for delegated resources; without delegations, empty answers', async () => {
    const handle = sandbox();
    const users = sandboxSystemUsers(handle);
    const full = users.find(
      (u) => u.delegatedResources.length === handle.context.world.serviceOwners.flatMap((o) => o.resources).length,
    )!;
    const partial = users.find((u) => u.delegatedResources.length > 0 && u !== full)!;
    const empty = users.find((u) => u.delegatedResources.length === 0)!;
    assert.ok(full && partial && empty);

    const fullToken = await sandboxToken(handle, {
      scopes: [DIALOGPORTEN_SCOPE],
      systemUserOrg: full.organisationNumber,
    });
    const fullParties = (await dpFetch(endUser(handle, '/parties'), { token: fullToken })).body
      .authorizedParties as Json[];
    assert.deepEqual(partyUrns(fullParties), [organizationUrn(full.organisationNumber)]);
    const fullItems = await searchAll(
      handle,
      fullToken,
      `party=${encodeURIComponent(organizationUrn(full.organisationNumber))}&limit=1000`,
    );
    assert.equal(
      fullItems.length,
      dialogStoreOf(handle.context).dialogsOf(organizationUrn(full.organisationNumber)).length,
    );
    assert.ok(fullItems.length >= 150, 'the delegated system user has plenty of dialogs');
    const otherOrg = (
      handle.context.world.personAccess.get(handle.context.world.defaultPerson.nationalIdentityNumber) ?? []
    ).find((a) => a.party.includes('organization') && a.party !== organizationUrn(full.organisationNumber))!.party;
    const foreign = dialogStoreOf(handle.context).dialogsOf(otherOrg)[0];
    assert.equal(
      (await dpFetch(endUser(handle, `/dialogs/${foreign.fields.id}`), { token: fullToken })).status,
      404,
      'a party not delegated is invisible',
    );
    // An empty page leaves `items` out (Dialogporten writes no empty collection; see the sandbox's apiJson.ts).
    assert.equal(
      (await dpFetch(endUser(handle, `/dialogs?party=${encodeURIComponent(otherOrg)}`), { token: fullToken })).body
        .items,
      undefined,
    );

    const partialToken = await sandboxToken(handle, {
      scopes: [DIALOGPORTEN_SCOPE],
      systemUserOrg: partial.organisationNumber,
    });
    const partialItems = await searchAll(
      handle,
      partialToken,
      `party=${encodeURIComponent(organizationUrn(partial.organisationNumber))}&limit=1000`,
    );
    assert.ok(partialItems.length > 0);
    assert.ok(partialItems.every((i) => partial.delegatedResources.includes(i.serviceResource)));
    assert.ok(
      dialogStoreOf(handle.context)
        .dialogsOf(organizationUrn(partial.organisationNumber))
        .some((d) => !partial.delegatedResources.includes(d.fields.serviceResource)),
    );

    const emptyToken = await sandboxToken(handle, {
      scopes: [DIALOGPORTEN_SCOPE],
      systemUserOrg: empty.organisationNumber,
    });
    assert.deepEqual((await dpFetch(endUser(handle, '/parties'), { token: emptyToken })).body, {});
    const emptyParty = organizationUrn(empty.organisationNumber);
    const emptySearch = await dpFetch(endUser(handle, `/dialogs?party=${encodeURIComponent(emptyParty)}`), {
      token: emptyToken,
    });
    assert.equal(emptySearch.status, 200);
    assert.equal(emptySearch.body.items, undefined, 'an empty page leaves items out');
    assert.equal(emptySearch.body.hasNextPage, false);
    const own = dialogStoreOf(handle.context).dialogsOf(emptyParty)[0];
    assert.equal((await dpFetch(endUser(handle, `/dialogs/${own.fields.id}`), { token: emptyToken })).status, 404);
  });

  it('refuses a token without the Dialogporten scope (403), no token (401) and a plain client token (403)', async () => {
    const handle = sandbox();
    const wrongScope = await sandboxToken(handle, { scopes: ['altinn:correspondence.read'], person: true });
    const forbidden = await dpFetch(endUser(handle, '/parties'), { token: wrongScope });
    assert.equal(forbidden.status, 403);
    assert.match(forbidden.body.detail, /digdir:dialogporten/);
    const anonymous = await dpFetch(
      endUser(handle, `/dialogs?party=${encodeURIComponent(defaultPersonParty(handle))}`),
    );
    assert.equal(anonymous.status, 401);
    assert.match(String(anonymous.headers.get('www-authenticate')), /^Bearer/);
    const forged = await dpFetch(endUser(handle, '/parties'), { token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' });
    assert.equal(forged.status, 401);
    assert.match(String(forged.headers.get('www-authenticate')), /invalid_token/);
    const clientToken = await sandboxToken(handle, { scopes: [DIALOGPORTEN_SCOPE] });
    const notEndUser = await dpFetch(endUser(handle, '/parties'), { token: clientToken });
    assert.equal(notEndUser.status, 403);
    assert.match(notEndUser.body.errors.Type[0], /unable to determine valid user type/);
  });
});
