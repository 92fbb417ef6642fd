import assert from 'node:assert/strict';
import { personUrn } from '../../../src/platform/identifiers';
import { dialogStoreOf } from '../../../src/sandbox/dialogporten';
import type { SandboxCorrespondence } from '../../../src/sandbox/data/correspondenceTypes';
import { sandboxToken, useSandbox } from '../helpers/sandbox';
import { dpFetch, endUser, personToken, type Json } from '../sandbox-dialogporten/dialogportenHttp';
import { READ_SCOPE } from './clientSetup';
import { claim, isAvailable, statusesOf } from './fixtures';

const FCE_MARKDOWN = 'application/vnd.dialogporten.frontchannelembed-url;type=text/markdown';

/**
 * GET /correspondence/api/v1/correspondence/{id}/content, the main content of the dialogs Correspondence creates,
 * over real HTTP: text/plain carrying markdown, and a recipient read that records Read (altinn-correspondence,
 * CorrespondenceController.GetCorrespondenceContent and GetCorrespondenceOverviewHandler with OnlyGettingContent).
 */
describe('Correspondence /content in the sandbox', function () {
  this.timeout(30_000);
  const sandbox = useSandbox();
  let person: string;

  before(async () => {
    person = await personToken(sandbox());
  });

  const history = async (
    id: string,
  ): Promise<{ statusHistory: { status: string }[]; events: { type: string; recipient: string }[] }> => {
    const response = await fetch(`${sandbox().urls.baseUrl}/__sandbox/correspondence/${id}/history`);
    assert.equal(response.status, 200);
    return (await response.json()) as never;
  };
  /** A correspondence of the default person, published as a dialog, that nobody has read. */
  const unread = (description: string): { c: SandboxCorrespondence; dialogId: string } => {
    const own = personUrn(sandbox().context.world.defaultPerson.nationalIdentityNumber);
    const c = claim(
      sandbox(),
      description,
      (candidate) =>
        candidate.recipient === own &&
        isAvailable(candidate) &&
        !statusesOf(candidate).includes('Read') &&
        dialogStoreOf(sandbox().context).findByCorrespondenceId(candidate.correspondenceId) !== undefined,
    );
    return { c, dialogId: dialogStoreOf(sandbox().context).findByCorrespondenceId(c.correspondenceId)!.fields.id };
  };
  const details = async (dialogId: string): Promise<Json> => {
    const response = await dpFetch(endUser(sandbox(), `/dialogs/${dialogId}`), { token: person });
    assert.equal(response.status, 200, response.text);
    return response.body;
  };
  const opened = (dialog: Json): Json[] =>
    (dialog.activities as Json[]).filter((a) => a.type === 'CorrespondenceOpened');

  it('the dialog declares markdown; the content answers text/plain with the markdown body, records Read once, tells the sender and adds an opened activity', async () => {
    const { c, dialogId } = unread('an unread correspondence with a dialog');
    const dialog = await details(dialogId);
    const reference = dialog.content.mainContentReference;
    assert.equal(reference.mediaType, FCE_MARKDOWN, "what Dialogporten shows for Correspondence's markdown");
    const url = reference.value[0].value as string;
    assert.equal(
      url,
      `${sandbox().urls.platformBase}/correspondence/api/v1/correspondence/${c.correspondenceId}/content`,
    );
    assert.deepEqual(opened(dialog), [], 'not opened yet');

    const first = await fetch(url, { headers: { authorization: `Bearer ${dialog.dialogToken}` } });
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('content-type'), 'text/plain; charset=utf-8');
    const body = await first.text();
    assert.equal(body, c.messageBody);
    assert.match(body, /^## .+\n\n/, 'the body is markdown');

    const afterFirst = await history(c.correspondenceId);
    assert.deepEqual(afterFirst.statusHistory.map((e) => e.status).slice(-2), ['Fetched', 'Read']);
    assert.deepEqual(
      afterFirst.events.map((e) => [e.type, e.recipient]),
      [['CorrespondenceReceiverRead', c.sender]],
      'the sender is told',
    );
    const reread = await details(dialogId);
    assert.equal(opened(reread).length, 1, 'one CorrespondenceOpened activity');
    assert.equal(
      opened(reread)[0].performedBy.actorId,
      personUrn(sandbox().context.world.defaultPerson.nationalIdentityNumber),
    );
    assert.equal(reread.updatedAt, dialog.updatedAt, 'a silent update');

    const second = await fetch(url, { headers: { authorization: `Bearer ${reread.dialogToken}` } });
    assert.equal(await second.text(), c.messageBody);
    const afterSecond = await history(c.correspondenceId);
    assert.equal(afterSecond.statusHistory.filter((e) => e.status === 'Read').length, 1, 'Read only the first time');
    assert.equal(afterSecond.statusHistory.length, afterFirst.statusHistory.length, 'Fetched is debounced for 15 s');
    assert.equal(afterSecond.events.length, 1);
    assert.equal(opened(await details(dialogId)).length, 1);
  });

  it("accepts an Altinn token with the read scope; refuses no token, a Maskinporten token, a JSON-only Accept, an unknown id and another person's message", async () => {
    const { c } = unread('a second unread correspondence');
    const path = `${sandbox().urls.platformBase}/correspondence/api/v1/correspondence/${c.correspondenceId}/content`;
    const get = (token: string | undefined, accept?: string, at = path): Promise<Response> =>
      fetch(at, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(accept ? { accept } : {}) } });

    assert.equal((await get(undefined)).status, 401);
    const maskinporten = await sandboxToken(sandbox(), { scopes: [READ_SCOPE] });
    const refused = await get(maskinporten);
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /Exchange to Altinn token/);
    const altinn = await personTokenWithRead();
    const json = await get(altinn, 'application/json');
    assert.equal(json.status, 406);
    assert.match(await json.text(), /Supported Accept headers are: text\/plain/);
    assert.deepEqual(
      statusesOf(c).filter((s) => s === 'Read'),
      [],
      'refused calls record nothing',
    );

    const ok = await get(altinn, 'text/markdown, text/plain;q=0.5');
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), c.messageBody);
    assert.ok(statusesOf(c).includes('Read'), 'an Altinn token reads as the recipient too');

    const unknown = await get(
      altinn,
      undefined,
      path.replace(c.correspondenceId, '00000000-0000-4000-8000-000000000000'),
    );
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { errorCode: number }).errorCode, 1001);
    const world = sandbox().context.world;
    const stranger = world.persons.find(
      (p) =>
        p !== world.defaultPerson &&
        !(world.personAccess.get(p.nationalIdentityNumber) ?? []).some((g) => g.party === c.recipient),
    )!;
    const theirs = await get(
      await sandboxToken(sandbox(), { scopes: [READ_SCOPE], person: stranger.nationalIdentityNumber }),
    );
    assert.ok(theirs.status === 404 || theirs.status === 401, `another person: ${theirs.status}`);
  });

  const personTokenWithRead = (): Promise<string> => sandboxToken(sandbox(), { scopes: [READ_SCOPE], person: true });
});
