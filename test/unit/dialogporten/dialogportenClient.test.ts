import assert from 'node:assert/strict';
import { CancelledError, InvalidInputError, ResponseFormatError } from '../../../src/platform/errors';
import {
  DialogportenClient,
  DialogRevisionConflictError,
  effectiveSystemLabels,
} from '../../../src/platform/dialogporten';
import { HttpClient } from '../../../src/platform/http';
import { correspondenceStoreOf } from '../../../src/sandbox/correspondence';
import { correspondenceIdsFor, dialogStoreOf } from '../../../src/sandbox/dialogporten';
import { useSandbox } from '../helpers/sandbox';
import { defaultPersonParty, personToken } from '../sandbox-dialogporten/dialogportenHttp';

describe('DialogportenClient against the sandbox', function () {
  this.timeout(30_000);
  const sandbox = useSandbox({ dialogs: 230 });
  const http = new HttpClient({ retry: { maxRetries: 0 } });
  let tokenRequests: { forceRefresh?: boolean }[];

  after(() => http.close());

  function client(firstToken?: string): DialogportenClient {
    tokenRequests = [];
    let token: string | undefined;
    return new DialogportenClient({
      baseUrl: sandbox().urls.dialogportenBase,
      http,
      getToken: async (options = {}) => {
        tokenRequests.push({ forceRefresh: options.forceRefresh });
        if (firstToken && tokenRequests.length === 1) return firstToken;
        return (token = options.forceRefresh || !token ? await personToken(sandbox()) : token);
      },
    });
  }

  it('lists parties and pages through every dialog of a party with the async iterator', async () => {
    const dp = client();
    const parties = await dp.getParties();
    const own = parties.authorizedParties!.find((p) => p.isCurrentEndUser)!;
    assert.equal(own.party, defaultPersonParty(sandbox()));
    const seen = new Set<string>();
    let pages = 0;
    for await (const page of dp.searchDialogPages({ party: [own.party], limit: 50 })) {
      pages++;
      for (const item of page.items ?? []) seen.add(item.id);
    }
    const expected = dialogStoreOf(sandbox().context).dialogsOf(own.party).length;
    assert.equal(seen.size, expected);
    assert.equal(pages, Math.ceil(expected / 50));
    let count = 0;
    for await (const item of dp.searchAllDialogs({ party: [own.party], status: ['Completed'], limit: 20 })) {
      assert.equal(item.status, 'Completed');
      count++;
    }
    assert.ok(count > 0 && count < expected);
  });

  it('passes every filter with its OpenAPI name and refuses impossible searches before sending', async () => {
    const dp = client();
    const party = defaultPersonParty(sandbox());
    const page = await dp.searchDialogs({
      party: [party.split(':').pop()!],
      status: ['InProgress', 'Awaiting', 'RequiresAttention', 'Completed', 'NotApplicable'],
      systemLabel: ['Default', 'Archive'],
      createdAfter: new Date('2000-01-01T00:00:00Z'),
      createdBefore: '2100-01-01T00:00:00+01:00',
      contentUpdatedAfter: new Date(0),
      excludeApiOnly: true,
      search: 'skatt',
      searchLanguageCode: 'nb',
      orderBy: [{ field: 'createdAt', direction: 'asc' }],
      limit: 5,
    });
    assert.equal(page.orderBy, 'createdat_asc,id_desc');
    for (const item of page.items ?? []) assert.ok(!item.isApiOnly);
    await assert.rejects(
      dp.searchDialogs({ party: [party], search: 'ab' }),
      (e: unknown) => e instanceof InvalidInputError && e.field === 'search' && /at least 3/.test(e.message),
    );
    await assert.rejects(dp.searchDialogs({}), (e: unknown) => e instanceof InvalidInputError && e.field === 'party');
    await assert.rejects(dp.searchDialogs({ party: [party], createdAfter: '2025-01-01T00:00:00' }), /time zone/);
    await assert.rejects(dp.searchDialogs({ party: [party], searchLanguageCode: 'no' }), /'nb'/);
    await assert.rejects(dp.searchDialogs({ party: [party], limit: 0 }), /1 to 1000/);
    assert.equal(tokenRequests.length, 1, 'refused searches send nothing');
  });

  it('names the side effect: getDialogAndMarkSeen returns the dialog, its ETag and the raw JSON, and marks it seen', async () => {
    const dp = client();
    const party = defaultPersonParty(sandbox());
    const unseen = (
      await dp.searchDialogs({ party: [party], isContentSeen: false, systemLabel: ['Default'], limit: 1 })
    ).items![0];
    const { dialog, etag, raw } = await dp.getDialogAndMarkSeen(unseen.id);
    assert.equal(etag, dialog.revision);
    assert.equal(JSON.parse(raw).id, unseen.id);
    assert.equal(dialog.isContentSeen, true);
    const after = (await dp.searchDialogs({ party: [party], limit: 1000 })).items!.find((i) => i.id === unseen.id)!;
    assert.equal(after.isContentSeen, true);
    const seenLog = await dp.listSeenLog(unseen.id);
    const mine = seenLog.find((s) => s.isCurrentEndUser)!;
    assert.deepEqual(await dp.getSeenLogEntry(unseen.id, mine.id), mine);
  });

  it('reads transmissions, activities and the label log, list and single', async () => {
    const dp = client();
    const item = (await dp.searchDialogs({ party: [defaultPersonParty(sandbox())], limit: 1000 })).items!.find(
      (i) => (i.fromServiceOwnerTransmissionsCount ?? 0) > 0,
    )!;
    const transmissions = await dp.listTransmissions(item.id);
    assert.ok(transmissions.length > 0);
    assert.deepEqual(await dp.getTransmission(item.id, transmissions[0].id), transmissions[0]);
    const activities = await dp.listActivities(item.id);
    const activity = await dp.getActivity(item.id, activities[0].id);
    assert.equal(activity.type, activities[0].type);
    assert.ok(activity.performedBy);
    assert.ok(Array.isArray(await dp.getLabelLog(item.id)));
    await assert.rejects(dp.getTransmission(item.id, 'nope'), InvalidInputError);
  });

  it('sets system labels with If-Match and turns a 412 into DialogRevisionConflictError', async () => {
    const dp = client();
    const item = (
      await dp.searchDialogs({ party: [defaultPersonParty(sandbox())], systemLabel: ['Default'], limit: 1 })
    ).items![0];
    const revision = item.endUserContext!.revision;
    const result = await dp.setSystemLabels(item.id, { addLabels: ['Bin'] }, { ifMatch: revision });
    assert.ok(result.revision && result.revision !== revision);
    const conflict = await dp.setSystemLabels(item.id, { addLabels: ['Archive'] }, { ifMatch: revision }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(conflict instanceof DialogRevisionConflictError, String(conflict));
    assert.equal(conflict.dialogId, item.id);
    const now = (
      await dp.searchDialogs({ party: [defaultPersonParty(sandbox())], systemLabel: ['Bin'], limit: 1000 })
    ).items!.find((i) => i.id === item.id)!;
    assert.deepEqual(
      effectiveSystemLabels(now).filter((l) => l !== 'Sent'),
      ['Bin'],
    );
    await assert.rejects(dp.setSystemLabels(item.id, { addLabels: ['Sent'] }), InvalidInputError);
  });

  it('looks dialogs up by dialog id and by the correspondence that created them', async () => {
    const dp = client();
    const party = defaultPersonParty(sandbox());
    const [correspondenceId] = correspondenceIdsFor(sandbox().context, party);
    assert.ok(correspondenceId, 'Correspondence published dialogs for the default person');
    assert.ok(
      correspondenceStoreOf(sandbox().context)?.get(correspondenceId),
      'the same id exists in the Correspondence emulator',
    );
    const linked = dialogStoreOf(sandbox().context).findByCorrespondenceId(correspondenceId)!;
    const byCorrespondence = await dp.lookupDialog(`urn:altinn:correspondence-id:${correspondenceId}`);
    assert.equal(byCorrespondence.dialogId, linked.fields.id);
    assert.equal((await dp.lookupDialog(`urn:altinn:dialog-id:${linked.fields.id}`)).party, linked.fields.party);
    await assert.rejects(dp.lookupDialog('12345'), InvalidInputError);
  });

  it('asks for a fresh token once after a 401, and stops at once when cancelled', async () => {
    const dp = client('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    const parties = await dp.getParties();
    assert.ok((parties.authorizedParties ?? []).length > 0);
    assert.deepEqual(
      tokenRequests.map((r) => Boolean(r.forceRefresh)),
      [false, true],
    );
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(dp.getParties({ signal: controller.signal }), CancelledError);
  });

  it('fetches front-channel-embed content with the dialog token and keys from the JWKS', async () => {
    const dp = client();
    const items = (await dp.searchDialogs({ party: [defaultPersonParty(sandbox())], limit: 60 })).items!;
    let fetched = 0;
    for (const item of items) {
      const { dialog } = await dp.getDialogAndMarkSeen(item.id);
      const reference = dialog.content.mainContentReference;
      if (!reference?.value?.[0]?.value.includes('/__sandbox/fce/')) continue;
      const embed = await dp.fetchFrontChannelEmbed(reference.value[0].value, dialog.dialogToken!);
      assert.equal(embed.kind, 'content');
      if (embed.kind === 'content') assert.ok(embed.format === 'markdown' || embed.format === 'html');
      if (++fetched === 3) break;
    }
    assert.equal(fetched, 3);
    const keys = await dp.getDialogTokenKeys();
    assert.equal(keys.keys[0].crv, 'Ed25519');
  });

  it('reports a body that is not JSON as ResponseFormatError', async () => {
    sandbox().context.faults.inject({ kind: 'invalid-json', pathPrefix: '/dialogporten/api/v1/enduser/parties' });
    await assert.rejects(
      client().getParties(),
      (e: unknown) => e instanceof ResponseFormatError && /Parties/.test(e.message),
    );
  });
});
