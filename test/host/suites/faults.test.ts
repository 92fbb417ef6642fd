import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import type { RequestLogEntry } from '../../../src/platform/http';
import { effectiveSystemLabels } from '../../../src/platform/dialogporten/schemas/tolerance';
import type { SandboxHandle } from '../../../src/sandbox';
import type { FaultEffect, FaultRule } from '../../../src/sandbox/faults';
import type { DialogPanelTestInternals } from '../../../src/vscode/dialogPanel/registerDialogPanel';
import { createApiClients } from '../../../src/vscode/shared/apiClients';
import type { ScriptedPrompts } from '../../../src/vscode/prompts';
import { HostHealthWatch } from './hostHealth';
import { activateExtension, printSummary } from './hostHelpers';
import { InboxTreeDriver, type Node } from './inboxTreeDriver';

// Faults from the sandbox's injector, met through the Inbox tree in the real extension host: each one either ends
// in an error row that says what happened and offers Retry (and Fix for the connection), or is retried within the
// HTTP client's bounds. Paging resumed after a fault must list exactly the dialogs of a fault-free run. Beyond dialog
// paging the faults also hit the Correspondence listing (one request per resource), a dialog's transmissions, the
// dialog details while the dialog panel opens (what the panel shows is read back), and a Maskinporten slower than the
// request timeout (altinnInbox.http.timeoutSeconds, set short here). The printed total counts the declared kinds.

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
  {
    kind: '429 with Retry-After 1',
    rule: { kind: 'status', status: 429, retryAfter: 1 },
    expect: 'retried',
    attempts: [2, 2],
  },
  {
    kind: '429 with Retry-After 120 (too long to wait)',
    rule: { kind: 'status', status: 429, retryAfter: 120 },
    expect: 'error',
    title: /busy \(429\); retry after 120 s/,
    attempts: [1, 1],
  },
  {
    kind: '503 with Retry-After 1',
    rule: { kind: 'status', status: 503, retryAfter: 1 },
    expect: 'retried',
    attempts: [2, 2],
  },
  {
    kind: '503 on every retry',
    rule: { kind: 'status', status: 503, retryAfter: 1, times: MAX_RETRIES + 1 },
    expect: 'error',
    title: /busy \(503\)/,
    attempts: [MAX_RETRIES + 1, MAX_RETRIES + 1],
  },
  {
    kind: '500',
    rule: { kind: 'status', status: 500 },
    expect: 'error',
    title: /more dialogs: the service answered 500/,
    attempts: [1, 1],
  },
  { kind: 'connection reset', rule: { kind: 'reset' }, expect: 'retried', attempts: [2, 2] },
  {
    kind: 'connection reset on every retry',
    rule: { kind: 'reset', times: MAX_RETRIES + 1 },
    expect: 'error',
    title: /Could not reach the service for more dialogs/,
    attempts: [MAX_RETRIES + 1, MAX_RETRIES + 1],
  },
  { kind: 'truncated body', rule: { kind: 'truncate' }, expect: 'retried', attempts: [2, 2] },
  {
    kind: 'invalid JSON',
    rule: { kind: 'invalid-json' },
    expect: 'error',
    title: /answer for more dialogs was not what the API documents/,
    attempts: [1, 1],
  },
  {
    kind: 'wrong content type',
    rule: { kind: 'wrong-content-type' },
    expect: 'error',
    title: /answer for more dialogs was not what the API documents/,
    attempts: [1, 1],
  },
  { kind: 'token expired mid-paging', rule: { kind: 'expire-token' }, expect: 'retried', attempts: [2, 2] },
  {
    kind: 'token refused mid-paging, also when renewed',
    rule: { kind: 'expire-token', times: 2 },
    expect: 'error',
    title: /token was not accepted \(401\)/,
    fix: true,
    attempts: [2, 2],
  },
];

const CORRESPONDENCE_PATH = '/correspondence/api/v1/correspondence';
const TOKEN_PATH = '/maskinporten/token';

/**
 * A fault on a list a tree row loads when expanded: every correspondence listing (one request per resource) of a
 * party's Correspondence row, or GET …/dialogs/{id}/transmissions of a dialog's Transmissions row.
 */
