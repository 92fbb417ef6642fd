import assert from 'node:assert/strict';
import { deleteDialog, touchDialog } from '../../../src/sandbox/dialogporten';
import type { SandboxHandle } from '../../../src/sandbox';
import { useSandbox } from '../helpers/sandbox';
import { defaultPersonParty, dpFetch, endUser, personToken, searchAll, type Json } from './dialogportenHttp';

/** As Arbeidsflate writes it (dialogporten-frontend, packages/frontend/src/api/subscription.ts): the id in the text. */
const subscription = (dialogId: string): string =>
  `subscription sub { dialogEvents(dialogId: "${dialogId}") { id type } }`;
const WITH_VARIABLE = 'subscription sub($dialogId: UUID!) { dialogEvents(dialogId: $dialogId) { id type } }';
const REFUSAL = {
  errors: [
    {
      message: 'The current user is not authorized to access this resource.',
      extensions: { code: 'AUTH_NOT_AUTHORIZED' },
    },
  ],
};

/** The sandbox person's token, dialogs (newest first) and the first one's details, which carry its dialog token. */
async function personDialogs(handle: SandboxHandle): Promise<{ token: string; items: Json[]; details: Json }> {
  const token = await personToken(handle);
  const items = await searchAll(handle, token, `party=${encodeURIComponent(defaultPersonParty(handle))}&limit=1000`);
  const details = (await dpFetch(endUser(handle, `/dialogs/${items[0].id}`), { token })).body;
  return { token, items, details };
}

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
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('no event arrived in time')), remaining);
        }),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) throw new Error('the stream ended');
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }
}

