import assert from 'node:assert/strict';
import { DialogEventsSubscription, type DialogEvent, type SubscriptionStatus, type TokenRequestReason } from '../../../src/platform/dialogporten/events';
import type { SandboxHandle } from '../../../src/sandbox';
import { sandboxToken, useSandbox } from '../helpers/sandbox';

/** Against the sandbox's real `/graphql/stream` (SSE) and its admin hooks, nothing mocked. */
describe('dialog events: subscription client against the sandbox stream', function () {
  this.timeout(30_000);
  const sandbox = useSandbox({ dialogs: 20 });
  let accessToken: string;
  let dialogIds: string[];
  const subscriptions: DialogEventsSubscription[] = [];

  before(async () => {
    const handle = sandbox();
    accessToken = await sandboxToken(handle, { scopes: ['digdir:dialogporten'], person: true });
    const party = `urn:altinn:person:identifier-no:${handle.context.world.defaultPerson.nationalIdentityNumber}`;
    const page = await (await fetch(`${handle.urls.dialogportenBase}/api/v1/enduser/dialogs?party=${encodeURIComponent(party)}&limit=10`, { headers: { authorization: `Bearer ${accessToken}` } })).json() as { items: { id: string }[] };
    dialogIds = page.items.map((item) => item.id);
    assert.ok(dialogIds.length >= 4, 'the sandbox lists dialogs for the default person');
  });

  afterEach(() => {
    for (const subscription of subscriptions.splice(0)) subscription.dispose();
  });

  /** A dialog token the way a client gets one: from the dialog details. */
  async function dialogToken(handle: SandboxHandle, dialogId: string): Promise<string> {
    const response = await fetch(`${handle.urls.dialogportenBase}/api/v1/enduser/dialogs/${dialogId}`, { headers: { authorization: `Bearer ${accessToken}` } });
    assert.equal(response.status, 200);
    return ((await response.json()) as { dialogToken: string }).dialogToken;
  }

  function subscribe(dialogId: string, overrides: { getToken?: (reason: TokenRequestReason) => Promise<string>; renewBeforeExpiryMs?: number; maxAuthFailures?: number } = {}) {
    const handle = sandbox();
    const events: DialogEvent[] = [];
    const statuses: SubscriptionStatus[] = [];
    const reasons: TokenRequestReason[] = [];
    const waiters: { predicate: () => boolean; resolve: () => void }[] = [];
    const check = (): void => {
      for (const waiter of [...waiters]) if (waiter.predicate()) { waiters.splice(waiters.indexOf(waiter), 1); waiter.resolve(); }
    };
    const subscription = new DialogEventsSubscription({
      streamUrl: `${handle.urls.dialogportenBase}/graphql/stream`,
      dialogId,
      getToken: async (reason) => {
        reasons.push(reason);
        return overrides.getToken ? overrides.getToken(reason) : dialogToken(handle, dialogId);
      },
      onEvent: (event) => { events.push(event); check(); },
      onStatus: (status) => { statuses.push(status); check(); },
      renewBeforeExpiryMs: overrides.renewBeforeExpiryMs,
      maxAuthFailures: overrides.maxAuthFailures,
      backoff: { initialMs: 50, maxMs: 200 },
    });
    subscriptions.push(subscription);
    const until = (predicate: () => boolean, what: string, ms = 10_000): Promise<void> => new Promise((resolve, reject) => {
      if (predicate()) return resolve();
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; statuses: ${JSON.stringify(statuses)}`)), ms);
      waiters.push({ predicate, resolve: () => { clearTimeout(timer); resolve(); } });
    });
    const liveCount = (): number => statuses.filter((s) => s.state === 'live').length;
    return { subscription, events, statuses, reasons, until, liveCount };
  }

  const touch = async (dialogId: string): Promise<number> => (await fetch(`${sandbox().urls.baseUrl}/__sandbox/dialogs/${dialogId}/touch`, { method: 'POST' })).status;

  it('delivers DIALOG_UPDATED for its own dialog only, authorised with the dialog token', async () => {
    const [mine, other] = dialogIds;
    const s = subscribe(mine);
    void s.subscription.start();
    await s.until(() => s.liveCount() === 1, 'the stream to be live');
    const live = s.statuses.find((status) => status.state === 'live');
    assert.ok(live && live.state === 'live' && live.tokenExpiresAt && live.tokenExpiresAt.getTime() > Date.now(), 'live status carries the dialog token expiry');
    assert.equal(await touch(other), 200);
    assert.equal(await touch(mine), 200);
    await s.until(() => s.events.length >= 1, 'an event');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(s.events, [{ dialogId: mine, type: 'DIALOG_UPDATED' }], 'only the subscribed dialog\'s event arrives');
    assert.deepEqual(s.reasons, ['initial']);
  });

  it('switches to a fresh dialog token before the current one expires and keeps delivering events', async () => {
    const [, , dialogId] = dialogIds;
    // Dialog tokens live 10 minutes: renewing "10 min minus 1 s" before expiry renews about every second.
    const s = subscribe(dialogId, { renewBeforeExpiryMs: 10 * 60_000 - 1_000 });
    void s.subscription.start();
    await s.until(() => s.liveCount() >= 3, 'two renewals', 15_000);
    assert.equal(s.reasons[0], 'initial');
    assert.ok(s.reasons.slice(1).every((reason) => reason === 'expiring') && s.reasons.length >= 3, `renewals asked for fresh tokens: ${s.reasons.join(', ')}`);
    assert.ok(!s.statuses.some((status) => status.state === 'reconnecting'), 'a renewal is not a failure');
    assert.equal(await touch(dialogId), 200);
    await s.until(() => s.events.some((event) => event.type === 'DIALOG_UPDATED'), 'an event after renewals');
  });

  it('fetches a fresh token when the stream refuses one, and gives up after repeated refusals', async () => {
    const [dialogId, other] = dialogIds;
    const handle = sandbox();
    let calls = 0;
    const s = subscribe(dialogId, { getToken: async () => (++calls === 1 ? 'not-a-token' : dialogToken(handle, dialogId)) });
    void s.subscription.start();
    await s.until(() => s.liveCount() === 1, 'live after one refusal');
    assert.deepEqual(s.reasons, ['initial', 'rejected']);

    // A token for another dialog is refused every time (403): the subscription stops instead of looping.
    const refused = subscribe(dialogId, { getToken: () => dialogToken(handle, other), maxAuthFailures: 2 });
    await refused.subscription.start();
    const last = refused.statuses.at(-1);
    assert.equal(last?.state, 'stopped');
    assert.equal(last?.state === 'stopped' && last.reason, 'unauthorized');
    assert.match(last?.state === 'stopped' ? last.message ?? '' : '', /403/);
    assert.deepEqual(refused.reasons, ['initial', 'rejected', 'rejected']);
  });

  it('reconnects after a reset and a 503 with Retry-After (keeping its token), and stops for good on DIALOG_DELETED', async () => {
    const dialogId = dialogIds[3];
    const handle = sandbox();
    handle.context.faults.inject({ kind: 'reset', pathPrefix: '/dialogporten/graphql/stream', times: 1 });
    handle.context.faults.inject({ kind: 'status', status: 503, retryAfter: 1, pathPrefix: '/dialogporten/graphql/stream', times: 1 });
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
    assert.equal((await fetch(`${handle.urls.baseUrl}/__sandbox/dialogs/${dialogId}`, { method: 'DELETE' })).status, 204);
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
      getToken: async (reason) => { reasons.push(reason); return token; },
      onEvent: () => undefined,
      onStatus: (status) => statuses.push(status),
      backoff: { initialMs: 20, maxMs: 80 },
    });
    subscriptions.push(subscription);
    void subscription.start();
    await new Promise((resolve) => setTimeout(resolve, 600));
    subscription.dispose();
    const delays = statuses.flatMap((status) => (status.state === 'reconnecting' ? [status.delayMs] : []));
    assert.ok(delays.length >= 3, `several attempts: ${delays.join(', ')}`);
    assert.deepEqual(delays.slice(0, 3), [20, 40, 80], 'exponential backoff');
    assert.ok(delays.every((delay) => delay <= 80), 'capped');
    assert.deepEqual(reasons, ['initial'], 'a network failure reuses the token it has');
  });
});