interface ListingFault {
  readonly kind: string;
  readonly rule: Effect;
  readonly expect: 'retried' | 'error';
  readonly title?: RegExp;
  /** Attempts per request (the first plus retries). */
  readonly attempts: number;
}

const CORRESPONDENCE_FAULTS: readonly ListingFault[] = [
  {
    kind: 'correspondence listing: 500',
    rule: { kind: 'status', status: 500 },
    expect: 'error',
    title: /^Could not load correspondence: the service answered 500$/,
    attempts: 1,
  },
  {
    kind: 'correspondence listing: connection reset on every retry',
    rule: { kind: 'reset' },
    expect: 'error',
    title: /^Could not reach the service for correspondence$/,
    attempts: MAX_RETRIES + 1,
  },
  {
    kind: 'correspondence listing: invalid JSON',
    rule: { kind: 'invalid-json' },
    expect: 'error',
    title: /^The answer for correspondence was not what the API documents$/,
    attempts: 1,
  },
  {
    kind: 'correspondence listing: 503 with Retry-After 1',
    rule: { kind: 'status', status: 503, retryAfter: 1 },
    expect: 'retried',
    attempts: 2,
  },
];

const TRANSMISSION_FAULTS: readonly ListingFault[] = [
  {
    kind: 'transmissions: 500',
    rule: { kind: 'status', status: 500 },
    expect: 'error',
    title: /^Could not load transmissions: the service answered 500$/,
    attempts: 1,
  },
  { kind: 'transmissions: truncated body', rule: { kind: 'truncate' }, expect: 'retried', attempts: 2 },
  {
    kind: 'transmissions: truncated body on every retry',
    rule: { kind: 'truncate', times: MAX_RETRIES + 1 },
    expect: 'error',
    title: /^The answer for transmissions was cut off$/,
    attempts: MAX_RETRIES + 1,
  },
];

/** A fault on GET …/dialogs/{id} (the details) while the dialog panel opens. */
interface PanelFault {
  readonly kind: string;
  readonly rule: Effect;
  readonly expect: 'retried' | 'error';
  /** What the panel says failed, as plain text. */
  readonly message?: RegExp;
  /** The technical detail under it (the request and what came back). */
  readonly detail?: RegExp;
  readonly attempts: number;
}

const PANEL_FAULTS: readonly PanelFault[] = [
  {
    kind: 'dialog panel: details 500',
    rule: { kind: 'status', status: 500 },
    expect: 'error',
    message: /^Could not load the dialog: the service answered 500$/,
    detail: /^GET \S+\/dialogporten\/api\/v1\/enduser\/dialogs\/[0-9a-f-]{36} answered 500: Internal Server Error/,
    attempts: 1,
  },
  {
    kind: 'dialog panel: details truncated on every retry',
    rule: { kind: 'truncate', times: MAX_RETRIES + 1 },
    expect: 'error',
    message: /^The answer for the dialog was cut off$/,
    detail: /^GET \S+\/dialogs\/[0-9a-f-]{36} failed: the answer was cut off: .*\(truncated body\)/,
    attempts: MAX_RETRIES + 1,
  },
  { kind: 'dialog panel: details truncated once', rule: { kind: 'truncate' }, expect: 'retried', attempts: 2 },
];

