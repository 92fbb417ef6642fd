import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import type { RequestLogEntry } from '../../../src/platform/http';
import { effectiveSystemLabels } from '../../../src/platform/dialogporten/schemas/tolerance';
import type { SandboxHandle } from '../../../src/sandbox';
import type { FaultEffect, FaultRule } from '../../../src/sandbox/faults';
import { createApiClients } from '../../../src/vscode/inbox/apiClients';
import { ScriptedPrompts } from '../../../src/vscode/prompts';
import { HostHealthWatch } from './hostHealth';
import { activateExtension, printSummary } from './hostHelpers';
import { InboxTreeDriver, type Node } from './inboxTreeDriver';

// Faults from the sandbox's injector, met through the Inbox tree in the real extension host: each one either ends
// in an error row that says what happened and offers Retry (and Fix for the connection), or is retried within the
// HTTP client's bounds. Paging resumed after a fault must list exactly the dialogs of a fault-free run.

const DIALOGS_PATH = '/dialogporten/api/v1/enduser/dialogs';
const PAGE_SIZE = 40;
const MAX_RETRIES = 3; // DEFAULT_RETRY.maxRetries of the platform HTTP client
const CALIBRATION = 'faults-suite calibration rejection';

type Effect = FaultEffect & { readonly times?: number };

interface PagingFault {
  readonly kind: string;
  readonly rule: Effect;
  /** 'retried': the client recovered on its own within bounds. 'error': an error row, then Retry recovers. */
  readonly expect: 'retried' | 'error';
  /** The error row's label. */
  readonly title?: RegExp;
  /** Recovery goes through "Fix the connection…" (a new token) instead of Retry. */
  readonly fix?: boolean;
  /** Attempts (the first plus retries) the HTTP client may make for the faulted page. */
  readonly attempts: readonly [number, number];
}

const PAGING_FAULTS: readonly PagingFault[] = [
  { kind: 'latency spike (2 s)', rule: { kind: 'latency', ms: 2_000 }, expect: 'retried', attempts: [1, 1] },
  { kind: '429 with Retry-After 1', rule: { kind: 'status', status: 429, retryAfter: 1 }, expect: 'retried', attempts: [2, 2] },
  { kind: '429 with Retry-After 120 (too long to wait)', rule: { kind: 'status', status: 429, retryAfter: 120 }, expect: 'error', title: /busy \(429\); retry after 120 s/, attempts: [1, 1] },
  { kind: '503 with Retry-After 1', rule: { kind: 'status', status: 503, retryAfter: 1 }, expect: 'retried', attempts: [2, 2] },
  { kind: '503 on every retry', rule: { kind: 'status', status: 503, retryAfter: 1, times: MAX_RETRIES + 1 }, expect: 'error', title: /busy \(503\)/, attempts: [MAX_RETRIES + 1, MAX_RETRIES + 1] },
  { kind: '500', rule: { kind: 'status', status: 500 }, expect: 'error', title: /more dialogs: the service answered 500/, attempts: [1, 1] },
  { kind: 'connection reset', rule: { kind: 'reset' }, expect: 'retried', attempts: [2, 2] },
  { kind: 'connection reset on every retry', rule: { kind: 'reset', times: MAX_RETRIES + 1 }, expect: 'error', title: /Could not reach the service for more dialogs/, attempts: [MAX_RETRIES + 1, MAX_RETRIES + 1] },
  { kind: 'truncated body', rule: { kind: 'truncate' }, expect: 'retried', attempts: [2, 2] },
  { kind: 'invalid JSON', rule: { kind: 'invalid-json' }, expect: 'error', title: /answer for more dialogs was not what the API documents/, attempts: [1, 1] },
  { kind: 'wrong content type', rule: { kind: 'wrong-content-type' }, expect: 'error', title: /answer for more dialogs was not what the API documents/, attempts: [1, 1] },
  { kind: 'token expired mid-paging', rule: { kind: 'expire-token' }, expect: 'retried', attempts: [2, 2] },
  { kind: 'token refused mid-paging, also when renewed', rule: { kind: 'expire-token', times: 2 }, expect: 'error', title: /token was not accepted \(401\)/, fix: true, attempts: [2, 2] },
];

