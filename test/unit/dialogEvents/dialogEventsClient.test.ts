import assert from 'node:assert/strict';
import {
  DialogEventsSubscription,
  dialogEventsSubscriptionQuery,
  httpStreamConnector,
  type DialogEvent,
  type DialogEventsOptions,
  type StreamConnector,
  type StreamRequest,
  type SubscriptionStatus,
  type TokenRequestReason,
} from '../../../src/platform/dialogporten/events';
import { HttpClient, type RequestLogEntry } from '../../../src/platform/http';
import type { SandboxHandle } from '../../../src/sandbox';
import { sandboxToken, useSandbox } from '../helpers/sandbox';

/** Against the sandbox's real `/graphql/stream` (SSE) and its admin hooks, nothing mocked. */
describe('dialog events: subscription client against the sandbox stream', function () {
  this.timeout(30_000);
  const sandbox = useSandbox({ dialogs: 20 });
  let accessToken: string;
  let dialogIds: string[];
  const subscriptions: DialogEventsSubscription[] = [];
  const logged: RequestLogEntry[] = [];
  const http = new HttpClient({ onRequest: (entry) => logged.push(entry) });
  const connect = httpStreamConnector(http);

  before(async () => {
    const handle = sandbox();
    accessToken = await sandboxToken(handle, { scopes: ['digdir:dialogporten'], person: true });
    const party = `urn:altinn:person:identifier-no:${handle.context.world.defaultPerson.nationalIdentityNumber}`;
    const page = (await (
      await fetch(
        `${handle.urls.dialogportenBase}/api/v1/enduser/dialogs?party=${encodeURIComponent(party)}&limit=10`,
        { headers: { authorization: `Bearer ${accessToken}` } },
      )
    ).json()) as { items: { id: string }[] };
    dialogIds = page.items.map((item) => item.id);
    assert.ok(dialogIds.length >= 4, 'the sandbox lists dialogs for the default person');
  });

  afterEach(() => {
    for (const subscription of subscriptions.splice(0)) subscription.dispose();
  });

  after(() => http.close());

  /** A dialog token the way a client gets one: from the dialog details. */
  async function dialogToken(handle: SandboxHandle, dialogId: string): Promise<string> {
    const response = await fetch(`${handle.urls.dialogportenBase}/api/v1/enduser/dialogs/${dialogId}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    assert.equal(response.status, 200);
    return ((await response.json()) as { dialogToken: string }).dialogToken;
  }

  function subscribe(
    dialogId: string,
    overrides: {
      getToken?: (reason: TokenRequestReason) => Promise<string>;
      renewBeforeExpiryMs?: number;
      maxAuthFailures?: number;
      attemptLimit?: { max?: number; windowMs?: number };
      streamUrl?: string;
    } = {},
  ) {
    const handle = sandbox();
    const events: DialogEvent[] = [];
    const statuses: SubscriptionStatus[] = [];
    const connectTimes: number[] = [];
    const reasons: TokenRequestReason[] = [];
    const waiters: { predicate: () => boolean; resolve: () => void }[] = [];
    const check = (): void => {
      for (const waiter of [...waiters])
        if (waiter.predicate()) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
    };
    const subscription = new DialogEventsSubscription({
      streamUrl: overrides.streamUrl ?? `${handle.urls.dialogportenBase}/graphql/stream`,
      dialogId,
      getToken: async (reason) => {
        reasons.push(reason);
        return overrides.getToken ? overrides.getToken(reason) : dialogToken(handle, dialogId);
      },
      onEvent: (event) => {
        events.push(event);
        check();
      },
      onStatus: (status) => {
        statuses.push(status);
        if (status.state === 'connecting') connectTimes.push(Date.now());
        check();
      },
      renewBeforeExpiryMs: overrides.renewBeforeExpiryMs,
      maxAuthFailures: overrides.maxAuthFailures,
      attemptLimit: overrides.attemptLimit,
      backoff: { initialMs: 50, maxMs: 200 },
      connect,
    });
    subscriptions.push(subscription);
    const until = (predicate: () => boolean, what: string, ms = 10_000): Promise<void> =>
      new Promise((resolve, reject) => {
        if (predicate()) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${what}; statuses: ${JSON.stringify(statuses)}`)),
          ms,
        );
        waiters.push({
          predicate,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    const liveCount = (): number => statuses.filter((s) => s.state === 'live').length;
    return { subscription, events, statuses, connectTimes, reasons, until, liveCount };
  }

  const streamAttempts = async (dialogId: string, since: string): Promise<{ at: string; outcome: string }[]> => {
    const response = await fetch(
      `${sandbox().urls.baseUrl}/__sandbox/graphql/stream/attempts?dialogId=${dialogId}&since=${encodeURIComponent(since)}`,
    );
    assert.equal(response.status, 200);
    return ((await response.json()) as { attempts: { at: string; outcome: string }[] }).attempts;
  };
  const touch = async (dialogId: string): Promise<number> =>
    (await fetch(`${sandbox().urls.baseUrl}/__sandbox/dialogs/${dialogId}/touch`, { method: 'POST' })).status;

  it('delivers DIALOG_UPDATED for its own dialog only, authorised with the dialog token', async () => {
    const [mine, other] = dialogIds;
    const s = subscribe(mine);
    void s.subscription.start();
    await s.until(() => s.liveCount() === 1, 'the stream to be live');
    const live = s.statuses.find((status) => status.state === 'live');
    assert.ok(
      live && live.state === 'live' && live.tokenExpiresAt && live.tokenExpiresAt.getTime() > Date.now(),
      'live status carries the dialog token expiry',
    );
    assert.equal(await touch(other), 200);
    assert.equal(await touch(mine), 200);
    await s.until(() => s.events.length >= 1, 'an event');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(
      s.events,
      [{ dialogId: mine, type: 'DIALOG_UPDATED' }],
      "only the subscribed dialog's event arrives",
    );
    assert.deepEqual(s.reasons, ['initial']);
    const opened = logged.filter((entry) => entry.url.endsWith('/graphql/stream'));
    assert.ok(opened.length >= 1, 'the stream connection is in the request log like every other request');
    assert.equal(opened[0].method, 'POST');
    assert.equal(opened[0].status, 200);
    assert.equal(opened[0].requestHeaders.authorization, 'Bearer <redacted>', 'the dialog token is redacted there');
    assert.equal(opened[0].requestHeaders['user-agent'], 'altinn-inbox-inspector');
  });

  it('switches to a fresh dialog token before the current one expires and keeps delivering events', async () => {
    const [, , dialogId] = dialogIds;
    // Dialog tokens live 10 minutes: renewing "10 min minus 1 s" before expiry renews about every second.
    const s = subscribe(dialogId, { renewBeforeExpiryMs: 10 * 60_000 - 1_000, attemptLimit: { max: 100 } });
    void s.subscription.start();
    await s.until(() => s.liveCount() >= 3, 'two renewals', 15_000);
    assert.equal(s.reasons[0], 'initial');
    assert.ok(
      s.reasons.slice(1).every((reason) => reason === 'expiring') && s.reasons.length >= 3,
      `renewals asked for fresh tokens: ${s.reasons.join(', ')}`,
    );
    assert.ok(!s.statuses.some((status) => status.state === 'reconnecting'), 'a renewal is not a failure');
    assert.equal(await touch(dialogId), 200);
    await s.until(() => s.events.some((event) => event.type === 'DIALOG_UPDATED'), 'an event after renewals');
  });

  it('fetches a fresh token when the stream answers 401, and gives up after repeated 401s', async () => {
    const [dialogId] = dialogIds;
    const handle = sandbox();
    let calls = 0;
    const s = subscribe(dialogId, {
      getToken: async () => (++calls === 1 ? 'not-a-token' : dialogToken(handle, dialogId)),
    });
    void s.subscription.start();
    await s.until(() => s.liveCount() === 1, 'live after one refusal');
    assert.deepEqual(s.reasons, ['initial', 'rejected']);

    const never = subscribe(dialogId, { getToken: async () => 'not-a-token', maxAuthFailures: 1 });
    await never.subscription.start();
    const last = never.statuses.at(-1);
    assert.equal(last?.state === 'stopped' && last.reason, 'unauthorized');
    assert.match(last?.state === 'stopped' ? (last.message ?? '') : '', /401/);
    assert.deepEqual(never.reasons, ['initial', 'rejected']);
  });

  it('stops at a refused subscription (HTTP 200, an errors-only next, then complete) instead of reconnecting, and says why', async () => {
    const [dialogId, other] = dialogIds;
    const handle = sandbox();
    const since = new Date().toISOString();
    // A dialog token for another dialog: Dialogporten's policy refuses it the way it refuses a $variable id.
    const refused = subscribe(dialogId, { getToken: () => dialogToken(handle, other) });
    await refused.subscription.start();
    const last = refused.statuses.at(-1);
    assert.equal(last?.state === 'stopped' && last.reason, 'refused', JSON.stringify(refused.statuses));
    assert.match(last?.state === 'stopped' ? (last.message ?? '') : '', /not authorized.*\(AUTH_NOT_AUTHORIZED\)/);
    assert.ok(
      !refused.statuses.some((status) => status.state === 'live' || status.state === 'reconnecting'),
      'never live, never reconnecting',
    );
    assert.deepEqual(refused.reasons, ['initial'], 'no new token: the refusal is about the subscription');
    const attempts = await streamAttempts(dialogId, since);
    assert.deepEqual(
      attempts.map((a) => a.outcome),
      ['refused'],
      'one connection attempt',
    );
  });

  it('makes at most 3 connection attempts per window whatever the server does', async () => {
    const dialogId = dialogIds[5] ?? dialogIds[0];
    const handle = sandbox();
    handle.context.faults.inject({ kind: 'status', status: 503, pathPrefix: '/dialogporten/graphql/stream', times: 4 });
    const since = new Date().toISOString();
    const window = { max: 3, windowMs: 1_500 };
    const s = subscribe(dialogId, { attemptLimit: window });
    void s.subscription.start();
    await s.until(() => s.liveCount() >= 1, 'live after the faults', 15_000);
    const attempts = (await streamAttempts(dialogId, since)).map((a) => Date.parse(a.at));
    // The 503s are answered by the fault injector before the stream handler sees them: count the client's tries.
    assert.equal(s.connectTimes.length, 5, JSON.stringify(s.statuses));
    for (let i = 3; i < s.connectTimes.length; i++) {
      const gap = s.connectTimes[i] - s.connectTimes[i - 3];
      assert.ok(
        gap >= window.windowMs - 20,
        `attempt ${i + 1} came ${gap} ms after attempt ${i - 2}: more than 3 in ${window.windowMs} ms`,
      );
    }
    assert.equal(attempts.length, 1, 'one attempt reached the stream');
    const limited = s.statuses.flatMap((status) =>
      status.state === 'reconnecting' && /at most 3 connection attempts/.test(status.reason) ? [status] : [],
    );
    assert.ok(limited.length >= 1, `the limit held attempts back: ${JSON.stringify(s.statuses)}`);
    assert.equal(await touch(dialogId), 200);
    await s.until(() => s.events.length === 1, 'an event');
  });

  it('reconnects after a reset and a 503 with Retry-After (keeping its token), and stops for good on DIALOG_DELETED', async () => {
    const dialogId = dialogIds[3];
    const handle = sandbox();
    handle.context.faults.inject({ kind: 'reset', pathPrefix: '/dialogporten/graphql/stream', times: 1 });
    handle.context.faults.inject({
      kind: 'status',
      status: 503,
      retryAfter: 1,
      pathPrefix: '/dialogporten/graphql/stream',
      times: 1,
    });
    const s = subscribe(dialogId);
    const started = Date.now();
    void s.subscription.start();
    await s.until(() => s.liveCount() === 1, 'live after the faults');
    const waits = s.statuses.flatMap((status) => (status.state === 'reconnecting' ? [status] : []));
    assert.equal(waits.length, 2, JSON.stringify(waits));
    assert.match(waits[0].reason, /broke|closed/);
    assert.match(waits[1].reason, /503/);
    assert.equal(waits[1].delayMs, 1_000, 'Retry-After is honoured');
    assert.ok(Date.now() - started >= 1_000);
    assert.deepEqual(s.reasons, ['initial'], 'the token it had was still good');
    assert.equal(
      (await fetch(`${handle.urls.baseUrl}/__sandbox/dialogs/${dialogId}`, { method: 'DELETE' })).status,
      204,
    );
    await s.until(() => s.statuses.at(-1)?.state === 'stopped', 'stopped');
    assert.deepEqual(s.events, [{ dialogId, type: 'DIALOG_DELETED' }]);
    const last = s.statuses.at(-1);
    assert.equal(last?.state === 'stopped' && last.reason, 'deleted');
  });

  it('closes its stream on dispose: no more events, no reconnects', async () => {
    const dialogId = dialogIds[4] ?? dialogIds[0];
    const s = subscribe(dialogId);
    const done = s.subscription.start();
    await s.until(() => s.liveCount() === 1, 'live');
    s.subscription.dispose();
    await done;
    const statusesAtDispose = s.statuses.length;
    await touch(dialogId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(s.events, []);
    assert.equal(s.statuses.length, statusesAtDispose);
    assert.deepEqual(s.statuses.at(-1), { state: 'stopped', reason: 'disposed' });
  });

  it('backs off and retries when the stream cannot be reached, without asking for new tokens each time', async () => {
    const handle = sandbox();
    const dialogId = dialogIds[1];
    const token = await dialogToken(handle, dialogId);
    const reasons: TokenRequestReason[] = [];
    const statuses: SubscriptionStatus[] = [];
    const subscription = new DialogEventsSubscription({
      streamUrl: 'http://127.0.0.1:9/graphql/stream',
      dialogId,
      getToken: async (reason) => {
        reasons.push(reason);
        return token;
      },
      onEvent: () => undefined,
      onStatus: (status) => statuses.push(status),
      backoff: { initialMs: 20, maxMs: 80 },
      attemptLimit: { max: 100 },
      connect,
    });
    subscriptions.push(subscription);
    void subscription.start();
    await new Promise((resolve) => setTimeout(resolve, 600));
    subscription.dispose();
    const delays = statuses.flatMap((status) => (status.state === 'reconnecting' ? [status.delayMs] : []));
    assert.ok(delays.length >= 3, `several attempts: ${delays.join(', ')}`);
    assert.deepEqual(delays.slice(0, 3), [20, 40, 80], 'exponential backoff');
    assert.ok(
      delays.every((delay) => delay <= 80),
      'capped',
    );
    assert.deepEqual(reasons, ['initial'], 'a network failure reuses the token it has');
  });
});

/** The client's reading of what the server sends, with a scripted connector (the sandbox tests above use real HTTP). */
describe('dialog events: what the client makes of the stream', () => {
  const dialogId = '0194a3b2-7c1d-7e2f-8a9b-0c1d2e3f4a5b';
  const encoder = new TextEncoder();

  /** Each connection answers 200 text/event-stream with `chunks`, spaced by `gapMs`, then ends. */
  function scripted(script: (n: number) => { chunks: string[]; gapMs?: number }): {
    connect: StreamConnector;
    requests: StreamRequest[];
  } {
    const requests: StreamRequest[] = [];
    const connect: StreamConnector = async (request) => {
      requests.push(request);
      const { chunks, gapMs = 0 } = script(requests.length);
      async function* body(): AsyncIterable<Uint8Array> {
        for (const chunk of chunks) {
          if (gapMs) await new Promise((resolve) => setTimeout(resolve, gapMs));
          if (request.signal.aborted) return;
          yield encoder.encode(chunk);
        }
      }
      return { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8' }, body: body() };
    };
    return { connect, requests };
  }

  function run(connect: StreamConnector, extra: Partial<DialogEventsOptions> = {}) {
    const statuses: SubscriptionStatus[] = [];
    const events: DialogEvent[] = [];
    const subscription = new DialogEventsSubscription({
      streamUrl: 'https://stream.example/graphql/stream',
      dialogId,
      getToken: async () => 'a.b.c',
      connect,
      onEvent: (event) => events.push(event),
      onStatus: (status) => statuses.push(status),
      backoff: { initialMs: 10, maxMs: 40 },
      attemptLimit: { max: 100 },
      ...extra,
    });
    return {
      subscription,
      statuses,
      events,
      delays: () => statuses.flatMap((status) => (status.state === 'reconnecting' ? [status.delayMs] : [])),
    };
  }

  it('sends the dialog id in the query text, with no variables, as Arbeidsflate does', async () => {
    const { connect, requests } = scripted(() => ({ chunks: [':\n\n'] }));
    const r = run(connect);
    void r.subscription.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    r.subscription.dispose();
    const body = JSON.parse(requests[0].body) as { query: string; variables: Record<string, unknown> };
    assert.equal(body.query, `subscription dialogEvents { dialogEvents(dialogId: "${dialogId}") { id type } }`);
    assert.deepEqual(body.variables, {});
    assert.equal(requests[0].headers.accept, 'text/event-stream');
  });

  it('writes only a checked UUID into the query', () => {
    assert.equal(
      dialogEventsSubscriptionQuery(dialogId.toUpperCase()),
      `subscription dialogEvents { dialogEvents(dialogId: "${dialogId}") { id type } }`,
    );
    for (const bad of [
      '',
      'x") { __typename } #',
      `${dialogId}"`,
      `${dialogId} `,
      '0194a3b27c1d7e2f8a9b0c1d2e3f4a5b',
    ]) {
      assert.throws(() => dialogEventsSubscriptionQuery(bad), /not a dialog id/, bad);
      assert.throws(() => run(scripted(() => ({ chunks: [] })).connect, { dialogId: bad }), /not a dialog id/);
    }
  });

  it('takes an errors-only next as a refusal: stopped with the reason, never live, one attempt', async () => {
    const refusal = `event: next\ndata: ${JSON.stringify({ errors: [{ message: 'The current user is not authorized to access this resource.', extensions: { code: 'AUTH_NOT_AUTHORIZED' } }] })}\n\nevent: complete\n\n`;
    const { connect, requests } = scripted(() => ({ chunks: [refusal] }));
    const r = run(connect);
    await r.subscription.start();
    assert.equal(requests.length, 1);
    assert.deepEqual(
      r.statuses.map((status) => status.state),
      ['connecting', 'stopped'],
    );
    assert.deepEqual(r.statuses.at(-1), {
      state: 'stopped',
      reason: 'refused',
      message: 'The current user is not authorized to access this resource. (AUTH_NOT_AUTHORIZED)',
    });
  });

  it('keeps backing off for a stream that answers and ends, and starts over only after a real event or a healthy stretch of keep-alives', async () => {
    const event = `event: next\ndata: ${JSON.stringify({ data: { dialogEvents: { id: dialogId, type: 'DIALOG_UPDATED' } } })}\n\n`;
    const plan: { chunks: string[]; gapMs?: number }[] = [
      { chunks: [':\n\n', 'event: complete\n\n'] },
      { chunks: [':\n\n', 'event: complete\n\n'] },
      { chunks: [':\n\n', 'event: complete\n\n'] },
      { chunks: [':\n\n', event] },
      { chunks: ['event: complete\n\n'] },
      { chunks: [':\n\n', ':\n\n', ':\n\n', ':\n\n'], gapMs: 40 },
      { chunks: ['event: complete\n\n'] },
    ];
    const { connect, requests } = scripted((n) => plan[n - 1] ?? { chunks: [':\n\n'], gapMs: 10_000 });
    const r = run(connect, { healthyAfterMs: 100 });
    void r.subscription.start();
    const deadline = Date.now() + 5_000;
    while (requests.length < plan.length + 1 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    r.subscription.dispose();
    assert.deepEqual(r.events, [{ dialogId, type: 'DIALOG_UPDATED' }]);
    // 1–3 answer and end: 10, 20, 40 (capped). 4 brought an event: 10 again. 5 ends: 20. 6 held 160 ms of keep-alives: 10. 7 ends: 20.
    assert.deepEqual(r.delays(), [10, 20, 40, 10, 20, 10, 20]);
  });

  it("waits as long as a refusing answer's Retry-After says, in seconds or as an HTTP date, instead of its own backoff", async () => {
    // Whole seconds only: 3–4 s from now when written, 2–3 s when the second answer (1 s later) is read.
    const inAFewSeconds = new Date(Math.floor(Date.now() / 1000) * 1000 + 4_000).toUTCString();
    const answers = [
      { status: 503, retryAfter: '1' },
      { status: 429, retryAfter: inAFewSeconds },
    ];
    let n = 0;
    const connect: StreamConnector = async () => {
      const answer = answers[n++];
      if (!answer) return new Promise(() => undefined);
      async function* body(): AsyncIterable<Uint8Array> {
        yield encoder.encode('{"title":"busy"}');
      }
      return {
        status: answer.status,
        headers: { 'retry-after': answer.retryAfter, 'content-type': 'application/json' },
        body: body(),
      };
    };
    const r = run(connect);
    void r.subscription.start();
    const deadline = Date.now() + 5_000;
    while (r.delays().length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    r.subscription.dispose();
    const [seconds, date] = r.delays();
    assert.equal(seconds, 1_000);
    assert.ok(date > 1_500 && date <= 3_000, `the HTTP date read as 2–3 s from then (${date} ms)`);
    const reasons = r.statuses.flatMap((status) => (status.state === 'reconnecting' ? [status.reason] : []));
    assert.deepEqual(reasons, ['the event stream answered 503: busy', 'the event stream answered 429: busy']);
  });
});
