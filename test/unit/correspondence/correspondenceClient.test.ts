import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { CorrespondenceApiError, CorrespondenceClient } from '../../../src/platform/correspondence';
import { CancelledError, InvalidInputError } from '../../../src/platform/errors';
import { parsePartyUrn } from '../../../src/platform/identifiers';
import type { SandboxCorrespondence } from '../../../src/sandbox/data/correspondenceTypes';
import { sandboxSystemUsers, sandboxToken, useSandbox } from '../helpers/sandbox';
import { correspondenceClient, READ_SCOPE, testHttp } from './clientSetup';
import {
  claim as claimAny,
  defaultPersonMaySee,
  defaultPersonParty,
  isAvailable,
  isUntouched,
  lastStatus,
  statusesOf,
  storeOf,
} from './fixtures';

const HIDDEN_FROM_LIST = new Set(['Initialized', 'ReadyForPublish', 'Archived', 'PurgedByAltinn', 'PurgedByRecipient']);

async function rejectsWith(
  promise: Promise<unknown>,
  status: number,
  errorCode: number | undefined,
  reason: string,
): Promise<CorrespondenceApiError> {
  const error = await promise.then(
    () => assert.fail('expected the call to fail'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof CorrespondenceApiError, `expected CorrespondenceApiError, got ${String(error)}`);
  assert.equal(error.status, status);
  assert.equal(error.errorCode, errorCode);
  assert.equal(error.reason, reason);
  assert.ok(error.message.length > 40, 'the message explains the error in words');
  return error;
}

function collector(): { sink: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { sink, bytes: () => Buffer.concat(chunks) };
}

function organisationNumberOf(c: SandboxCorrespondence): string {
  const party = parsePartyUrn(c.recipient);
  assert.equal(party?.kind, 'organization');
  return party.kind === 'organization' ? party.organisationNumber : '';
}

describe('CorrespondenceClient (recipient side) against the sandbox', () => {
  const sandbox = useSandbox();
  /** A correspondence the default person (the person token) may see. */
  const claim = (description: string, predicate: (c: SandboxCorrespondence) => boolean) =>
    claimAny(sandbox(), description, (c) => defaultPersonMaySee(sandbox(), c) && predicate(c));
  const { http } = testHttp();
  let person: CorrespondenceClient;
  before(() => {
    person = correspondenceClient(sandbox(), http(), { scopes: [READ_SCOPE], person: true }).client;
  });

  describe('listIds', () => {
    it("lists one resource for the token's own party, newest publish time first, without unpublished, archived or purged ones", async () => {
      const store = storeOf(sandbox());
      const own = defaultPersonParty(sandbox());
      const ids = await person.listIds({ resourceId: 'urn:altinn:resource:skd-skattemelding' });
      const mine = store.items.filter((c) => c.recipient === own && c.resourceId === 'skd-skattemelding');
      const visible = mine.filter((c) => !HIDDEN_FROM_LIST.has(lastStatus(c)));
      assert.ok(visible.length > 0 && visible.length < mine.length, 'the fixture has both listed and hidden items');
      assert.deepEqual(new Set(ids), new Set(visible.map((c) => c.correspondenceId)));
      const published = ids.map((id) => Date.parse(store.get(id)!.requestedPublishTime));
      assert.deepEqual(
        published,
        [...published].sort((a, b) => b - a),
      );
    });

    it("lists another party's correspondences with onBehalfOf given as a bare organisation number", async () => {
      const target = claim(
        'an organisation correspondence',
        (c) => c.recipient.includes(':organization:') && !HIDDEN_FROM_LIST.has(lastStatus(c)),
      );
      const ids = await person.listIds({ resourceId: target.resourceId, onBehalfOf: organisationNumberOf(target) });
      assert.ok(ids.includes(target.correspondenceId));
      for (const id of ids) assert.equal(storeOf(sandbox()).get(id)?.recipient, target.recipient);
    });

    it('filters on the latest status: fetching moves an item from Published to Fetched', async () => {
      const target = claim(
        'an untouched organisation item',
        (c) => c.recipient.includes(':organization:') && isUntouched(c) && !c.isConfirmationNeeded,
      );
      const query = { resourceId: target.resourceId, onBehalfOf: `0192:${organisationNumberOf(target)}` };
      assert.ok((await person.listIds({ ...query, status: 'Published' })).includes(target.correspondenceId));
      await person.fetchOverview(target.correspondenceId);
      assert.ok(!(await person.listIds({ ...query, status: 'Published' })).includes(target.correspondenceId));
      assert.ok((await person.listIds({ ...query, status: 'Fetched' })).includes(target.correspondenceId));
    });

    it('selects by publish time with from/to, and maps from-after-to to error 1027', async () => {
      const own = defaultPersonParty(sandbox());
      const mine = storeOf(sandbox()).items.filter(
        (c) => c.recipient === own && c.resourceId === 'skd-skattemelding' && !HIDDEN_FROM_LIST.has(lastStatus(c)),
      );
      const times = mine.map((c) => Date.parse(c.requestedPublishTime)).sort((a, b) => a - b);
      const newest = times[times.length - 1];
      const onlyNewest = await person.listIds({
        resourceId: 'skd-skattemelding',
        from: new Date(newest - 1),
        to: new Date(newest + 1),
      });
      assert.deepEqual(
        onlyNewest.map((id) => Date.parse(storeOf(sandbox()).get(id)!.requestedPublishTime)),
        [newest],
      );
      await rejectsWith(
        person.listIds({ resourceId: 'skd-skattemelding', from: new Date(newest), to: new Date(newest - 60_000) }),
        400,
        1027,
        'invalid-date-range',
      );
    });

    it('refuses input that cannot be right before sending anything', async () => {
      await assert.rejects(person.listIds({ resourceId: ' ' }), InvalidInputError);
      await assert.rejects(person.listIds({ resourceId: 'skd-skattemelding', onBehalfOf: '123456789' }), /check digit/);
      await assert.rejects(person.listIds({ resourceId: 'skd-skattemelding', from: 'not a date' }), InvalidInputError);
      await assert.rejects(person.fetchOverview('42'), InvalidInputError);
    });
  });

  describe('reading', () => {
    it('fetchOverview parses the overview and records Fetched, which never becomes the shown status', async () => {
      const target = claim('an untouched item with attachments', (c) => isUntouched(c) && c.attachments.length > 0);
      const overview = await person.fetchOverview(target.correspondenceId);
      assert.equal(overview.correspondenceId, target.correspondenceId);
      assert.equal(overview.recipient, target.recipient);
      assert.equal(overview.status, 'Published');
      assert.equal(overview.content?.messageTitle, target.messageTitle);
      assert.equal(overview.content?.attachments?.length, target.attachments.length);
      assert.ok(overview.externalReferences?.some((r) => r.referenceType === 'DialogportenDialogId'));
      const details = await person.fetchDetails(target.correspondenceId);
      assert.equal(details.status, 'Published');
      assert.deepEqual(
        details.statusHistory?.slice(-2).map((e) => e.status),
        ['Fetched', 'Fetched'],
      );
    });

    it("fetchDetails returns the whole status history and the notification orders' delivery details", async () => {
      const target = claim(
        'a read item with notifications',
        (c) => lastStatus(c) === 'Read' && c.notifications.length > 0,
      );
      const before = statusesOf(target);
      const details = await person.fetchDetails(target.correspondenceId);
      assert.deepEqual(
        details.statusHistory?.map((e) => e.status),
        [...before, 'Fetched'],
      );
      assert.deepEqual(before, ['Initialized', 'ReadyForPublish', 'Published', 'Fetched', 'Read']);
      assert.equal(details.status, 'Read');
      assert.deepEqual(
        details.notifications?.map((n) => n.id),
        target.notifications.map((n) => n.notificationOrderId),
      );
      const channel = details.notifications?.[0].notificationStatusDetails;
      assert.ok(channel?.email || channel?.sms, 'a delivery status per channel');
    });

    it('does not find unpublished, failed or purged correspondences (1001)', async () => {
      for (const [label, predicate] of [
        ['scheduled', (c: SandboxCorrespondence) => c.published === null && lastStatus(c) === 'ReadyForPublish'],
        ['failed', (c: SandboxCorrespondence) => lastStatus(c) === 'Failed'],
        ['purged by recipient', (c: SandboxCorrespondence) => lastStatus(c) === 'PurgedByRecipient'],
        ['purged by Altinn', (c: SandboxCorrespondence) => lastStatus(c) === 'PurgedByAltinn'],
      ] as const) {
        const target = claim(label, predicate);
        await rejectsWith(person.fetchOverview(target.correspondenceId), 404, 1001, 'not-found');
      }
      await rejectsWith(person.fetchDetails('0195f1c2-7f3e-7a6b-9c1d-2e3f4a5b6c7d'), 404, 1001, 'not-found');
    });
  });

  describe('state changes', () => {
    it('markAsRead is refused before a fetch (1024), accepted after it, and refused once read (1040)', async () => {
      const target = claim('an untouched item', (c) => isUntouched(c) && !c.isConfirmationNeeded);
      await rejectsWith(person.markAsRead(target.correspondenceId), 400, 1024, 'read-before-fetched');
      await person.fetchOverview(target.correspondenceId);
      await person.markAsRead(target.correspondenceId);
      assert.equal((await person.fetchOverview(target.correspondenceId)).status, 'Read');
      await rejectsWith(person.markAsRead(target.correspondenceId), 400, 1040, 'already-read');
    });

    it('confirm is refused before a fetch (1025), accepted after it, and refused once confirmed (1041)', async () => {
      const target = claim('an untouched item needing confirmation', (c) => isUntouched(c) && c.isConfirmationNeeded);
      assert.ok(target.dueDateTime, 'confirmation always comes with a due date');
      await rejectsWith(person.confirm(target.correspondenceId), 400, 1025, 'confirm-before-fetched');
      await person.fetchDetails(target.correspondenceId);
      await person.confirm(target.correspondenceId);
      const details = await person.fetchDetails(target.correspondenceId);
      assert.equal(details.status, 'Confirmed');
      assert.ok(details.statusHistory?.some((e) => e.status === 'Confirmed'));
      await rejectsWith(person.confirm(target.correspondenceId), 400, 1041, 'already-confirmed');
    });

    it('purge is refused while a required confirmation is missing (1026), deletes after it, and then the item is gone', async () => {
      const target = claim(
        'a read item awaiting confirmation',
        (c) => c.isConfirmationNeeded && lastStatus(c) === 'Read',
      );
      await rejectsWith(person.purge(target.correspondenceId), 400, 1026, 'purge-before-confirmed');
      await person.confirm(target.correspondenceId);
      await person.purge(target.correspondenceId);
      await rejectsWith(person.fetchOverview(target.correspondenceId), 404, 1001, 'not-found');
      await rejectsWith(person.purge(target.correspondenceId), 400, 1014, 'already-purged');
      assert.ok(
        !(await person.listIds({ resourceId: target.resourceId, onBehalfOf: target.recipient })).includes(
          target.correspondenceId,
        ),
      );
    });
  });

  describe('attachments', () => {
    it('downloads every attachment byte for byte, with the content type of its extension, its file name and the published MD5', async () => {
      const target = claim('an item with pdf, txt, xml and bin', (c) => isAvailable(c) && c.attachments.length === 4);
      const overview = await person.fetchOverview(target.correspondenceId);
      const expectedTypes: Record<string, RegExp> = {
        pdf: /^application\/pdf$/,
        txt: /^text\/plain; charset=utf-8$/,
        xml: /^application\/xml$/,
        bin: /^application\/octet-stream$/,
      };
      for (const published of overview.content?.attachments ?? []) {
        const original = target.attachments.find((a) => a.id === published.id);
        assert.ok(original && published.id);
        const { sink, bytes } = collector();
        const saved = await person.downloadAttachmentTo(target.correspondenceId, published.id, sink);
        assert.ok(bytes().equals(original.bytes), `${original.fileName} arrives unchanged`);
        assert.equal(saved.bytes, original.bytes.length);
        assert.equal(saved.md5, published.checksum);
        assert.equal(saved.fileName, published.fileName);
        assert.match(saved.contentType ?? '', expectedTypes[original.fileName.split('.').pop()!]);
      }
      const pdf = target.attachments.find((a) => a.fileName.endsWith('.pdf'))!;
      assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      const history = (await person.fetchDetails(target.correspondenceId)).statusHistory ?? [];
      assert.ok(
        history.some(
          (e) => e.status === 'AttachmentsDownloaded' && e.statusText === `Attachment ${pdf.id} has been downloaded`,
        ),
      );
    });

    it('downloadAttachment hands over a readable stream with its size; aborting cancels', async () => {
      const target = claim(
        'an available item with a binary attachment',
        (c) => isAvailable(c) && c.attachments.some((a) => a.fileName.endsWith('.bin')),
      );
      const bin = target.attachments.find((a) => a.fileName.endsWith('.bin'))!;
      const download = await person.downloadAttachment(target.correspondenceId, bin.id);
      assert.equal(download.size, bin.bytes.length);
      assert.equal(download.disposition, 'attachment');
      const chunks: Buffer[] = [];
      for await (const chunk of download.stream) chunks.push(chunk as Buffer);
      assert.equal(createHash('md5').update(Buffer.concat(chunks)).digest('hex'), bin.checksum);

      const aborted = new AbortController();
      aborted.abort();
      await assert.rejects(
        person.downloadAttachment(target.correspondenceId, bin.id, { signal: aborted.signal }),
        CancelledError,
      );
      const midway = new AbortController();
      const started = await person.downloadAttachment(target.correspondenceId, bin.id, { signal: midway.signal });
      midway.abort();
      await assert.rejects(async () => {
        for await (const chunk of started.stream) void chunk;
      });
    });

    it('maps an unknown attachment to 2001 and an attachment of an unpublished correspondence to 1001', async () => {
      const available = claim('an available item with attachments', (c) => isAvailable(c) && c.attachments.length > 0);
      await rejectsWith(
        person.downloadAttachment(available.correspondenceId, '0195f1c2-7f3e-7a6b-9c1d-2e3f4a5b6c7d'),
        404,
        2001,
        'attachment-not-found',
      );
      const hidden = claim(
        'a purged item with attachments',
        (c) => lastStatus(c) === 'PurgedByAltinn' && c.attachments.length > 0,
      );
      await rejectsWith(
        person.downloadAttachment(hidden.correspondenceId, hidden.attachments[0].id),
        404,
        1001,
        'not-found',
      );
    });
  });

  describe('tokens', () => {
    it('gets a fresh token once after a 401 from the token check, and succeeds with it', async () => {
      let calls = 0;
      const client = new CorrespondenceClient({
        platformBase: sandbox().urls.platformBase,
        http: http(),
        getToken: async (options) => {
          calls++;
          return options?.forceRefresh
            ? sandboxToken(sandbox(), { scopes: [READ_SCOPE], person: true })
            : 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.';
        },
      });
      assert.ok((await client.listIds({ resourceId: 'skd-skattemelding' })).length > 0);
      assert.equal(calls, 2);
    });

    it('lists with a raw Maskinporten system-user token, but marking as read needs an exchanged Altinn token', async () => {
      const systemUser = sandboxSystemUsers(sandbox()).reduce((a, b) =>
        b.delegatedResources.length > a.delegatedResources.length ? b : a,
      );
      const target = claimAny(
        sandbox(),
        "an unread item of the system user's organisation",
        (c) =>
          c.recipient.endsWith(`:${systemUser.organisationNumber}`) &&
          isAvailable(c) &&
          !statusesOf(c).includes('Read') &&
          systemUser.delegatedResources.includes(`urn:altinn:resource:${c.resourceId}`),
      );
      const raw = correspondenceClient(sandbox(), http(), {
        scopes: [READ_SCOPE],
        systemUserOrg: systemUser.organisationNumber,
      }).client;
      assert.ok((await raw.listIds({ resourceId: target.resourceId })).includes(target.correspondenceId));
      await raw.fetchOverview(target.correspondenceId);
      const refused = await rejectsWith(
        raw.markAsRead(target.correspondenceId),
        403,
        undefined,
        'maskinporten-token-not-accepted',
      );
      assert.match(refused.message, /exchange/i);
      const exchanged = correspondenceClient(sandbox(), http(), {
        scopes: [READ_SCOPE],
        systemUserOrg: systemUser.organisationNumber,
        altinn: true,
      }).client;
      await exchanged.markAsRead(target.correspondenceId);
    });

    it('keeps the token out of every error it raises', async () => {
      const token = await sandboxToken(sandbox(), { scopes: [READ_SCOPE], person: true });
      const client = new CorrespondenceClient({
        platformBase: sandbox().urls.platformBase,
        http: http(),
        getToken: async () => token,
      });
      const foreign = claimAny(
        sandbox(),
        'an item the default person may not see',
        (c) => !defaultPersonMaySee(sandbox(), c) && isAvailable(c),
      );
      const errors = await Promise.all([
        client.fetchOverview(foreign.correspondenceId).catch((e: unknown) => e),
        client.markAsRead(foreign.correspondenceId).catch((e: unknown) => e),
        client
          .downloadAttachment(foreign.correspondenceId, '0195f1c2-7f3e-7a6b-9c1d-2e3f4a5b6c7d')
          .catch((e: unknown) => e),
      ]);
      for (const error of errors) {
        assert.ok(error instanceof CorrespondenceApiError);
        for (const text of [error.message, String(error.stack), JSON.stringify(error), error.request.url])
          assert.ok(!text.includes(token), 'no token in the error');
      }
    });

    it('maps a token without altinn:correspondence.read to 403 missing-scope', async () => {
      const { client } = correspondenceClient(sandbox(), http(), { scopes: ['digdir:dialogporten'], person: true });
      const error = await rejectsWith(
        client.listIds({ resourceId: 'skd-skattemelding' }),
        403,
        undefined,
        'missing-scope',
      );
      assert.match(error.message, /altinn:correspondence\.read/);
    });
  });
});