describe('faults: the Inbox tree under the sandbox\'s fault injection', function () {
  this.timeout(300_000);
  let hooks: TestHooks;
  let tree: InboxTreeDriver;
  let prompts: ScriptedPrompts;
  let handle: SandboxHandle;
  let health: HostHealthWatch;
  let baseline: string[] = [];
  let profilesBefore = '';
  let activeBefore: string | undefined;
  const secretWrites: string[] = [];
  const subscriptions: vscode.Disposable[] = [];
  const outcomes: { kind: string; handled: boolean; duplicated: number; lost: number }[] = [];
  const requests: RequestLogEntry[] = [];

  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('altinnInbox.inbox');

  async function freshPerson(): Promise<Node> {
    handle.context.faults.clear();
    tree.internals.provider.clearFilters();
    tree.internals.provider.refresh();
    return tree.personParty();
  }

  /** Dialog-search requests the client sent since `from` (one log entry per call, with its retries). */
  const searchesSince = (from: number): RequestLogEntry[] => requests.slice(from).filter((r) => new URL(r.url).pathname.toLowerCase() === DIALOGS_PATH);

  function compare(kind: string, ids: string[], handled: boolean): void {
    const seen = new Set<string>();
    let duplicated = 0;
    for (const id of ids) {
      if (seen.has(id)) duplicated++;
      seen.add(id);
    }
    const lost = baseline.filter((id) => !seen.has(id)).length;
    outcomes.push({ kind, handled, duplicated, lost });
    assert.equal(duplicated, 0, `${kind}: no dialog listed twice`);
    assert.equal(lost, 0, `${kind}: no dialog missing`);
    assert.deepEqual(ids, baseline, `${kind}: the same dialogs in the same order as a fault-free run`);
  }

  before(async () => {
    const api = await activateExtension();
    assert.ok(api.testHooks, 'test hooks');
    hooks = api.testHooks;
    tree = await InboxTreeDriver.connect();
    prompts = new ScriptedPrompts();
    hooks.usePrompts(prompts);
    await vscode.commands.executeCommand('altinnInbox.useSandbox');
    handle = await hooks.services.sandbox.ensureStarted();
    await config().update('pageSize', PAGE_SIZE, vscode.ConfigurationTarget.Global);
    profilesBefore = JSON.stringify(hooks.services.profiles.list());
    activeBefore = hooks.services.profiles.active()?.id;

    health = new HostHealthWatch(hooks.services.context.logUri.fsPath);
    health.start();
    // The watch must be able to see a rejection nobody handles, or "0 unhandled" would prove nothing.
    void Promise.reject(new Error(CALIBRATION));
    assert.ok(health.hostLogs().some((file) => file.endsWith('exthost.log')), `the extension host log is found: ${health.hostLogs().join(', ')}`);
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && !health.collect().some((p) => p.source === 'exthost.log' && p.text.includes(CALIBRATION))) await new Promise((resolve) => setTimeout(resolve, 100));
    const seen = [...new Set(health.collect().filter((p) => p.text.includes(CALIBRATION)).map((p) => p.source))].sort();
    assert.deepEqual(seen, ['exthost.log', 'unhandledRejection'], 'the watch sees an unhandled rejection in the process and in the host log');

    subscriptions.push(hooks.secrets.onDidChange((event) => secretWrites.push(event.key)));
    const unsubscribe = hooks.services.http.onRequest((entry) => requests.push(entry));
    subscriptions.push({ dispose: unsubscribe });

    const person = await freshPerson();
    baseline = tree.dialogIds(await tree.pageToEnd(person));
    assert.ok(baseline.length > PAGE_SIZE * 2, `enough dialogs to page through (${baseline.length})`);
    assert.equal(new Set(baseline).size, baseline.length, 'the fault-free run lists each dialog once');
  });

  after(async () => {
    health?.stop();
    for (const subscription of subscriptions) subscription.dispose();
    handle?.context.faults.clear();
    hooks?.usePrompts(undefined);
    await config().update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    if (activeBefore) await hooks.services.profiles.setActive(activeBefore);
    tree?.internals.provider.refresh();
  });

  for (const fault of PAGING_FAULTS) {
    it(`${fault.kind} while paging: ${fault.expect === 'retried' ? 'retried within bounds' : 'an error row with Retry'}, then no dialog duplicated or lost`, async () => {
      const person = await freshPerson();
      const firstPage = await tree.children(person);
      assert.ok(tree.has(firstPage.at(-1)!, 'loadMore'), 'a first page with "Load more…"');
      const from = requests.length;
      handle.context.faults.inject({ ...fault.rule, pathPrefix: DIALOGS_PATH, method: 'GET' } as FaultRule);
      const started = Date.now();
      await vscode.commands.executeCommand('altinnInbox.loadMore', firstPage.at(-1));
      const elapsed = Date.now() - started;
      const rows = await tree.children(person);
      const error = rows.find((r) => tree.has(r, 'error'));
      const searches = searchesSince(from);
      const attempts = searches.reduce((sum, r) => sum + 1 + r.retries, 0);
      assert.ok(attempts >= fault.attempts[0] && attempts <= fault.attempts[1], `${attempts} attempt(s) for the page, expected ${fault.attempts.join('–')}`);
      assert.ok(searches.every((r) => r.retries <= MAX_RETRIES), 'retries stay within the bound');
      assert.deepEqual(handle.context.faults.pending(), [], 'the fault was met');

      if (fault.expect === 'retried') {
        assert.equal(error, undefined, `no error row: ${error ? tree.label(error) : ''}`);
        assert.equal(searches.at(-1)?.status, 200, 'the last attempt succeeded');
        if (fault.rule.kind === 'latency') assert.ok(elapsed >= fault.rule.ms, `the spike was waited out (${elapsed} ms)`);
        if (fault.rule.kind === 'status' && typeof fault.rule.retryAfter === 'number') assert.ok(elapsed >= fault.rule.retryAfter * 1000 - 50, `Retry-After was honoured (${elapsed} ms)`);
        assert.ok(tree.dialogIds(rows).length > tree.dialogIds(firstPage).length, 'the second page arrived');
      } else {
        assert.ok(error, 'an error row where the next page would be');
        assert.match(tree.label(error), fault.title!);
        assert.equal(rows.at(-1), error, 'the error row ends the list, in place of "Load more…"');
        assert.deepEqual(tree.dialogIds(rows), tree.dialogIds(firstPage), 'the dialogs already listed stay');
        const actions = await tree.errorActions(error);
        assert.ok(actions.has('Show log'), 'Show log is offered');
        if (fault.fix) {
          assert.ok(actions.has('Fix the connection…'), `Fix is offered: ${[...actions.keys()].join(', ')}`);
          prompts.enqueue((offered: readonly vscode.QuickPickItem[]) => offered.find((o) => /Get a new token/.test(o.label)));
          await tree.click(actions.get('Fix the connection…')!);
          assert.equal(prompts.pending, 0, 'the Fix quick pick was answered');
        } else {
          assert.ok(actions.has('Retry'), `Retry is offered: ${[...actions.keys()].join(', ')}`);
          await tree.click(actions.get('Retry')!);
        }
        const resumed = await tree.children(person);
        assert.ok(!resumed.some((r) => tree.has(r, 'error')), 'recovered');
        assert.ok(tree.dialogIds(resumed).length > tree.dialogIds(firstPage).length, 'paging went on from where it stopped');
      }
      compare(fault.kind, tree.dialogIds(await tree.pageToEnd(person)), true);
    });
  }

  it('412 on labels: a stale row\'s archive is explained, overwrites nothing, and succeeds when retried', async () => {
    const person = await freshPerson();
    const row = (await tree.children(person)).find((c) => tree.has(c, 'dialog') && tree.has(c, 'label-Default'))!;
    assert.ok(row, 'a dialog in the inbox');
    const clients = await createApiClients(hooks.services, hooks.services.connections.activeProfile!);
    const current = async () => (await clients.dialogporten.searchDialogs({ party: [person.partyUrn], limit: 1000 })).items!.find((d) => d.id === row.dialogId)!;
    // Someone else marks it as unopened: the row's revision is stale now.
    await clients.dialogporten.setSystemLabels(row.dialogId, { addLabels: ['MarkedAsUnopened'] }, { ifMatch: (await current()).endUserContext!.revision });
    prompts.enqueue(undefined);
    assert.equal(await vscode.commands.executeCommand('altinnInbox.archiveDialog', row), undefined, 'dismissing the conflict ends quietly');
    assert.match(prompts.asked.at(-1)?.title ?? '', /changed elsewhere/, 'the 412 is explained');
    assert.ok(!effectiveSystemLabels(await current()).includes('Archive'), 'nothing was overwritten');
    assert.ok(tree.has(row, 'label-MarkedAsUnopened'), 'the row now shows what changed elsewhere');
    // Changed elsewhere once more; this time the user retries.
    await clients.dialogporten.setSystemLabels(row.dialogId, { addLabels: ['Bin'] }, { ifMatch: (await current()).endUserContext!.revision });
    prompts.enqueue('Retry');
    const archived = await vscode.commands.executeCommand<{ labels: string[]; conflicts: number }>('altinnInbox.archiveDialog', row);
    assert.equal(archived?.conflicts, 1, 'one conflict, explained and retried');
    assert.deepEqual(effectiveSystemLabels(await current()).filter((l) => l !== 'MarkedAsUnopened'), ['Archive'], 'archived after the retry');
    const restored = await vscode.commands.executeCommand<{ labels: string[] }>('altinnInbox.restoreDialog', (await tree.children(person)).find((c) => c.dialogId === row.dialogId));
    assert.ok(restored && !restored.labels.includes('Archive') && !restored.labels.includes('Bin'), `put back: ${restored?.labels.join(', ')}`);
    outcomes.push({ kind: '412 on labels', handled: true, duplicated: 0, lost: 0 });
  });

  for (const down of [
    { kind: 'Maskinporten down (503)', rule: { kind: 'status', status: 503 } as Effect, title: /^No token for the parties: Maskinporten is busy \(503\)/ },
    { kind: 'Maskinporten unreachable (reset)', rule: { kind: 'reset' } as Effect, title: /^No token for the parties: Maskinporten could not be reached/ },
  ]) {
    it(`${down.kind}: the parties row says the token could not be had, offers Fix and Retry, and Retry recovers`, async () => {
      const { profiles, connections } = hooks.services;
      const systemUser = profiles.list().find((p) => p.kind === 'sandbox' && p.identity.type === 'systemUser')!;
      assert.ok(systemUser, 'the sandbox system user (it gets its tokens from Maskinporten)');
      const person = connections.activeProfile!;
      try {
        await profiles.setActive(systemUser.id);
        (await connections.tokenProvider(systemUser, 'maskinporten')).invalidate();
        handle.context.faults.clear();
        handle.context.faults.inject({ ...down.rule, pathPrefix: '/maskinporten/token', method: 'POST', times: 5 } as FaultRule);
        tree.internals.provider.refresh();
        const roots = await tree.children();
        const error = roots.find((r) => tree.has(r, 'error'));
        assert.ok(error, `an error row instead of an empty tree: ${roots.map((r) => tree.label(r)).join(', ')}`);
        assert.match(tree.label(error), down.title, 'it names Maskinporten, not the API');
        const actions = await tree.errorActions(error);
        assert.ok(actions.has('Retry') && actions.has('Fix the connection…'), `Retry and Fix: ${[...actions.keys()].join(', ')}`);
        handle.context.faults.clear();
        await tree.click(actions.get('Retry')!);
        const recovered = await tree.children();
        assert.ok(recovered.length > 0 && recovered.every((r) => tree.has(r, 'party') || tree.has(r, 'hint')), `parties after Retry: ${recovered.map((r) => tree.label(r)).join(', ')}`);
        assert.equal(connections.tokenState(systemUser.id).status, 'valid', 'a valid token again');
      } finally {
        handle.context.faults.clear();
        await profiles.setActive(person.id);
      }
      outcomes.push({ kind: down.kind, handled: true, duplicated: 0, lost: 0 });
    });
  }

  it('leaves the profiles, SecretStorage and the extension host intact, and prints the counts', async () => {
    const { profiles, connections } = hooks.services;
    assert.equal(JSON.stringify(profiles.list()), profilesBefore, 'the profiles are as they were');
    assert.equal(profiles.active()?.id, activeBefore, 'the same profile is active');
    assert.deepEqual(secretWrites, [], 'nothing was written to SecretStorage');
    const person = await freshPerson();
    assert.deepEqual(tree.dialogIds(await tree.pageToEnd(person)), baseline, 'the inbox lists what it listed before the faults');
    assert.equal(connections.tokenState(activeBefore!).status, 'valid', 'the active profile has a valid token');
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // VS Code reports a rejection after a second
    const problems = health.collect(new RegExp(CALIBRATION));
    const kinds = PAGING_FAULTS.length + 3;
    const handled = outcomes.filter((o) => o.handled).length;
    const duplicated = outcomes.reduce((sum, o) => sum + o.duplicated, 0);
    const lost = outcomes.reduce((sum, o) => sum + o.lost, 0);
    const rejections = problems.filter((p) => p.source === 'unhandledRejection').length;
    printSummary(`[faults] ${kinds} fault kinds, ${handled} handled, ${rejections} unhandled rejections, ${problems.length - rejections} uncaught errors, ${duplicated} duplicated, ${lost} lost`);
    assert.deepEqual(problems, [], 'no unhandled rejection, uncaught exception or extension error in the host log');
    assert.equal(handled, kinds, 'every fault kind was handled');
  });
});