/** Text of an HTML fragment (tags dropped, entities of escapeHtml decoded), as a user would read it. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

describe("faults: the Inbox tree under the sandbox's fault injection", function () {
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
  /** Every fault kind this suite declares a test for: the printed total is this list's length. */
  const declared: string[] = [];
  const requests: RequestLogEntry[] = [];

  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('altinnInbox.inbox');

  async function freshPerson(): Promise<Node> {
    handle.context.faults.clear();
    tree.internals.provider.clearFilters();
    tree.internals.provider.refresh();
    return tree.personParty();
  }

  /** Dialog-search requests the client sent since `from` (one log entry per call, with its retries). */
  const searchesSince = (from: number): RequestLogEntry[] =>
    requests.slice(from).filter((r) => new URL(r.url).pathname.toLowerCase() === DIALOGS_PATH);

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
    prompts = new hooks.ScriptedPrompts();
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
    assert.ok(
      health.hostLogs().some((file) => file.endsWith('exthost.log')),
      `the extension host log is found: ${health.hostLogs().join(', ')}`,
    );
    const deadline = Date.now() + 5_000;
    while (
      Date.now() < deadline &&
      !health.collect().some((p) => p.source === 'exthost.log' && p.text.includes(CALIBRATION))
    )
      await new Promise((resolve) => setTimeout(resolve, 100));
    const seen = [
      ...new Set(
        health
          .collect()
          .filter((p) => p.text.includes(CALIBRATION))
          .map((p) => p.source),
      ),
    ].sort();
    assert.deepEqual(
      seen,
      ['exthost.log', 'unhandledRejection'],
      'the watch sees an unhandled rejection in the process and in the host log',
    );

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
    declared.push(fault.kind);
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
      assert.ok(
        attempts >= fault.attempts[0] && attempts <= fault.attempts[1],
        `${attempts} attempt(s) for the page, expected ${fault.attempts.join('–')}`,
      );
      assert.ok(
        searches.every((r) => r.retries <= MAX_RETRIES),
        'retries stay within the bound',
      );
      assert.deepEqual(handle.context.faults.pending(), [], 'the fault was met');

      if (fault.expect === 'retried') {
        assert.equal(error, undefined, `no error row: ${error ? tree.label(error) : ''}`);
        assert.equal(searches.at(-1)?.status, 200, 'the last attempt succeeded');
        if (fault.rule.kind === 'latency')
          assert.ok(elapsed >= fault.rule.ms, `the spike was waited out (${elapsed} ms)`);
        if (fault.rule.kind === 'status' && typeof fault.rule.retryAfter === 'number')
          assert.ok(elapsed >= fault.rule.retryAfter * 1000 - 50, `Retry-After was honoured (${elapsed} ms)`);
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
          prompts.enqueue((offered: readonly vscode.QuickPickItem[]) =>
            offered.find((o) => /Get a new token/.test(o.label)),
          );
          await tree.click(actions.get('Fix the connection…')!);
          assert.equal(prompts.pending, 0, 'the Fix quick pick was answered');
        } else {
          assert.ok(actions.has('Retry'), `Retry is offered: ${[...actions.keys()].join(', ')}`);
          await tree.click(actions.get('Retry')!);
        }
        const resumed = await tree.children(person);
        assert.ok(!resumed.some((r) => tree.has(r, 'error')), 'recovered');
        assert.ok(
          tree.dialogIds(resumed).length > tree.dialogIds(firstPage).length,
          'paging went on from where it stopped',
        );
      }
      compare(fault.kind, tree.dialogIds(await tree.pageToEnd(person)), true);
    });
  }

  // ——— correspondence listing ———

  /** The party's Correspondence row, freshly built (nothing listed yet). */
  async function correspondenceGroup(): Promise<Node> {
    const person = await freshPerson();
    const group = (await tree.children(person)).find((r) => tree.has(r, 'correspondenceGroup'));
    assert.ok(group, 'the party has a Correspondence row');
    return group;
  }

  /** What the Correspondence row lists: per resource, the ids the Correspondence API returned (listing has no side effects). */
  function listing(rows: Node[]): { resourceId: string; ids: string[] }[] {
    return rows
      .filter((r) => tree.has(r, 'correspondenceResource'))
      .map((r) => ({ resourceId: String(r.resourceId), ids: [...(r.ids as string[])] }));
  }

  /** Correspondence id-list requests (GET …/correspondence?resourceId=…) since `from`. */
  const listingsSince = (from: number): RequestLogEntry[] =>
    requests
      .slice(from)
      .filter((r) => r.method === 'GET' && new URL(r.url).pathname.toLowerCase() === CORRESPONDENCE_PATH);

  let correspondenceBaseline: { resourceId: string; ids: string[] }[] | undefined;
  /** How many resources the party's correspondence is listed for (one request each, also for resources without messages). */
  let resourceCount = 0;

  function compareListing(kind: string, listed: { resourceId: string; ids: string[] }[]): void {
    const expected = correspondenceBaseline!;
    const all = listed.flatMap((r) => r.ids);
    const duplicated = all.length - new Set(all).size;
    const lost = expected.flatMap((r) => r.ids).filter((id) => !all.includes(id)).length;
    outcomes.push({ kind, handled: true, duplicated, lost });
    assert.equal(duplicated, 0, `${kind}: no correspondence listed twice`);
    assert.equal(lost, 0, `${kind}: no correspondence missing`);
    assert.deepEqual(listed, expected, `${kind}: the same resources and messages as a fault-free listing`);
  }

  for (const fault of CORRESPONDENCE_FAULTS) {
    declared.push(fault.kind);
    it(`${fault.kind}: ${fault.expect === 'retried' ? 'retried within bounds' : 'an error row with Retry, and Retry recovers'}, no message duplicated or lost`, async () => {
      if (!correspondenceBaseline) {
        const group = await correspondenceGroup();
        const before = requests.length;
        correspondenceBaseline = listing(await tree.children(group));
        resourceCount = listingsSince(before).length;
        assert.ok(
          correspondenceBaseline.length >= 2,
          `several resources with correspondence (${correspondenceBaseline.map((r) => `${r.resourceId}: ${r.ids.length}`).join(', ')})`,
        );
      }
      const resources = resourceCount;
      const group = await correspondenceGroup();
      const from = requests.length;
      // Every resource's listing meets the fault (and, for "every retry", each of its retries too).
      handle.context.faults.inject({
        ...fault.rule,
        pathPrefix: CORRESPONDENCE_PATH,
        method: 'GET',
        times: resources * (fault.expect === 'retried' ? 1 : fault.attempts),
      } as FaultRule);
      const started = Date.now();
      const rows = await tree.children(group);
      const elapsed = Date.now() - started;
      const listings = listingsSince(from);
      assert.equal(listings.length, resources, 'one listing per resource');
      assert.equal(
        listings.reduce((sum, r) => sum + 1 + r.retries, 0),
        resources * fault.attempts,
        `${fault.attempts} attempt(s) per resource`,
      );
      assert.ok(
        listings.every((r) => r.retries <= MAX_RETRIES),
        'retries stay within the bound',
      );
      assert.deepEqual(handle.context.faults.pending(), [], 'the fault was met');
      if (fault.expect === 'retried') {
        assert.ok(
          !rows.some((r) => tree.has(r, 'error') || tree.has(r, 'hint')),
          `no error or warning row: ${rows.map((r) => tree.label(r)).join(', ')}`,
        );
        assert.ok(elapsed >= 950, `Retry-After was honoured (${elapsed} ms)`);
        compareListing(fault.kind, listing(rows));
        return;
      }
      assert.equal(rows.length, 1, `only the error row: ${rows.map((r) => tree.label(r)).join(', ')}`);
      const error = rows[0];
      assert.ok(tree.has(error, 'error'), 'an error row under Correspondence');
      assert.match(tree.label(error), fault.title!);
      const actions = await tree.errorActions(error);
      assert.ok(
        actions.has('Retry') && actions.has('Show log'),
        `Retry and Show log: ${[...actions.keys()].join(', ')}`,
      );
      await tree.click(actions.get('Retry')!);
      const recovered = await tree.children(group);
      assert.ok(
        !recovered.some((r) => tree.has(r, 'error') || tree.has(r, 'hint')),
        `recovered: ${recovered.map((r) => tree.label(r)).join(', ')}`,
      );
      assert.match(
        tree.item(group).description as string,
        new RegExp(`^${correspondenceBaseline.reduce((n, r) => n + r.ids.length, 0)} messages$`),
        'the row counts every message again',
      );
      compareListing(fault.kind, listing(recovered));
    });
  }

  // ——— transmissions (expanding a dialog) ———

  let transmissionDialog: string | undefined;
  let transmissionBaseline: string[] = [];

  /** The ids of the transmissions shown, related ones (nested under the one they answer) included, depth first. */
  function transmissionIds(rows: Node[]): string[] {
    return rows
      .filter((r) => tree.has(r, 'transmission'))
      .flatMap((r) => [String(r.transmission.id), ...transmissionIds(r.children() as Node[])]);
  }

  async function transmissionsGroup(): Promise<Node> {
    const person = await freshPerson();
    const rows = await tree.children(person);
    transmissionDialog ??= rows.find(
      (r) =>
        tree.has(r, 'dialog') &&
        (r.item.fromServiceOwnerTransmissionsCount ?? 0) + (r.item.fromPartyTransmissionsCount ?? 0) >= 2,
    )?.dialogId;
    assert.ok(transmissionDialog, 'a dialog with transmissions on the first page');
    const dialog = rows.find((r) => r.dialogId === transmissionDialog);
    assert.ok(dialog, 'the dialog is listed');
    const group = (await tree.children(dialog)).find((r) => tree.has(r, 'transmissions'));
    assert.ok(group, 'expanding the dialog shows its Transmissions row');
    return group;
  }

  for (const fault of TRANSMISSION_FAULTS) {
    declared.push(fault.kind);
    it(`${fault.kind}: ${fault.expect === 'retried' ? 'retried within bounds' : 'an error row with Retry, and Retry recovers'}, no transmission duplicated or lost`, async () => {
      if (!transmissionBaseline.length) {
        transmissionBaseline = transmissionIds(await tree.children(await transmissionsGroup()));
        assert.ok(transmissionBaseline.length >= 2, `transmissions listed (${transmissionBaseline.length})`);
      }
      const group = await transmissionsGroup();
      const path = `${DIALOGS_PATH}/${transmissionDialog}/transmissions`;
      const from = requests.length;
      handle.context.faults.inject({ ...fault.rule, pathPrefix: path, method: 'GET' } as FaultRule);
      let rows = await tree.children(group);
      const calls = requests.slice(from).filter((r) => new URL(r.url).pathname.toLowerCase() === path.toLowerCase());
      assert.equal(calls.length, 1, 'one call');
      assert.equal(1 + calls[0].retries, fault.attempts, `${fault.attempts} attempt(s)`);
      assert.deepEqual(handle.context.faults.pending(), [], 'the fault was met');
      if (fault.expect === 'retried') {
        assert.equal(calls[0].status, 200, 'the retry succeeded');
        assert.ok(!rows.some((r) => tree.has(r, 'error')), 'no error row');
      } else {
        assert.equal(rows.length, 1, `only the error row: ${rows.map((r) => tree.label(r)).join(', ')}`);
        assert.ok(tree.has(rows[0], 'error'), 'an error row under Transmissions');
        assert.match(tree.label(rows[0]), fault.title!);
        const actions = await tree.errorActions(rows[0]);
        assert.ok(
          actions.has('Retry') && actions.has('Show log'),
          `Retry and Show log: ${[...actions.keys()].join(', ')}`,
        );
        await tree.click(actions.get('Retry')!);
        rows = await tree.children(group);
        assert.ok(!rows.some((r) => tree.has(r, 'error')), 'recovered');
      }
      const ids = transmissionIds(rows);
      const duplicated = ids.length - new Set(ids).size;
      const lost = transmissionBaseline.filter((id) => !ids.includes(id)).length;
      outcomes.push({ kind: fault.kind, handled: true, duplicated, lost });
      assert.deepEqual(
        ids,
        transmissionBaseline,
        'the same transmissions, in the same order, as a fault-free expansion',
      );
    });
  }

  // ——— the dialog panel while the details fault ———

  async function openPanels(): Promise<DialogPanelTestInternals> {
    const internals = hooks.dialogPanels;
    assert.ok(internals, 'the dialog panels are exposed to tests');
    return internals;
  }

  for (const [index, fault] of PANEL_FAULTS.entries()) {
    declared.push(fault.kind);
    it(`${fault.kind}: ${fault.expect === 'retried' ? 'retried, the panel renders the dialog' : 'the panel says it could not load the dialog and offers Retry; Refresh renders it'}`, async () => {
      const panels = await openPanels();
      for (const open of panels.panels()) open.dispose();
      const person = await freshPerson();
      // Dialogs far down the first page, away from the ones other suites open.
      const row = (await tree.children(person)).filter((r) => tree.has(r, 'dialog')).at(-1 - index)!;
      assert.ok(row, 'a dialog row');
      const path = `${DIALOGS_PATH}/${row.dialogId}`;
      const from = requests.length;
      handle.context.faults.inject({ ...fault.rule, pathPrefix: path, method: 'GET' } as FaultRule);
      try {
        await vscode.commands.executeCommand('altinnInbox.openDialogItem', row);
        const details = requests
          .slice(from)
          .filter((r) => r.method === 'GET' && new URL(r.url).pathname.toLowerCase() === path.toLowerCase());
        assert.equal(details.length, 1, 'the details were asked for once');
        assert.equal(1 + details[0].retries, fault.attempts, `${fault.attempts} attempt(s)`);
        assert.deepEqual(handle.context.faults.pending(), [], 'the fault was met');
        const panel = panels.panels().find((p) => p.dialogId === row.dialogId);
        assert.ok(panel, 'a panel opened for the dialog');
        if (fault.expect === 'error') {
          const body = panel.shownBody;
          assert.match(
            body,
            /^<div class="dialog placeholder placeholder-error">/,
            `an error placeholder, not a blank panel: ${visibleText(body).slice(0, 160)}`,
          );
          assert.equal(
            visibleText(/<h1 class="dialog-title">(.*?)<\/h1>/s.exec(body)?.[1] ?? ''),
            tree.label(row),
            "the dialog's listed title heads the panel",
          );
          const alert = /<div class="notice notice-error" role="alert"><p>(.*?)<\/p><p class="detail">(.*?)<\/p>/s.exec(
            body,
          );
          assert.ok(alert, `the error is an alert with its detail: ${visibleText(body).slice(0, 300)}`);
          assert.match(visibleText(alert[1]), fault.message!, 'what failed, in words');
          assert.match(visibleText(alert[2]), fault.detail!, 'the request and what came back');
          assert.doesNotMatch(body, /eyJ[\w-]{8,}\./, 'no token in the panel');
          assert.match(panel.shownBody, /<button [^>]*data-command="load">Retry<\/button>/, 'a Retry button');
          assert.equal(panel.currentDialog, undefined, 'nothing half-loaded');
          await vscode.commands.executeCommand('altinnInbox.refreshDialog');
        }
        assert.match(
          panel.shownBody,
          new RegExp(`^<div class="dialog" data-dialog-id="${row.dialogId}"`),
          `the dialog is rendered: ${visibleText(panel.shownBody).slice(0, 160)}`,
        );
        assert.equal(panel.currentDialog?.id, row.dialogId, 'the dialog is loaded');
        outcomes.push({ kind: fault.kind, handled: true, duplicated: 0, lost: 0 });
      } finally {
        handle.context.faults.clear();
        for (const open of panels.panels()) open.dispose();
      }
    });
  }

  declared.push('412 on labels');
  it("412 on labels: a stale row's archive is explained, overwrites nothing, and succeeds when retried", async () => {
    const person = await freshPerson();
    const row = (await tree.children(person)).find((c) => tree.has(c, 'dialog') && tree.has(c, 'label-Default'))!;
    assert.ok(row, 'a dialog in the inbox');
    const clients = await createApiClients(hooks.services, hooks.services.connections.activeProfile!);
    const current = async () =>
      (await clients.dialogporten.searchDialogs({ party: [person.partyUrn], limit: 1000 })).items!.find(
        (d) => d.id === row.dialogId,
      )!;
    // Someone else marks it as unopened: the row's revision is stale now.
    await clients.dialogporten.setSystemLabels(
      row.dialogId,
      { addLabels: ['MarkedAsUnopened'] },
      { ifMatch: (await current()).endUserContext!.revision },
    );
    prompts.enqueue(undefined);
    assert.equal(
      await vscode.commands.executeCommand('altinnInbox.archiveDialog', row),
      undefined,
      'dismissing the conflict ends quietly',
    );
    assert.match(prompts.asked.at(-1)?.title ?? '', /changed elsewhere/, 'the 412 is explained');
    assert.ok(!effectiveSystemLabels(await current()).includes('Archive'), 'nothing was overwritten');
    assert.ok(tree.has(row, 'label-MarkedAsUnopened'), 'the row now shows what changed elsewhere');
    // Changed elsewhere once more; this time the user retries.
    await clients.dialogporten.setSystemLabels(
      row.dialogId,
      { addLabels: ['Bin'] },
      { ifMatch: (await current()).endUserContext!.revision },
    );
    prompts.enqueue('Retry');
    const archived = await vscode.commands.executeCommand<{ labels: string[]; conflicts: number }>(
      'altinnInbox.archiveDialog',
      row,
    );
    assert.equal(archived?.conflicts, 1, 'one conflict, explained and retried');
    assert.deepEqual(
      effectiveSystemLabels(await current()).filter((l) => l !== 'MarkedAsUnopened'),
      ['Archive'],
      'archived after the retry',
    );
    const restored = await vscode.commands.executeCommand<{ labels: string[] }>(
      'altinnInbox.restoreDialog',
      (await tree.children(person)).find((c) => c.dialogId === row.dialogId),
    );
    assert.ok(
      restored && !restored.labels.includes('Archive') && !restored.labels.includes('Bin'),
      `put back: ${restored?.labels.join(', ')}`,
    );
    outcomes.push({ kind: '412 on labels', handled: true, duplicated: 0, lost: 0 });
  });

  /** With the fault gone, Retry on the parties' error row lists the parties again with a fresh token. */
  async function retryRecoversParties(retry: Node, profileId: string): Promise<void> {
    handle.context.faults.clear();
    await tree.click(retry);
    const recovered = await tree.children();
    assert.ok(
      recovered.length > 0 && recovered.every((r) => tree.has(r, 'party') || tree.has(r, 'hint')),
      `parties after Retry: ${recovered.map((r) => tree.label(r)).join(', ')}`,
    );
    assert.equal(hooks.services.connections.tokenState(profileId).status, 'valid', 'a valid token again');
  }

  for (const down of [
    {
      kind: 'Maskinporten down (503)',
      rule: { kind: 'status', status: 503 } as Effect,
      title: /^No token for the parties: Maskinporten is busy \(503\)/,
    },
    {
      kind: 'Maskinporten unreachable (reset)',
      rule: { kind: 'reset' } as Effect,
      title: /^No token for the parties: Maskinporten could not be reached/,
    },
  ]) {
    declared.push(down.kind);
    it(`${down.kind}: the parties row says the token could not be had, offers Fix and Retry, and Retry recovers`, async () => {
      const { profiles, connections } = hooks.services;
      const systemUser = profiles.list().find((p) => p.kind === 'sandbox' && p.identity.type === 'systemUser')!;
      assert.ok(systemUser, 'the sandbox system user (it gets its tokens from Maskinporten)');
      const person = connections.activeProfile!;
      try {
        await profiles.setActive(systemUser.id);
        (await connections.tokenProvider(systemUser, 'maskinporten')).invalidate();
        handle.context.faults.clear();
        handle.context.faults.inject({
          ...down.rule,
          pathPrefix: '/maskinporten/token',
          method: 'POST',
          times: 5,
        } as FaultRule);
        tree.internals.provider.refresh();
        const roots = await tree.children();
        const error = roots.find((r) => tree.has(r, 'error'));
        assert.ok(error, `an error row instead of an empty tree: ${roots.map((r) => tree.label(r)).join(', ')}`);
        assert.match(tree.label(error), down.title, 'it names Maskinporten, not the API');
        const actions = await tree.errorActions(error);
        assert.ok(
          actions.has('Retry') && actions.has('Fix the connection…'),
          `Retry and Fix: ${[...actions.keys()].join(', ')}`,
        );
        await retryRecoversParties(actions.get('Retry')!, systemUser.id);
      } finally {
        handle.context.faults.clear();
        await profiles.setActive(person.id);
      }
      outcomes.push({ kind: down.kind, handled: true, duplicated: 0, lost: 0 });
    });
  }

  declared.push('Maskinporten slower than the request timeout');
  it('Maskinporten slower than the request timeout (altinnInbox.http.timeoutSeconds): the parties row says the token request timed out, it is not retried, and Retry recovers', async () => {
    const { profiles, connections } = hooks.services;
    const systemUser = profiles.list().find((p) => p.kind === 'sandbox' && p.identity.type === 'systemUser')!;
    assert.ok(systemUser, 'the sandbox system user (it gets its tokens from Maskinporten)');
    const person = connections.activeProfile!;
    const http = vscode.workspace.getConfiguration('altinnInbox.http');
    const TIMEOUT_S = 2;
    try {
      await http.update('timeoutSeconds', TIMEOUT_S, vscode.ConfigurationTarget.Global);
      assert.equal(hooks.services.http.defaultTimeoutMs, TIMEOUT_S * 1000, 'the setting reached the HTTP client');
      await profiles.setActive(systemUser.id);
      (await connections.tokenProvider(systemUser, 'maskinporten')).invalidate();
      handle.context.faults.clear();
      handle.context.faults.inject({
        kind: 'latency',
        ms: TIMEOUT_S * 1000 + 1_500,
        pathPrefix: TOKEN_PATH,
        method: 'POST',
        times: 5,
      });
      const from = requests.length;
      tree.internals.provider.refresh();
      const started = Date.now();
      const roots = await tree.children();
      const elapsed = Date.now() - started;
      const tokenCalls = requests.slice(from).filter((r) => new URL(r.url).pathname === TOKEN_PATH);
      assert.equal(tokenCalls.length, 1, 'one token request');
      assert.equal(tokenCalls[0].retries, 0, 'the timed-out token request was not retried');
      assert.equal(tokenCalls[0].status, undefined, 'no answer came in time');
      assert.equal(handle.context.faults.pending()[0]?.remaining, 4, 'the sandbox saw one token request');
      assert.ok(
        elapsed >= TIMEOUT_S * 1000 - 50 && elapsed < TIMEOUT_S * 1000 + 1_500,
        `it waited for the timeout, not for the answer (${elapsed} ms)`,
      );
      const error = roots.find((r) => tree.has(r, 'error'));
      assert.ok(error, `an error row instead of an empty tree: ${roots.map((r) => tree.label(r)).join(', ')}`);
      assert.match(
        tree.label(error),
        /^No token for the parties: Maskinporten did not answer in time$/,
        'it names Maskinporten and the timeout',
      );
      const actions = await tree.errorActions(error);
      assert.ok(
        actions.has('Retry') && actions.has('Fix the connection…'),
        `Retry and Fix: ${[...actions.keys()].join(', ')}`,
      );
      const detail = (await tree.children(error)).find((r) => tree.has(r, 'errorDetail'));
      assert.match(
        detail ? tree.label(detail) : '',
        new RegExp(`POST \\S+${TOKEN_PATH} got no complete answer within ${TIMEOUT_S * 1000} ms`),
        'the detail says which request timed out, after how long',
      );
      await retryRecoversParties(actions.get('Retry')!, systemUser.id);
    } finally {
      handle.context.faults.clear();
      await http.update('timeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
      await profiles.setActive(person.id);
    }
    assert.equal(hooks.services.http.defaultTimeoutMs, 30_000, 'the default timeout is back');
    outcomes.push({ kind: 'Maskinporten slower than the request timeout', handled: true, duplicated: 0, lost: 0 });
  });

  it('leaves the profiles, SecretStorage and the extension host intact, and prints the counts', async () => {
    const { profiles, connections } = hooks.services;
    assert.equal(JSON.stringify(profiles.list()), profilesBefore, 'the profiles are as they were');
    assert.equal(profiles.active()?.id, activeBefore, 'the same profile is active');
    assert.deepEqual(secretWrites, [], 'nothing was written to SecretStorage');
    const person = await freshPerson();
    assert.deepEqual(
      tree.dialogIds(await tree.pageToEnd(person)),
      baseline,
      'the inbox lists what it listed before the faults',
    );
    assert.equal(connections.tokenState(activeBefore!).status, 'valid', 'the active profile has a valid token');
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // VS Code reports a rejection after a second
    const problems = health.collect(new RegExp(CALIBRATION));
    const kinds = declared.length;
    const handled = outcomes.filter((o) => o.handled && declared.includes(o.kind)).length;
    const duplicated = outcomes.reduce((sum, o) => sum + o.duplicated, 0);
    const lost = outcomes.reduce((sum, o) => sum + o.lost, 0);
    const rejections = problems.filter((p) => p.source === 'unhandledRejection').length;
    printSummary(
      `[faults] ${kinds} fault kinds, ${handled} handled, ${rejections} unhandled rejections, ${problems.length - rejections} uncaught errors, ${duplicated} duplicated, ${lost} lost`,
    );
    assert.deepEqual(problems, [], 'no unhandled rejection, uncaught exception or extension error in the host log');
    assert.deepEqual(
      outcomes
        .filter((o) => o.handled)
        .map((o) => o.kind)
        .sort(),
      [...declared].sort(),
      'every fault kind was handled, once',
    );
  });
});
