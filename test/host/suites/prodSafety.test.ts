import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import type { RequestLogEntry } from '../../../src/platform/http';
import type { SandboxHandle } from '../../../src/sandbox';
import { isCorrespondenceType } from '../../../src/vscode/inbox/correspondenceResources';
import type { ConnectionProfile } from '../../../src/vscode/profiles/profile';
import type { ScriptedAnswer, ScriptedPrompts } from '../../../src/vscode/prompts';
import { activateExtension, closeDialogPanels, dialogPanelTabs, printSummary } from './hostHelpers';
import { InboxTreeDriver, type Node } from './inboxTreeDriver';

// Every state-changing call the extension makes, on a Production profile whose hosts point at the embedded sandbox
// (altinnInbox.customBaseUrls), so nothing real is touched. Each call is made twice from the command a user runs:
// declined, and the test proves nothing happened where it matters: no such request in the extension's HTTP log, the
// sandbox never received one (a no-op fault rule on the call's path stays unused), and the sandbox's state (seen log,
// label log, correspondence status) is what it was. Confirmed, the same command makes the change, so the check can fail.
// The question is read too: it must name Production and say what the service will record.

interface Seen {
  id: string;
}

/** One state-changing call and how to observe it without changing anything. */
interface Case {
  readonly name: string;
  /** What the confirmation must say (message or detail) will be recorded. */
  readonly records: RegExp;
  /** The request that makes the change, as the extension's HTTP log shows it. */
  readonly isTheCall: (entry: RequestLogEntry) => boolean;
  /** Where the sandbox would receive it (no-op fault rule as a witness). */
  readonly witness: { readonly method: string; readonly pathPrefix: string };
  /** The sandbox's state the call changes, read without changing it (none: the witness is the effect). */
  readonly state?: () => Promise<unknown>;
  /** Runs the user's command once. */
  readonly run: () => Thenable<unknown>;
  /** The answer that confirms the Production question, and any questions after it. */
  readonly confirm: readonly ScriptedAnswer[];
  /** Checks after the confirmed run that the change was made (beyond "the state differs"). */
  readonly changed?: (before: unknown, after: unknown, result: unknown) => Promise<void> | void;
}

/**
 * Scripted answers, and how many requests the HTTP log held when each confirmation was asked. Made from the
 * extension's own class (TestHooks.ScriptedPrompts), so its cancellations are the extension's.
 */
const watchedPrompts = (Base: typeof ScriptedPrompts) =>
  class WatchedPrompts extends Base {
    readonly requestsWhenAsked: number[] = [];

    constructor(private readonly requestCount: () => number) {
      super();
    }

    override async confirm(message: string, detail: string, action: string): Promise<void> {
      this.requestsWhenAsked.push(this.requestCount());
      return super.confirm(message, detail, action);
    }
  };
type WatchedPrompts = InstanceType<ReturnType<typeof watchedPrompts>>;