describe('sandbox Dialogporten: GraphQL dialogEvents over Server-Sent Events', function () {
  this.timeout(30_000);
  const sandbox = useSandbox({ dialogs: 30 });

  async function subscribe(
    dialogId: string,
    dialogToken: string | undefined,
    controller: AbortController,
    query = subscription(dialogId),
  ): Promise<Response> {
    return fetch(`${sandbox().urls.dialogportenBase}/graphql/stream`, {
      method: 'POST',
      signal: controller.signal,
      headers: {
        accept: 'text/event-stream',
        'content-type': 'application/json',
        ...(dialogToken ? { authorization: `Bearer ${dialogToken}` } : {}),
      },
      body: JSON.stringify({ query, variables: query === WITH_VARIABLE ? { dialogId } : {}, operationName: 'sub' }),
    });
  }

  /** A refusal as HotChocolate writes one for `Accept: text/event-stream`: 200, one errors-only `next`, `complete`, end. */
  async function assertRefused(response: Response, what: string): Promise<void> {
    assert.equal(response.status, 200, `${what}: HTTP status`);
    assert.match(String(response.headers.get('content-type')), /^text\/event-stream/, `${what}: content type`);
    let timer: NodeJS.Timeout | undefined;
    const text = await Promise.race([
      response.text(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: the stream stayed open (subscribed, not refused)`)), 5_000);
      }),
    ]).finally(() => clearTimeout(timer));
    assert.equal(text, `event: next\ndata: ${JSON.stringify(REFUSAL)}\n\nevent: complete\n\n`, `${what}: body`);
  }

  it('delivers DIALOG_UPDATED after a label change and a service-owner update, then DIALOG_DELETED', async () => {
    const handle = sandbox();
    const {
      token,
      items: [item],
      details,
    } = await personDialogs(handle);
    const controller = new AbortController();
    try {
      const response = await subscribe(item.id, details.dialogToken, controller);
      assert.equal(response.status, 200);
      assert.match(String(response.headers.get('content-type')), /^text\/event-stream/);
      const events = new EventReader(response.body!.getReader());

      const put = await dpFetch(endUser(handle, `/dialogs/${item.id}/context/systemlabels`), {
        method: 'PUT',
        token,
        body: { addLabels: ['Archive'] },
      });
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
    const {
      items: [first, second],
      details,
    } = await personDialogs(handle);
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
    const {
      token,
      items: [first, second],
      details,
    } = await personDialogs(handle);
    const controller = new AbortController();
    try {
      const none = await subscribe(first.id, undefined, controller);
      assert.equal(none.status, 401, "no token: the endpoint's RequireAuthorization answers");
      assert.equal(none.headers.get('www-authenticate'), 'Bearer');
      assert.equal(await none.text(), '');
      assert.equal((await subscribe(first.id, 'not-a-token', controller)).status, 401);
      await assertRefused(await subscribe(first.id, token, controller), 'an access token is not a dialog token');
      await assertRefused(
        await subscribe(second.id, details.dialogToken, controller),
        'a dialog token for another dialog',
      );
    } finally {
      controller.abort();
    }
  });

  it("refuses a dialogId passed as a variable, even with the right dialog token, as Dialogporten's policy does", async () => {
    const handle = sandbox();
    const {
      items: [item],
      details,
    } = await personDialogs(handle);
    const controller = new AbortController();
    try {
      await assertRefused(await subscribe(item.id, details.dialogToken, controller, WITH_VARIABLE), 'a $variable id');
      // The literal in any form .NET's Guid.TryParse reads is accepted: upper case, braces, 32 digits.
      for (const form of [item.id.toUpperCase(), `{${item.id}}`, item.id.replace(/-/g, '')]) {
        const response = await subscribe(item.id, details.dialogToken, controller, subscription(form));
        assert.equal(response.status, 200);
        const events = new EventReader(response.body!.getReader());
        assert.ok(touchDialog(handle.context, item.id));
        assert.deepEqual(
          await events.next(),
          { data: { dialogEvents: { id: item.id, type: 'DIALOG_UPDATED' } } },
          form,
        );
      }
    } finally {
      controller.abort();
    }
  });

  it('answers GraphQL it cannot serve with an errors-only next too, and JSON when the client does not ask for an event stream', async () => {
    const handle = sandbox();
    const {
      items: [item],
      details,
    } = await personDialogs(handle);
    const controller = new AbortController();
    try {
      const unknownField = await subscribe(
        item.id,
        details.dialogToken,
        controller,
        `subscription { dialogEvents(dialogId: "${item.id}") { id updatedAt } }`,
      );
      assert.equal(unknownField.status, 200);
      assert.match(
        await unknownField.text(),
        /^event: next\ndata: \{"errors":\[\{"message":"The field \\"updatedAt\\" does not exist[^\n]*\n\nevent: complete\n\n$/,
      );
      const json = await fetch(`${handle.urls.dialogportenBase}/graphql/stream`, {
        method: 'POST',
        headers: {
          accept: 'application/graphql-response+json',
          'content-type': 'application/json',
          authorization: `Bearer ${details.dialogToken}`,
        },
        body: JSON.stringify({ query: WITH_VARIABLE, variables: { dialogId: item.id } }),
      });
      assert.equal(json.status, 401, "HotChocolate's authorisation aggregator proposes 401 for the JSON formats");
      assert.deepEqual(await json.json(), REFUSAL);
    } finally {
      controller.abort();
    }
  });

  it('counts connection attempts and refuses every subscription on request, under /__sandbox only', async () => {
    const handle = sandbox();
    const {
      items: [item],
      details,
    } = await personDialogs(handle);
    const admin = `${handle.urls.baseUrl}/__sandbox/graphql/stream`;
    const since = new Date().toISOString();
    const controller = new AbortController();
    try {
      const switched = await fetch(`${admin}/refusal`, { method: 'PUT', body: JSON.stringify({ refuse: true }) });
      assert.deepEqual(await switched.json(), { refuseAll: true });
      await assertRefused(await subscribe(item.id, details.dialogToken, controller), 'while refusing');
      assert.equal(
        (await fetch(`${admin}/refusal`, { method: 'PUT', body: JSON.stringify({ refuse: false }) })).status,
        200,
      );
      assert.equal((await subscribe(item.id, details.dialogToken, controller)).status, 200);
      assert.equal((await fetch(`${admin}/refusal`, { method: 'PUT', body: '{"refuse":"yes"}' })).status, 400);
      const counted = (await (
        await fetch(`${admin}/attempts?dialogId=${item.id}&since=${encodeURIComponent(since)}`)
      ).json()) as { attempts: { outcome: string; dialogId: string }[] };
      assert.deepEqual(
        counted.attempts.map((a) => [a.outcome, a.dialogId]),
        [
          ['refused', item.id],
          ['streaming', item.id],
        ],
      );
      assert.equal(
        (await fetch(`${handle.urls.dialogportenBase}/__sandbox/graphql/stream/attempts`)).status,
        404,
        "not on the real API's paths",
      );
    } finally {
      controller.abort();
    }
  });
});
