import assert from 'node:assert/strict';
import { deleteDialog, touchDialog } from '../../../src/sandbox/dialogporten';
import { useSandbox } from '../helpers/sandbox';
import { defaultPersonParty, dpFetch, endUser, personToken, searchAll, type Json } from './dialogportenHttp';

const SUBSCRIPTION = 'subscription sub($dialogId: UUID!) { dialogEvents(dialogId: $dialogId) { id type } }';

/** Reads `event: next` messages from a GraphQL-over-SSE stream until `count` arrived (bounded by a timeout). */
class EventReader {
  private buffer = '';
  private readonly decoder = new TextDecoder();

  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  async next(timeoutMs = 5_000): Promise<Json> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const message = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(message)?.[1];
        if (/^event: next$/m.test(message) && data) return JSON.parse(data);
        continue;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error('no event arrived in time');
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        this.reader.read(),
        new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('no event arrived in time')), remaining); }),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) throw new Error('the stream ended');
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }
}

describe('sandbox Dialogporten: GraphQL dialogEvents over Server-Sent Events', function () {
  this.timeout(30_000);
  const sandbox = useSandbox({ dialogs: 30 });

  async function subscribe(dialogId: string, dialogToken: string | undefined, controller: AbortController): Promise<Response> {
    return fetch(`${sandbox().urls.dialogportenBase}/graphql/stream`, {
      method: 'POST',
      signal: controller.signal,
      headers: { accept: 'text/event-stream', 'content-type': 'application/json', ...(dialogToken ? { authorization: `Bearer ${dialogToken}` } : {}) },
      body: JSON.stringify({ query: SUBSCRIPTION, variables: { dialogId }, operationName: 'sub' }),
    });
  }

  it('delivers DIALOG_UPDATED after a label change and a service-owner update, then DIALOG_DELETED', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const [item] = await searchAll(handle, token, `party=${encodeURIComponent(defaultPersonParty(handle))}&limit=1000`);
    const details = (await dpFetch(endUser(handle, `/dialogs/${item.id}`), { token })).body;
    const controller = new AbortController();
    try {
      const response = await subscribe(item.id, details.dialogToken, controller);
      assert.equal(response.status, 200);
      assert.match(String(response.headers.get('content-type')), /^text\/event-stream/);
      const events = new EventReader(response.body!.getReader());

      const put = await dpFetch(endUser(handle, `/dialogs/${item.id}/context/systemlabels`), { method: 'PUT', token, body: { addLabels: ['Archive'] } });
      assert.equal(put.status, 204);
      assert.deepEqual(await events.next(), { data: { dialogEvents: { id: item.id, type: 'DIALOG_UPDATED' } } });

      const touched = await fetch(`${handle.urls.baseUrl}/__sandbox/dialogs/${item.id}/touch`, { method: 'POST' });
      assert.equal(touched.status, 200);
      assert.equal((await events.next()).data.dialogEvents.type, 'DIALOG_UPDATED');

      assert.ok(deleteDialog(handle.context, item.id));
      assert.equal((await events.next()).data.dialogEvents.type, 'DIALOG_DELETED');
    } finally {
      controller.abort();
    }
  });

  it('sends nothing about other dialogs', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const [first, second] = await searchAll(handle, token, `party=${encodeURIComponent(defaultPersonParty(handle))}&limit=1000`);
    const details = (await dpFetch(endUser(handle, `/dialogs/${first.id}`), { token })).body;
    const controller = new AbortController();
    try {
      const events = new EventReader((await subscribe(first.id, details.dialogToken, controller)).body!.getReader());
      assert.ok(touchDialog(handle.context, second.id));
      assert.ok(touchDialog(handle.context, first.id));
      assert.equal((await events.next()).data.dialogEvents.id, first.id);
    } finally {
      controller.abort();
    }
  });

  it('needs the dialog token of the subscribed dialog', async () => {
    const handle = sandbox();
    const token = await personToken(handle);
    const [first, second] = await searchAll(handle, token, `party=${encodeURIComponent(defaultPersonParty(handle))}&limit=1000`);
    const details = (await dpFetch(endUser(handle, `/dialogs/${first.id}`), { token })).body;
    const controller = new AbortController();
    try {
      assert.equal((await subscribe(first.id, undefined, controller)).status, 401);
      assert.equal((await subscribe(first.id, token, controller)).status, 401, 'an access token is not a dialog token');
      const wrong = await subscribe(second.id, details.dialogToken, controller);
      assert.equal(wrong.status, 403);
      assert.equal((await wrong.json()).errors[0].extensions.code, 'AUTH_NOT_AUTHORIZED');
    } finally {
      controller.abort();
    }
  });
});