describe('prod safety: every state-changing call on Production asks first', function () {
  this.timeout(240_000);
  let hooks: TestHooks;
  let handle: SandboxHandle;
  let driver: InboxTreeDriver;
  let production: ConnectionProfile;
  let previousActive: string | undefined;
  let previousUrls: unknown;
  let token: string;
  let partyUrn: string;
  const requests: RequestLogEntry[] = [];
  let unsubscribe: (() => void) | undefined;
  let prompts: WatchedPrompts;
  const tally = { calls: 0, askedFirst: 0, sentWhenDeclined: 0, sentWhenConfirmed: 0 };
  const usedDialogs = new Set<string>();
  const usedCorrespondence = new Set<string>();
  /** Kept from the start for its own case: the person has only a few unread Altinn messages, and other cases read some. */
  let altinnMessage: { row: Node; correspondenceId: string } | undefined;

  const dialogportenBase = (): string => handle.urls.dialogportenBase;
  const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    // Observations go around the extension (plain fetch), so its HTTP log holds only what the extension sent.
    const response = await fetch(`${dialogportenBase()}/api/v1/enduser${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });
    assert.ok(response.ok, `${path} answered ${response.status}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  /** GET …/seenlog and …/context/labellog only read. */
  const seenLog = async (dialogId: string): Promise<string[]> =>
    (await api<Seen[]>(`/dialogs/${dialogId}/seenlog`)).map((entry) => entry.id);
  const labelLog = async (dialogId: string): Promise<unknown[]> =>
    api<unknown[]>(`/dialogs/${dialogId}/context/labellog`);
  const touch = async (dialogId: string): Promise<void> => {
    const response = await fetch(`${handle.urls.baseUrl}/__sandbox/dialogs/${dialogId}/touch`, { method: 'POST' });
    assert.equal(response.status, 200);
  };
  const correspondenceList = async (resourceId: string, status: string): Promise<string[]> => {
    const query = new URLSearchParams({ resourceId, role: 'Recipient', status, onBehalfOf: partyUrn });
    const response = await fetch(`${handle.urls.baseUrl}/correspondence/api/v1/correspondence?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(response.status, 200);
    return ((await response.json()) as { ids?: string[] }).ids ?? [];
  };
  const until = async (what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> => {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  /** The sandbox person's own party in the Production profile's tree, and its dialog rows. */
  const dialogRows = async (): Promise<Node[]> =>
    (await driver.children(await driver.personParty())).filter(
      (row) => driver.has(row, 'dialog') && !driver.has(row, 'apiOnly'),
    );
  const freshRow = async (dialogId: string): Promise<Node> => {
    const row = (await dialogRows()).find((candidate) => candidate.dialogId === dialogId);
    assert.ok(row, `the row of ${dialogId}`);
    return row;
  };
  /** A dialog row no other case used, with every context token in `tokens` and none in `without`. */
  const pickRow = async (tokens: string[], without: string[] = []): Promise<Node> => {
    // Altinn messages are kept for their own case below (the person has only a few unread ones).
    const row = (await dialogRows()).find(
      (candidate) =>
        !usedDialogs.has(candidate.dialogId) &&
        !isCorrespondenceType(candidate.item?.serviceResourceType) &&
        tokens.every((token) => driver.has(candidate, token)) &&
        !without.some((token) => driver.has(candidate, token)),
    );
    assert.ok(
      row,
      `a dialog row with ${tokens.join(', ')}${without.length ? ` and without ${without.join(', ')}` : ''}`,
    );
    usedDialogs.add(row.dialogId);
    return row;
  };

  /** A no-op fault rule (1 ms latency) on the call's path: still pending afterwards means the sandbox never got it. */
  const watchSandbox = (witness: Case['witness']): (() => boolean) => {
    const id = handle.context.faults.inject({ kind: 'latency', ms: 1, times: 1, ...witness });
    return () => !handle.context.faults.pending().some((rule) => rule.id === id);
  };

  /** Declined, then confirmed: counts what was observed, then asserts the effect each time. */
  async function prove(c: Case): Promise<void> {
    tally.calls++;
    const before = await c.state?.();

    // 1. Declined.
    let mark = requests.length;
    let askedFrom = prompts.asked.length;
    let sandboxGotIt = watchSandbox(c.witness);
    prompts.enqueue(undefined); // "Cancel"
    const declined = await c.run();
    const receivedDeclined = sandboxGotIt();
    const sentDeclined = requests.slice(mark).filter(c.isTheCall);
    const question = prompts.asked[askedFrom];
    const askedDeclined = question?.kind === 'confirm' && /Production/.test(question.title ?? '');
    const questionsDeclined = prompts.asked.length - askedFrom;
    const stateDeclined = await c.state?.();
    if (handle.context.faults.pending().length) handle.context.faults.clear();

    // 2. Confirmed: the same command now makes the change.
    mark = requests.length;
    askedFrom = prompts.asked.length;
    const asksBefore = prompts.requestsWhenAsked.length;
    sandboxGotIt = watchSandbox(c.witness);
    prompts.enqueue(...c.confirm);
    const result = await c.run();
    const receivedConfirmed = sandboxGotIt();
    const sent = requests
      .map((entry, index) => ({ entry, index }))
      .slice(mark)
      .filter(({ entry }) => c.isTheCall(entry));
    const firstAsk = prompts.requestsWhenAsked[asksBefore];
    // The Production question came before any such request was logged.
    const askedBeforeSending =
      /Production/.test(prompts.asked[askedFrom]?.title ?? '') &&
      firstAsk !== undefined &&
      sent.every(({ index }) => index >= firstAsk);
    const after = await c.state?.();
    if (handle.context.faults.pending().length) handle.context.faults.clear();

    if (askedDeclined && askedBeforeSending) tally.askedFirst++;
    if (sentDeclined.length || receivedDeclined) tally.sentWhenDeclined++;
    if (sent.length && receivedConfirmed) tally.sentWhenConfirmed++;

    assert.ok(question, `${c.name}: a question was asked`);
    assert.equal(question.kind, 'confirm', `${c.name}: a confirmation`);
    assert.match(question.title ?? '', /Production/, `${c.name}: the question names Production: "${question.title}"`);
    assert.match(
      `${question.title} ${question.detail}`,
      c.records,
      `${c.name}: the question says what will be recorded: "${question.detail}"`,
    );
    assert.equal(questionsDeclined, 1, `${c.name}: nothing more asked after "Cancel"`);
    assert.equal(declined, undefined, `${c.name}: declining ends quietly`);
    assert.deepEqual(
      sentDeclined.map((entry) => `${entry.method} ${entry.url}`),
      [],
      `${c.name}: declined, nothing sent`,
    );
    assert.equal(receivedDeclined, false, `${c.name}: declined, the sandbox received nothing`);
    assert.deepEqual(stateDeclined, before, `${c.name}: declined, the sandbox's state is unchanged`);

    assert.equal(prompts.pending, 0, `${c.name}: every scripted answer was used`);
    assert.ok(sent.length >= 1, `${c.name}: confirmed, the call was sent`);
    assert.ok(receivedConfirmed, `${c.name}: confirmed, the sandbox received it`);
    assert.ok(askedBeforeSending, `${c.name}: confirmed, asked (naming Production) before the call was sent`);
    if (c.state) assert.notDeepEqual(after, before, `${c.name}: confirmed, the sandbox's state changed`);
    await c.changed?.(before, after, result);
  }

  const detailsCall =
    (dialogId: string) =>
    (entry: RequestLogEntry): boolean =>
      entry.method === 'GET' && new RegExp(`/api/v1/enduser/dialogs/${dialogId}(\\?|$)`, 'i').test(entry.url);
  const detailsWitness = (dialogId: string): Case['witness'] => ({
    method: 'GET',
    pathPrefix: `/dialogporten/api/v1/enduser/dialogs/${dialogId}`,
  });
  const labelsCall =
    (dialogId: string) =>
    (entry: RequestLogEntry): boolean =>
      entry.method === 'PUT' &&
      entry.url.toLowerCase().includes(`/dialogs/${dialogId}/context/systemlabels`.toLowerCase());

  /** A Correspondence-backed dialog in the tree whose message nobody has read or confirmed. */
  const findUnreadAltinnMessage = async (): Promise<{ row: Node; correspondenceId: string } | undefined> => {
    const rows = await dialogRows();
    for (const resourceId of correspondenceResources) {
      for (const correspondenceId of [
        ...(await correspondenceList(resourceId, 'Published')),
        ...(await correspondenceList(resourceId, 'Fetched')),
      ]) {
        const events = await history(correspondenceId);
        if (events.includes('Read') || events.includes('Confirmed')) continue;
        // dialoglookup only reads.
        const { dialogId } = await api<{ dialogId: string }>(
          `/dialoglookup?instanceRef=${encodeURIComponent(`urn:altinn:correspondence-id:${correspondenceId}`)}`,
        ).catch(() => ({ dialogId: '' }));
        const row = rows.find((candidate) => candidate.dialogId === dialogId);
        if (row) return { row, correspondenceId };
      }
    }
    return undefined;
  };

  before(async () => {
    const api0 = await activateExtension();
    assert.ok(api0.testHooks, 'test hooks');
    hooks = api0.testHooks;
    const { services } = hooks;
    previousActive = services.connections.activeProfile?.id;
    await vscode.commands.executeCommand('altinnInbox.useSandbox');
    const person = services.connections.activeProfile;
    assert.ok(person);
    token = await (await services.connections.tokenProvider(person, 'maskinporten')).getToken();
    handle = await services.sandbox.ensureStarted();
    assert.deepEqual(handle.context.faults.pending(), [], 'no fault rules left by other suites');
    partyUrn = `urn:altinn:person:identifier-no:${handle.context.world.defaultPerson.nationalIdentityNumber}`;
    // A pasted-token profile for "Production" whose hosts point at the sandbox; the platform base carries
    // Correspondence and Access Management with it.
    const configuration = vscode.workspace.getConfiguration('altinnInbox');
    previousUrls = configuration.inspect('customBaseUrls')?.globalValue;
    await configuration.update(
      'customBaseUrls',
      { production: { platformBase: handle.urls.baseUrl, dialogportenBase: handle.urls.dialogportenBase } },
      vscode.ConfigurationTarget.Global,
    );
    production = await services.profiles.add(
      { kind: 'token', environment: 'production', label: 'Production (sandbox stand-in)' },
      { token },
    );
    const environment = await services.connections.environmentFor(production);
    assert.equal(environment.isProduction, true);
    assert.equal(environment.dialogportenBase, handle.urls.dialogportenBase);
    assert.equal(environment.correspondenceBase, `${handle.urls.baseUrl}/correspondence/api/v1`);
    await services.profiles.setActive(production.id);
    // Panels other suites left open would be counted as this suite's.
    await closeDialogPanels();
    driver = await InboxTreeDriver.connect();
    driver.internals.provider.clearFilters();
    driver.internals.provider.refresh();
    unsubscribe = services.http.onRequest((entry) => requests.push(entry));
    altinnMessage = await findUnreadAltinnMessage();
    if (altinnMessage) {
      usedDialogs.add(altinnMessage.row.dialogId);
      usedCorrespondence.add(altinnMessage.correspondenceId);
    }
  });

  // Fresh answers per call, so a failing case leaves nothing queued for the next.
  beforeEach(() => {
    prompts = new (watchedPrompts(hooks.ScriptedPrompts))(() => requests.length);
    hooks.usePrompts(prompts);
  });

  after(async () => {
    unsubscribe?.();
    hooks.usePrompts(undefined);
    await closeDialogPanels();
    if (handle?.context.faults.pending().length) handle.context.faults.clear();
    const { services } = hooks;
    if (previousActive && services.profiles.get(previousActive)) await services.profiles.setActive(previousActive);
    if (production) await services.profiles.remove(production.id);
    await vscode.workspace
      .getConfiguration('altinnInbox')
      .update('customBaseUrls', previousUrls, vscode.ConfigurationTarget.Global);
    driver?.internals.provider.refresh();
    printSummary(
      `[prod safety] ${tally.calls} state-changing calls on Production: ${tally.askedFirst} asked first, ${tally.sentWhenDeclined} sent when declined, ${tally.sentWhenConfirmed} sent when confirmed`,
    );
  });

  it("fetching a dialog's details from the tree (marks it seen) asks first", async () => {
    const row = await pickRow(['dialog']);
    await touch(row.dialogId); // an update nobody has seen, so a fetch adds to the seen log
    const node = await freshRow(row.dialogId);
    const attachments = (await driver.children(node)).find((group) => driver.label(group) === 'Attachments');
    assert.ok(attachments, 'the Attachments group');
    const load = (await driver.children(attachments)).find((hint) => driver.has(hint, 'loadDetails'));
    assert.ok(load, 'the "Load the dialog\'s attachments…" row');
    await prove({
      name: 'tree: load details',
      records: /seen log/,
      isTheCall: detailsCall(row.dialogId),
      witness: detailsWitness(row.dialogId),
      state: () => seenLog(row.dialogId),
      run: () => driver.click(load),
      confirm: ['Fetch Details'],
      changed: (before, after) =>
        assert.equal((after as string[]).length, (before as string[]).length + 1, 'one new seen-log entry'),
    });
    assert.ok(node.details, 'the details are in the tree');
  });

  const labelCases: {
    command: string;
    name: string;
    tokens: string[];
    without: string[];
    label: string;
    verb: string;
  }[] = [
    {
      command: 'altinnInbox.archiveDialog',
      name: 'archive',
      tokens: ['label-Default'],
      without: ['label-MarkedAsUnopened'],
      label: 'Archive',
      verb: 'Archive',
    },
    {
      command: 'altinnInbox.binDialog',
      name: 'move to bin',
      tokens: ['label-Default'],
      without: ['label-MarkedAsUnopened'],
      label: 'Bin',
      verb: 'Move to Bin',
    },
    {
      command: 'altinnInbox.restoreDialog',
      name: 'restore',
      tokens: ['restorable'],
      without: [],
      label: 'Default',
      verb: 'Restore',
    },
    {
      command: 'altinnInbox.markDialogUnopened',
      name: 'mark as unopened',
      tokens: ['label-Default'],
      without: ['label-MarkedAsUnopened'],
      label: 'MarkedAsUnopened',
      verb: 'Mark as Unopened',
    },
  ];
  for (const labelCase of labelCases) {
    it(`${labelCase.name} (a shared system label) asks first`, async () => {
      let row: Node;
      if (
        labelCase.tokens.includes('restorable') &&
        !(await dialogRows()).some(
          (candidate) => driver.has(candidate, 'restorable') && !usedDialogs.has(candidate.dialogId),
        )
      ) {
        // Nothing archived in the first page: archive one as the user would have elsewhere (the Altinn inbox).
        const source = await pickRow(['label-Default']);
        await api(`/dialogs/${source.dialogId}/context/systemlabels`, {
          method: 'PUT',
          body: JSON.stringify({ addLabels: ['Archive'] }),
        });
        driver.internals.provider.refreshNode(await driver.personParty());
        row = await freshRow(source.dialogId);
        assert.ok(driver.has(row, 'restorable'));
      } else {
        row = await pickRow(labelCase.tokens, labelCase.without);
      }
      const dialogId = row.dialogId as string;
      await prove({
        name: labelCase.name,
        records: /System labels are shared/,
        isTheCall: labelsCall(dialogId),
        witness: { method: 'PUT', pathPrefix: `/dialogporten/api/v1/enduser/dialogs/${dialogId}/context/systemlabels` },
        state: () => labelLog(dialogId),
        // The row is read again each time: after a change the tree holds a new node with the new revision.
        run: async () => vscode.commands.executeCommand(labelCase.command, await freshRow(dialogId)),
        confirm: [labelCase.verb],
        changed: (_before, _after, result) => {
          const outcome = result as { labels: string[]; conflicts: number };
          assert.ok(outcome.labels.includes(labelCase.label), `${labelCase.name}: now ${outcome.labels.join(', ')}`);
          assert.equal(outcome.conflicts, 0);
        },
      });
    });
  }

  const correspondenceResources = [
    'skd-skattemelding',
    'altinn-correspondence-test',
    'digdir-testmelding',
    'nav-inntektsmelding',
  ];
  /** Correspondence nobody has fetched yet (its latest status is Published), with its resource. */
  // Earlier suites in the same host read some of the sandbox's correspondence, so a message here may already be
  // Fetched; neither read nor confirmed is all these cases need. Its status history comes from the sandbox's admin
  // route, which records nothing (the API's overview would record Fetched).
  const history = async (id: string): Promise<string[]> => {
    const response = await fetch(`${handle.urls.baseUrl}/__sandbox/correspondence/${id}/history`);
    assert.equal(response.status, 200);
    return ((await response.json()) as { statusHistory: { status: string }[] }).statusHistory.map(
      (event) => event.status,
    );
  };
  const openCorrespondence = async (skip: Set<string>): Promise<{ id: string; fetched: boolean }> => {
    for (const resourceId of [
      'skd-skattemelding',
      'altinn-correspondence-test',
      'digdir-testmelding',
      'nav-inntektsmelding',
    ]) {
      for (const id of [
        ...(await correspondenceList(resourceId, 'Published')),
        ...(await correspondenceList(resourceId, 'Fetched')),
      ]) {
        const events = await history(id);
        if (!skip.has(id) && !events.includes('Read') && !events.includes('Confirmed'))
          return { id, fetched: events.includes('Fetched') };
      }
    }
    throw new Error('no correspondence in the sandbox that is neither read nor confirmed');
  };
  for (const action of [
    {
      command: 'altinnInbox.confirmCorrespondence',
      name: 'confirm correspondence',
      verb: 'Confirm',
      status: 'Confirmed',
    },
    {
      command: 'altinnInbox.markCorrespondenceRead',
      name: 'mark correspondence as read',
      verb: 'Mark as Read',
      status: 'Read',
    },
  ]) {
    it(`${action.name} asks first`, async () => {
      const { id, fetched } = await openCorrespondence(usedCorrespondence);
      usedCorrespondence.add(id);
      const title = 'Melding fra sandkassen';
      await prove({
        name: action.name,
        records: new RegExp(`records the status ${action.status}`),
        isTheCall: (entry) => entry.url.toLowerCase().includes(id.toLowerCase()),
        witness: { method: 'POST', pathPrefix: `/correspondence/api/v1/correspondence/${id}/` },
        state: async () => (await history(id)).join(' → '),
        // As from a dialog panel's linked correspondence (the tree's rows fetch the overview, which records Fetched).
        run: () =>
          vscode.commands.executeCommand(action.command, { profileId: production.id, correspondenceId: id, title }),
        // Altinn wants it fetched first, which the extension asks about separately (only when it was not).
        confirm: fetched ? [action.verb] : [action.verb, 'Fetch and Continue'],
        changed: async (_before, _after, result) => {
          const outcome = result as { result: string; status?: string };
          assert.equal(outcome.result, 'done');
          assert.equal(outcome.status, action.status, 'the sandbox reports the new status');
        },
      });
    });
  }

  it('archiving several selected dialogs at once (bulkset) asks once, naming how many', async () => {
    const picked = [
      await pickRow(['label-Default'], ['label-MarkedAsUnopened']),
      await pickRow(['label-Default'], ['label-MarkedAsUnopened']),
      await pickRow(['label-Default'], ['label-MarkedAsUnopened']),
    ].map((row) => row.dialogId as string);
    const bulkset = '/api/v1/enduser/dialogs/context/systemlabels/actions/bulkset';
    await prove({
      name: 'bulk archive',
      records: /3 dialogs in Production\?.*System labels are shared/s,
      isTheCall: (entry) => entry.method === 'POST' && entry.url.toLowerCase().includes(bulkset),
      witness: { method: 'POST', pathPrefix: `/dialogporten${bulkset}` },
      state: () => Promise.all(picked.map((dialogId) => labelLog(dialogId))),
      // As from the context menu with three rows selected: VS Code passes the clicked row and the selection.
      run: async () => {
        const rows = await Promise.all(picked.map((dialogId) => freshRow(dialogId)));
        return vscode.commands.executeCommand('altinnInbox.archiveDialog', rows[0], rows);
      },
      confirm: ['Archive'],
      changed: (_before, _after, result) => {
        const outcome = result as { succeeded: number; failed: number; requests: number };
        assert.deepEqual(
          { succeeded: outcome.succeeded, failed: outcome.failed, requests: outcome.requests },
          { succeeded: 3, failed: 0, requests: 1 },
          'all three archived in one call',
        );
      },
    });
  });

  it('opening a dialog panel from the tree (marks it seen) asks first', async () => {
    const row = await pickRow(['dialog']);
    await touch(row.dialogId);
    await prove({
      name: 'open the dialog panel',
      records: /seen log/,
      isTheCall: detailsCall(row.dialogId),
      witness: detailsWitness(row.dialogId),
      state: async () => ({ seen: await seenLog(row.dialogId), panels: dialogPanelTabs().length }),
      run: async () => {
        await vscode.commands.executeCommand('altinnInbox.openDialogItem', await freshRow(row.dialogId));
        await new Promise((resolve) => setTimeout(resolve, 1_000)); // the tab model lags behind a new panel
      },
      confirm: ['Open and Mark as Seen'],
      changed: async (before, after) => {
        assert.equal(
          (after as { seen: string[] }).seen.length,
          (before as { seen: string[] }).seen.length + 1,
          'one new seen-log entry',
        );
        await until('the panel', () => dialogPanelTabs().length === 1);
      },
    });
    await closeDialogPanels();
  });

  it('a GUI action from a Production dialog panel asks first, and says it is Production', async () => {
    interface Action {
      id: string;
      url: string;
      httpMethod?: string;
      isAuthorized?: boolean;
    }
    let found: { row: Node; action: Action } | undefined;
    for (const row of (await dialogRows()).filter((candidate) => !usedDialogs.has(candidate.dialogId)).slice(0, 30)) {
      // Reading the details directly marks this dialog seen; it is not one whose seen log another case checks.
      const details = await api<{ guiActions?: Action[] }>(`/dialogs/${row.dialogId}`);
      const action = details.guiActions?.find(
        (candidate) => candidate.isAuthorized !== false && (candidate.httpMethod ?? 'GET') === 'POST',
      );
      if (action) {
        found = { row, action };
        break;
      }
    }
    assert.ok(found, 'a dialog with an authorised POST action');
    usedDialogs.add(found.row.dialogId);
    const { row, action } = found;
    prompts.enqueue('Open and Mark as Seen');
    await vscode.commands.executeCommand('altinnInbox.openDialogItem', await freshRow(row.dialogId));
    await until('the panel', () => dialogPanelTabs().length === 1);
    const path = new URL(action.url).pathname;
    let status: number | undefined;
    await prove({
      name: 'GUI action',
      records: new RegExp(`This is Production.*Sends POST ${action.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      isTheCall: (entry) => entry.method === 'POST' && entry.url.split('?')[0] === action.url.split('?')[0],
      witness: { method: 'POST', pathPrefix: path },
      // The sandbox's action endpoint keeps no record: what it received (the witness) is the effect.
      run: async () => {
        const result = await vscode.commands.executeCommand<{ status?: number } | undefined>(
          'altinnInbox.executeGuiAction',
          { dialogId: row.dialogId, actionId: action.id, profileId: production.id },
        );
        status = result?.status;
        return result;
      },
      confirm: ['Send POST'],
      changed: () => assert.equal(status, 204, 'the sandbox accepted the action'),
    });
    await closeDialogPanels();
  });

  it("showing an Altinn message's content in a Production dialog panel (records Read) asks first, and a refresh does not fetch it again", async () => {
    assert.ok(altinnMessage, 'a listed dialog whose Altinn message nobody has read (kept when the suite started)');
    const { row, correspondenceId } = altinnMessage;
    const isContent = (entry: RequestLogEntry): boolean =>
      entry.method === 'GET' && entry.url.toLowerCase().includes(`/correspondence/${correspondenceId}/content`);
    const mark = requests.length;
    prompts.enqueue('Open and Mark as Seen');
    await vscode.commands.executeCommand('altinnInbox.openDialogItem', await freshRow(row.dialogId));
    const internals = hooks.dialogPanels;
    const panel = () => internals.panels().find((candidate) => candidate.dialogId === row.dialogId);
    await until(
      'the message\'s "Show the Message" button',
      () => panel()?.shownBody.includes('embed-consent') ?? false,
    );
    assert.deepEqual(requests.slice(mark).filter(isContent), [], 'opening did not fetch the message');
    const url = `${handle.urls.platformBase}/correspondence/api/v1/correspondence/${correspondenceId}/content`;
    assert.ok(panel()!.shownBody.includes(url), 'the panel names the content address');
    await prove({
      name: 'show the message content',
      records: /the sender will see the message as read/,
      isTheCall: isContent,
      witness: { method: 'GET', pathPrefix: `/correspondence/api/v1/correspondence/${correspondenceId}/content` },
      state: async () => (await history(correspondenceId)).join(' → '),
      // The panel's "Show the Message" button.
      run: () => panel()!.requestEmbed(url),
      confirm: ['Show and Mark as Read'],
      changed: (_before, after) => {
        assert.match(after as string, /Read$/, 'Altinn recorded Read');
        assert.match(panel()!.shownBody, /<div class="embed-content"><(h[1-3]|p)>/, 'the message shows');
        assert.doesNotMatch(
          /<div class="embed-content">([\s\S]*?)<\/div>/.exec(panel()!.shownBody)?.[1] ?? '',
          /\*\*|(^|>)#+ /m,
          'as markdown, not as text',
        );
      },
    });
    // Refreshing asks to fetch the dialog again, and does not fetch the message again.
    const beforeRefresh = requests.length;
    prompts.enqueue('Open and Mark as Seen');
    await panel()!.runCommand('refresh');
    assert.deepEqual(requests.slice(beforeRefresh).filter(isContent), [], 'a refresh does not fetch the message again');
    assert.match(panel()!.shownBody, /<div class="embed-content">/, 'the message still shows');
    await closeDialogPanels();
  });

  // Last: it fetches a page of one resource's messages, which the correspondence cases above need unfetched.
  it("listing a resource's correspondence (each overview records Fetched) asks first", async () => {
    const overviewCall = (entry: RequestLogEntry): boolean =>
      entry.method === 'GET' && /\/correspondence\/api\/v1\/correspondence\/[0-9a-f-]{36}(\?|$)/i.test(entry.url);
    const resourceRows = async (): Promise<Node[]> => {
      const group = (await driver.children(await driver.personParty())).find((row) =>
        driver.has(row, 'correspondenceGroup'),
      );
      assert.ok(group, 'the Correspondence group');
      return (await driver.children(group)).filter((row) => driver.has(row, 'correspondenceResource'));
    };
    // Listing the ids records nothing; expanding a resource on Production shows one row that asks, and reads no overview.
    const mark = requests.length;
    const rows = await resourceRows();
    assert.ok(rows.length > 0, 'resources with correspondence');
    /** Latest status per listed id, as the list's status filter sees it (reading it changes nothing). */
    const statuses = async (resourceId: string): Promise<{ published: string[]; fetched: string[] }> => ({
      published: (await correspondenceList(resourceId, 'Published')).sort(),
      fetched: (await correspondenceList(resourceId, 'Fetched')).sort(),
    });
    // A resource with a message on the first page that is not fetched yet (Published if any), so a fetch shows.
    let picked: { row: Node; page: string[] } | undefined;
    for (const wantPublished of [true, false]) {
      for (const row of rows) {
        const page = (row.ids as string[]).slice(0, 25);
        const { published, fetched } = await statuses(row.resourceId);
        if (page.some((id) => (wantPublished ? published.includes(id) : !fetched.includes(id)))) picked = { row, page };
        if (picked) break;
      }
      if (picked) break;
    }
    assert.ok(picked, 'a resource with a message not fetched yet');
    const { row: resource, page } = picked;
    const expanded = await driver.children(resource);
    assert.deepEqual(
      requests
        .slice(mark)
        .filter(overviewCall)
        .map((entry) => entry.url),
      [],
      'expanding the resource read no overview',
    );
    assert.equal(expanded.length, 1, 'one row until the user agrees');
    const ask = expanded[0];
    assert.ok(driver.has(ask, 'correspondenceConsent'), 'the "Show the messages…" row');
    assert.match(driver.label(ask), /Show the messages.*Fetched.*sender/, 'the row says what showing them records');
    await prove({
      name: 'list correspondence',
      records: /records the status Fetched.*sender can see/,
      isTheCall: overviewCall,
      witness: { method: 'GET', pathPrefix: '/correspondence/api/v1/correspondence/' },
      state: () => statuses(resource.resourceId),
      run: () => driver.click(ask),
      confirm: ['Show Messages'],
      changed: async (_before, after) => {
        const messages = (await driver.children(resource)).filter((row) => driver.has(row, 'correspondence'));
        assert.ok(messages.length >= 1, 'the messages show');
        const { fetched } = after as { fetched: string[] };
        // Correspondence records Fetched at most once per 15 s per caller party (GetCorrespondenceOverviewHandler.cs), so a
        // message an earlier case just read (its latest status Read or Confirmed) is not fetched again: those are left out.
        const untouched = messages.filter((message) => !usedCorrespondence.has(message.correspondenceId));
        assert.ok(untouched.length >= 1, 'messages no earlier case read');
        for (const message of untouched)
          assert.ok(fetched.includes(message.correspondenceId), `${message.correspondenceId} is now Fetched`);
        assert.ok(
          messages.every((message) => page.includes(message.correspondenceId)),
          'the rows are the listed ids',
        );
      },
    });
    // Agreed once for this resource and party: a refresh, even of the whole tree, does not ask again this session.
    const asked = prompts.asked.length;
    driver.internals.provider.refresh();
    const again = (await resourceRows()).find((row) => row.resourceId === resource.resourceId);
    assert.ok(again, 'the resource after a refresh');
    assert.ok(
      (await driver.children(again)).some((row) => driver.has(row, 'correspondence')),
      'the messages show after a refresh',
    );
    assert.equal(prompts.asked.length, asked, 'not asked again after a refresh');
  });

  // Not counted above (the overview fetch is the listing's call), but the same question guards it.
  it("a dialog's linked correspondence is fetched only after the same question", async () => {
    const rows = await dialogRows();
    let found: { row: Node; correspondenceId: string } | undefined;
    for (const resourceId of correspondenceResources) {
      const fetched = new Set(await correspondenceList(resourceId, 'Fetched'));
      for (const correspondenceId of (await correspondenceList(resourceId, 'Published')).concat(
        await correspondenceList(resourceId, 'Read'),
      )) {
        if (fetched.has(correspondenceId)) continue;
        // dialoglookup only reads.
        const { dialogId } = await api<{ dialogId: string }>(
          `/dialoglookup?instanceRef=${encodeURIComponent(`urn:altinn:correspondence-id:${correspondenceId}`)}`,
        ).catch(() => ({ dialogId: '' }));
        const row = rows.find((candidate) => candidate.dialogId === dialogId && !usedDialogs.has(dialogId));
        if (row) found = { row, correspondenceId };
        if (found) break;
      }
      if (found) break;
    }
    assert.ok(found, 'a listed dialog that links to correspondence nobody fetched');
    const { row, correspondenceId } = found;
    usedDialogs.add(row.dialogId);
    prompts.enqueue('Fetch Details');
    await vscode.commands.executeCommand('altinnInbox.loadDialogDetails', row);
    const overviewOf = (entry: RequestLogEntry): boolean =>
      entry.method === 'GET' &&
      entry.url.toLowerCase().includes(`/correspondence/api/v1/correspondence/${correspondenceId}`);
    const isFetched = async (): Promise<boolean> =>
      (await Promise.all(correspondenceResources.map((r) => correspondenceList(r, 'Fetched')))).some((ids) =>
        ids.includes(correspondenceId),
      );
    const mark = requests.length;
    const linked = (await driver.children(await freshRow(row.dialogId))).find((child) =>
      driver.has(child, 'linkedCorrespondence'),
    );
    assert.ok(linked, 'the linked Correspondence row');
    const [ask, ...rest] = await driver.children(linked);
    assert.equal(rest.length, 0, 'one row until the user agrees');
    assert.ok(driver.has(ask, 'correspondenceConsent'), 'the "Show the message…" row');
    assert.match(driver.label(ask), /Show the message.*Fetched.*sender/);
    prompts.enqueue(undefined);
    assert.equal(await driver.click(ask), undefined, 'declining ends quietly');
    assert.match(prompts.asked.at(-1)?.title ?? '', /Production/);
    assert.match(
      `${prompts.asked.at(-1)?.title} ${prompts.asked.at(-1)?.detail}`,
      /records the status Fetched.*sender can see/,
    );
    assert.deepEqual(
      requests
        .slice(mark)
        .filter(overviewOf)
        .map((entry) => entry.url),
      [],
      'declined: no overview read',
    );
    assert.equal(await isFetched(), false, 'declined: the sandbox did not record Fetched');
    prompts.enqueue('Show Message');
    await driver.click(ask);
    assert.ok(requests.slice(mark).some(overviewOf), 'confirmed: the overview was read');
    assert.ok(
      (await driver.children(linked)).some(
        (child) => driver.has(child, 'correspondence') && child.correspondenceId === correspondenceId,
      ),
      'confirmed: the message shows',
    );
    assert.equal(await isFetched(), true, 'confirmed: the sandbox recorded Fetched');
    assert.equal(prompts.pending, 0);
  });
});
