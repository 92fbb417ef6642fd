import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { RequestLogEntry } from '../../../src/platform/http';
import type { ScriptedPrompts } from '../../../src/vscode/prompts';
import type { ExtensionServices } from '../../../src/vscode/services';
import { isCorrespondenceType } from '../../../src/vscode/inbox/correspondenceResources';
import { closeDialogPanels, dialogPanelTabs } from './hostHelpers';
import { useSandboxSession, type SandboxSession } from './sandboxSession';

/** A payload saved for offline preview needs no live dialog token; a file in the workspace should not hold one. */
function withoutDialogToken<T extends object>(json: T): T {
  return { ...json, dialogToken: 'removed-from-the-saved-copy' };
}

/**
 * The dialog panel in a real extension host against the embedded sandbox. What the panel did is observed where
 * a user (or Dialogporten) would see it: the editor tabs, the sandbox's seen log (fetching details marks a dialog
 * as seen; nothing else does), the requests the extension sent, and the questions it asked.
 */
describe('dialog panel: opening, reusing, live updates and GUI actions against the sandbox', function () {
  this.timeout(60_000);
  let services: ExtensionServices;
  let usePrompts: (prompts: ScriptedPrompts | undefined) => void;
  let profileId: string;
  let partyUrn: string;
  let dialogportenBase: string;
  let baseUrl: string;
  let token: string;
  let dialogIds: string[];

  interface Seen {
    id: string;
    isCurrentEndUser?: boolean;
  }

  let session: SandboxSession;
  const api = <T>(path: string): Promise<T> => session.api<T>(path);
  /** GET …/seenlog only reads: it does not mark anything as seen. */
  const seenLog = (dialogId: string): Promise<Seen[]> => api<Seen[]>(`/dialogs/${dialogId}/seenlog`);
  const touch = (dialogId: string): Promise<void> => session.touch(dialogId);
  /**
   * The service owner changes the dialog (sandbox admin hook); the open panel hears DIALOG_UPDATED and fetches the
   * new version, which Dialogporten records as a new seen-log entry. Touches again until the stream is up.
   */
  const updateUntilRefetched = async (dialogId: string, seenBefore: number, ms?: number): Promise<void> => {
    let touches = 0;
    await until(
      'the panel to fetch the updated dialog',
      async () => {
        if ((await seenLog(dialogId)).length > seenBefore) return true;
        if (touches++ % 10 === 0) await touch(dialogId);
        return false;
      },
      ms,
    );
  };
  const closeDialogTabs = async (): Promise<void> => {
    await closeDialogPanels();
    assert.deepEqual(
      dialogPanelTabs().map((tab) => tab.label),
      [],
      'every dialog panel closed',
    );
  };
  const until = async (what: string, check: () => Promise<boolean>, ms = 15_000): Promise<void> => {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  /** The tab model reaches the extension host a moment after the panel is created. */
  const tabsSettle = async (count: number): Promise<vscode.Tab[]> => {
    await until(`${count} dialog panel(s)`, async () => dialogPanelTabs().length === count, 5_000).catch(
      () => undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    return dialogPanelTabs();
  };
  const open = (dialogId: string, title = 'Dialog'): Thenable<unknown> =>
    vscode.commands.executeCommand('altinnInbox.openDialog', { profileId, partyUrn, dialogId, title });

  before(async () => {
    session = await useSandboxSession();
    ({ profileId, partyUrn, dialogportenBase, baseUrl, token } = session);
    services = session.hooks.services;
    usePrompts = session.hooks.usePrompts;
    // Altinn messages are left out: opening one marks the message read (their own test below).
    dialogIds = await session.plainDialogIds(30);
    assert.ok(dialogIds.length >= 6);
  });

  afterEach(async () => {
    usePrompts(undefined);
    await closeDialogTabs();
  });

  it('opens a panel that fetches the dialog once: its seen log grows by one, while listing changed nothing', async () => {
    const dialogId = dialogIds[0];
    await touch(dialogId); // a fresh update nobody has seen yet
    const before = await seenLog(dialogId);
    await api(`/dialogs?party=${encodeURIComponent(partyUrn)}&limit=30`);
    await api(`/dialogs?party=${encodeURIComponent(partyUrn)}&search=${encodeURIComponent('melding')}`);
    assert.equal(
      (await seenLog(dialogId)).length,
      before.length,
      'listing and searching do not mark the dialog as seen',
    );

    await open(dialogId, 'Listed title');
    const after = await seenLog(dialogId);
    assert.equal(after.length, before.length + 1, 'opening marked it as seen once');
    assert.equal(
      after.filter((entry) => !before.some((old) => old.id === entry.id))[0]?.isCurrentEndUser,
      true,
      'the new entry is this end user',
    );
    const tabs = await tabsSettle(1);
    assert.equal(tabs.length, 1, 'one dialog panel');
    // The tab model reaches the extension host a moment after the panel takes the fetched title.
    await until(
      'the fetched title on the tab',
      async () => dialogPanelTabs()[0]?.label !== 'Listed title',
      5_000,
    ).catch(() => undefined);
    assert.notEqual(dialogPanelTabs()[0]?.label, 'Listed title', 'the tab shows the fetched title');
    assert.ok(dialogPanelTabs()[0]?.isActive);
  });

  it('opens the dialog behind an Altinn app instance link, found through dialoglookup', async () => {
    const listed = await api<{ items?: { id: string }[] }>(`/dialogs?party=${encodeURIComponent(partyUrn)}&limit=100`);
    let found: { dialogId: string; instanceRef: string } | undefined;
    for (const { id } of listed.items ?? []) {
      // Asked by dialog id, the lookup answers with the app instance the dialog stands for, if any.
      const { instanceRef } = await api<{ instanceRef: string }>(
        `/dialoglookup?instanceRef=${encodeURIComponent(`urn:altinn:dialog-id:${id}`)}`,
      );
      if (instanceRef.startsWith('urn:altinn:instance-id:')) {
        found = { dialogId: id, instanceRef };
        break;
      }
    }
    assert.ok(found, "an app instance's dialog among the person's first 100");
    const [partyId, instanceGuid] = found.instanceRef.replace('urn:altinn:instance-id:', '').split('/');
    await touch(found.dialogId); // an update nobody has seen, so the fetch adds to the seen log
    const before = (await seenLog(found.dialogId)).length;
    // What a user pastes: the app's own link to the instance.
    await vscode.commands.executeCommand(
      'altinnInbox.openDialog',
      `https://skd.apps.tt02.altinn.no/skd/skattemelding/#/instance/${partyId}/${instanceGuid.toUpperCase()}`,
    );
    assert.equal((await tabsSettle(1)).length, 1, 'one dialog panel');
    assert.equal((await seenLog(found.dialogId)).length, before + 1, 'the looked-up dialog was fetched once');
  });

  it('reuses the panel when the same dialog is opened again, without fetching it again', async () => {
    const dialogId = dialogIds[1];
    await touch(dialogId);
    await open(dialogId);
    await tabsSettle(1);
    // The tab model takes the fetched title a moment after the panel does.
    await until('the fetched title on the tab', async () => dialogPanelTabs()[0]?.label !== 'Dialog', 5_000).catch(
      () => undefined,
    );
    const firstLabel = dialogPanelTabs()[0]?.label;
    const afterFirst = (await seenLog(dialogId)).length;
    await touch(dialogIds[2]);
    await open(dialogIds[2]);
    assert.equal((await tabsSettle(2)).length, 2, 'another dialog gets its own panel');
    await open(dialogId);
    assert.equal((await tabsSettle(3)).length, 2, 'reopening reuses the first panel');
    const active = dialogPanelTabs().find((tab) => tab.isActive);
    assert.equal(active?.label, firstLabel, 'the reused panel is shown');
    assert.equal((await seenLog(dialogId)).length, afterFirst, 'reopening did not fetch (and mark) it again');
  });

  it('refreshes on DIALOG_UPDATED from the dialogEvents stream, and stops listening when closed', async () => {
    const dialogId = dialogIds[3];
    await touch(dialogId);
    await open(dialogId);
    const opened = (await seenLog(dialogId)).length;
    await updateUntilRefetched(dialogId, opened);
    const refreshed = (await seenLog(dialogId)).length;
    assert.equal(refreshed, opened + 1, 'one refresh for the update');

    await closeDialogTabs();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await touch(dialogId);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    assert.equal((await seenLog(dialogId)).length, refreshed, 'a closed panel neither listens nor fetches');
  });

  it('runs a GUI action only after confirmation: dismissed means no request; confirmed sends it with the dialog token', async () => {
    interface Action {
      id: string;
      url: string;
      httpMethod?: string;
      isAuthorized?: boolean;
      action: string;
    }
    let found: { dialogId: string; action: Action } | undefined;
    for (const dialogId of dialogIds.slice(4)) {
      const details = await api<{ guiActions?: Action[] }>(`/dialogs/${dialogId}`);
      const action = details.guiActions?.find(
        (candidate) => candidate.isAuthorized !== false && (candidate.httpMethod ?? 'GET') === 'POST',
      );
      if (action) {
        found = { dialogId, action };
        break;
      }
    }
    assert.ok(found, 'a sandbox dialog with a POST action');
    await open(found.dialogId);
    const requests: RequestLogEntry[] = [];
    const unsubscribe = services.http.onRequest((entry) => requests.push(entry));
    try {
      const prompts = new session.hooks.ScriptedPrompts();
      usePrompts(prompts);
      prompts.enqueue(undefined); // the user dismisses the confirmation
      const dismissed = await vscode.commands.executeCommand('altinnInbox.executeGuiAction', {
        dialogId: found.dialogId,
        actionId: found.action.id,
      });
      assert.equal(dismissed, undefined);
      assert.deepEqual(
        prompts.asked.map((question) => question.kind),
        ['confirm'],
        'it asked first',
      );
      assert.deepEqual(
        requests.filter((entry) => entry.url.includes('/__sandbox/actions/')),
        [],
        'no request without confirmation',
      );

      prompts.enqueue(true);
      const result = await vscode.commands.executeCommand<{ status?: number; method: string; url: string }>(
        'altinnInbox.executeGuiAction',
        { dialogId: found.dialogId, actionId: found.action.id },
      );
      assert.equal(result?.method, 'POST');
      assert.equal(result?.status, 204, 'the sandbox accepted the dialog token');
      const sent = requests.filter((entry) => entry.url.includes('/__sandbox/actions/'));
      assert.equal(sent.length, 1);
      assert.equal(sent[0].method, 'POST');
      assert.match(
        sent[0].requestHeaders.authorization ?? '',
        /^Bearer <redacted>$/,
        'sent with a bearer token, redacted in the log',
      );
    } finally {
      unsubscribe();
    }
  });

  it('asks first on Production: declined means no panel and no request; live updates then only offer a refresh', async () => {
    // A pasted-token profile for "Production" whose hosts point at the sandbox (customBaseUrls), so nothing real is touched.
    const configuration = vscode.workspace.getConfiguration('altinnInbox');
    const previous = configuration.inspect('customBaseUrls')?.globalValue;
    await configuration.update(
      'customBaseUrls',
      { production: { platformBase: baseUrl, dialogportenBase: dialogportenBase } },
      vscode.ConfigurationTarget.Global,
    );
    const production = await services.profiles.add(
      { kind: 'token', environment: 'production', label: 'Production (sandbox stand-in)' },
      { token },
    );
    const requests: RequestLogEntry[] = [];
    const unsubscribe = services.http.onRequest((entry) => requests.push(entry));
    try {
      const environment = await services.connections.environmentFor(production);
      assert.equal(environment.isProduction, true);
      assert.equal(environment.dialogportenBase, dialogportenBase);
      const dialogId = dialogIds[6] ?? dialogIds[0];
      await touch(dialogId);
      const before = (await seenLog(dialogId)).length;
      const prompts = new session.hooks.ScriptedPrompts();
      usePrompts(prompts);
      const args = { profileId: production.id, partyUrn, dialogId, title: 'Skattemelding' };

      prompts.enqueue(undefined); // "Cancel"
      await vscode.commands.executeCommand('altinnInbox.openDialog', args);
      assert.deepEqual(
        prompts.asked.map((question) => [question.kind, question.title]),
        [['confirm', 'Open "Skattemelding" in Production?']],
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // the tab model lags behind a new panel
      assert.equal(dialogPanelTabs().length, 0, 'no panel');
      assert.deepEqual(
        requests.filter((entry) => entry.url.includes(dialogId)),
        [],
        'no request',
      );
      assert.equal((await seenLog(dialogId)).length, before, 'nothing marked as seen');

      prompts.enqueue('Open and Mark as Seen');
      await vscode.commands.executeCommand('altinnInbox.openDialog', args);
      assert.equal((await tabsSettle(1)).length, 1);
      const opened = (await seenLog(dialogId)).length;
      assert.equal(opened, before + 1, 'confirmed: fetched and marked as seen once');

      // A service-owner update on Production is announced in the panel, not fetched behind the user's back.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await touch(dialogId);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      assert.equal((await seenLog(dialogId)).length, opened, 'no automatic refresh on Production');
      assert.equal(prompts.pending, 0);
    } finally {
      unsubscribe();
      usePrompts(undefined);
      await closeDialogTabs();
      await services.profiles.remove(production.id);
      await configuration.update('customBaseUrls', previous, vscode.ConfigurationTarget.Global);
    }
  });

  it('shows an Altinn message as markdown (Correspondence serves it as text/plain), says once outside Production that this marks it read, and never fetches it again by itself', async () => {
    // Altinn messages (Correspondence-backed dialogs) nobody has read, of the organisations the person represents (the
    // person's own messages are left to the prod-safety suite). Reading the details only marks those dialogs seen.
    const statuses = async (id: string): Promise<string[]> => {
      const response = await fetch(`${baseUrl}/__sandbox/correspondence/${id}/history`);
      return ((await response.json()) as { statusHistory: { status: string }[] }).statusHistory.map(
        (event) => event.status,
      );
    };
    interface Party {
      party: string;
      subParties?: Party[];
    }
    const parties = (await api<{ authorizedParties: Party[] }>('/parties')).authorizedParties
      .flatMap((party) => [party.party, ...(party.subParties ?? []).map((sub) => sub.party)])
      .filter((party) => party !== partyUrn);
    const messages: { correspondenceId: string; dialogId: string; party: string }[] = [];
    for (const party of parties) {
      const page = await api<{ items: { id: string; serviceResourceType?: string }[] }>(
        `/dialogs?party=${encodeURIComponent(party)}&limit=100`,
      );
      for (const item of page.items.filter((candidate) => isCorrespondenceType(candidate.serviceResourceType))) {
        const details = await api<{ content: { mainContentReference?: { value: { value: string }[] } } }>(
          `/dialogs/${item.id}`,
        );
        const correspondenceId = /\/correspondence\/([0-9a-f-]{36})\/content$/.exec(
          details.content.mainContentReference?.value[0]?.value ?? '',
        )?.[1];
        if (!correspondenceId) continue;
        const history = await statuses(correspondenceId);
        if (history.some((status) => ['Read', 'PurgedByRecipient', 'PurgedByAltinn', 'Failed'].includes(status)))
          continue;
        messages.push({ correspondenceId, dialogId: item.id, party });
        if (messages.length === 3) break;
      }
      if (messages.length === 3) break;
    }
    assert.equal(messages.length, 3, 'three unread Altinn messages with dialogs');
    const internals = session.hooks.dialogPanels;
    const panelOf = (dialogId: string) => internals.panels().find((panel) => panel.dialogId === dialogId);
    const requests: RequestLogEntry[] = [];
    const unsubscribe = services.http.onRequest((entry) => requests.push(entry));
    const contentFetches = (correspondenceId: string): number =>
      requests.filter(
        (entry) =>
          entry.method === 'GET' && entry.url.toLowerCase().includes(`/correspondence/${correspondenceId}/content`),
      ).length;
    /** The message rendered as markdown: headings, bold or lists as elements, no markdown syntax left as text. */
    const message = (dialogId: string): string =>
      /<div class="embed-content">([\s\S]*?)<\/div>/.exec(panelOf(dialogId)?.shownBody ?? '')?.[1] ?? '';
    const showsMarkdown = async (dialogId: string): Promise<void> => {
      await until(`the message of ${dialogId}`, async () => message(dialogId) !== '').catch((error: unknown) => {
        throw new Error(
          `${(error as Error).message}; the main content shows: ${/<section class="main-content">[\s\S]*?<\/section>/.exec(panelOf(dialogId)?.shownBody ?? '')?.[0].slice(0, 600)}`,
        );
      });
      assert.match(message(dialogId), /<(h[1-3]|strong|li)>/, 'markdown elements');
      assert.doesNotMatch(message(dialogId), /\*\*|(^|>)#+ /m, 'no markdown syntax shown as text');
    };

    // A tt02 profile whose hosts point at the sandbox (customBaseUrls): a test environment this session has not used.
    const configuration = vscode.workspace.getConfiguration('altinnInbox');
    const previous = configuration.inspect('customBaseUrls')?.globalValue;
    await configuration.update(
      'customBaseUrls',
      { tt02: { platformBase: baseUrl, dialogportenBase } },
      vscode.ConfigurationTarget.Global,
    );
    const tt02 = await services.profiles.add(
      { kind: 'token', environment: 'tt02', label: 'TT02 (sandbox stand-in)' },
      { token },
    );
    try {
      const [first, second] = messages;
      const noticesBefore = internals.correspondenceReadNotices().length;
      await vscode.commands.executeCommand('altinnInbox.openDialog', {
        profileId: tt02.id,
        partyUrn: first.party,
        dialogId: first.dialogId,
        title: 'Melding',
      });
      await showsMarkdown(first.dialogId);
      assert.equal(contentFetches(first.correspondenceId), 1, 'fetched once');
      assert.ok((await statuses(first.correspondenceId)).includes('Read'), 'Altinn recorded Read');
      const said = internals.correspondenceReadNotices().slice(noticesBefore);
      assert.equal(said.length, 1, 'said once');
      assert.match(said[0], /the sender will see the message as read/);

      await vscode.commands.executeCommand('altinnInbox.openDialog', {
        profileId: tt02.id,
        partyUrn: second.party,
        dialogId: second.dialogId,
        title: 'Melding 2',
      });
      await showsMarkdown(second.dialogId);
      assert.equal(
        internals.correspondenceReadNotices().length,
        noticesBefore + 1,
        'not said again for the next message',
      );

      // Refresh: the dialog is fetched again (and marked seen), the message is not.
      const detailsFetches = (): number =>
        requests.filter(
          (entry) =>
            entry.method === 'GET' &&
            new URL(entry.url).pathname.toLowerCase().endsWith(`/api/v1/enduser/dialogs/${first.dialogId}`),
        ).length;
      const fetched = detailsFetches();
      await panelOf(first.dialogId)!.runCommand('refresh');
      assert.equal(detailsFetches(), fetched + 1, 'the dialog was fetched again');
      await showsMarkdown(first.dialogId);
      assert.equal(contentFetches(first.correspondenceId), 1, 'a refresh does not fetch the message again');
    } finally {
      await closeDialogTabs();
      await services.profiles.remove(tt02.id);
      await configuration.update('customBaseUrls', previous, vscode.ConfigurationTarget.Global);
    }

    // A live update (DIALOG_UPDATED) refreshes the panel in the sandbox; the message is not fetched again.
    try {
      const { correspondenceId, dialogId, party } = messages[2];
      await vscode.commands.executeCommand('altinnInbox.openDialog', {
        profileId,
        partyUrn: party,
        dialogId,
        title: 'Melding 3',
      });
      await showsMarkdown(dialogId);
      assert.equal(contentFetches(correspondenceId), 1);
      await updateUntilRefetched(dialogId, (await seenLog(dialogId)).length, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await showsMarkdown(dialogId);
      assert.equal(contentFetches(correspondenceId), 1, 'a live update does not fetch the message again');
    } finally {
      unsubscribe();
    }
  });

  it('copies the request as curl with the token redacted unless asked, and opens the raw JSON without the dialog token', async () => {
    const dialogId = dialogIds[7] ?? dialogIds[1];
    await open(dialogId);
    await tabsSettle(1);
    const prompts = new session.hooks.ScriptedPrompts();
    usePrompts(prompts);
    // From the editor title or the palette (no argument) while the panel is active: the shared payload commands.
    // They resolve once the text is on the clipboard (reading it back needs a permission headless Chromium never grants).
    const curl = await vscode.commands.executeCommand<string>('altinnInbox.copyAsCurl');
    assert.match(
      curl,
      new RegExp(
        `^curl '${dialogportenBase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/api/v1/enduser/dialogs/${dialogId}'`,
      ),
    );
    assert.match(curl, /-H "authorization: Bearer \$TOKEN"/);
    assert.doesNotMatch(curl, /eyJ[\w-]{10,}\./, 'no token in the default copy');
    prompts.enqueue('Copy with Token');
    const withToken = await vscode.commands.executeCommand<string>('altinnInbox.copyAsCurlWithToken');
    assert.match(withToken, /-H 'authorization: Bearer eyJ[\w-]+\.[\w-]+\.[\w-]+'/, 'the real token only when asked');
    assert.deepEqual(
      prompts.asked.map((question) => [question.kind, question.title]),
      [['confirm', 'Copy a curl command that contains a live access token?']],
      'the same warning as everywhere else',
    );

    await vscode.commands.executeCommand('altinnInbox.showRawJson');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.scheme, 'altinn-raw');
    const text = editor.document.getText();
    const raw = JSON.parse(text) as { id: string; dialogToken: string; content: unknown };
    assert.equal(raw.id, dialogId);
    assert.ok(raw.content, 'the whole response');
    assert.match(raw.dialogToken, /^<redacted JWT/, 'the dialog token is replaced');
    assert.doesNotMatch(text, /eyJ[\w-]{10,}\.[\w-]{10,}\./, 'no JWT anywhere in the document');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it("runs its toolbar's curl, raw JSON and request buttons through the shared payload commands, on its recorded request", async () => {
    const dialogId = dialogIds[8] ?? dialogIds[2];
    const { payloads } = session.hooks.inbox;
    const logged: RequestLogEntry[] = [];
    const unsubscribe = services.http.onRequest((entry) => logged.push(entry));
    try {
      await open(dialogId, 'Toolbar');
      await tabsSettle(1);
      const internals = session.hooks.dialogPanels;
      const panel = internals.panels().find((candidate) => candidate.dialogId === dialogId)!;
      assert.ok(panel.raw, 'the panel points at its recorded exchange');
      const exchange = payloads.store.get(panel.raw.exchangeId);
      assert.equal(exchange?.method, 'GET');
      assert.equal(exchange?.url, `${dialogportenBase}/api/v1/enduser/dialogs/${dialogId}`);
      assert.equal(exchange?.status, 200);
      assert.ok(
        logged.some((entry) => entry.method === 'GET' && entry.url === exchange.url && entry.status === 200),
        'in the request log',
      );

      // What the webview's buttons send (runCommand), answered by the same commands as the Inbox's rows.
      const curl = await panel.runCommand('copyCurl');
      assert.equal(curl, await vscode.commands.executeCommand<string>('altinnInbox.copyAsCurl', panel.raw));
      const prompts = new session.hooks.ScriptedPrompts();
      usePrompts(prompts);
      prompts.enqueue(undefined);
      assert.equal(
        await panel.runCommand('copyCurlWithToken'),
        undefined,
        'declining the shared warning copies nothing',
      );
      assert.match(prompts.asked.at(-1)?.title ?? '', /live access token/);

      await panel.runCommand('openRaw');
      await until(
        'the raw JSON beside the panel',
        async () => vscode.window.activeTextEditor?.document.uri.scheme === 'altinn-raw',
      );
      assert.equal(
        vscode.window.activeTextEditor!.document.uri.path.split('/')[1],
        panel.raw.exchangeId,
        "the panel's own exchange",
      );
      assert.equal(vscode.window.activeTextEditor!.document.languageId, 'json');
      assert.equal(dialogPanelTabs().length, 1, 'the panel stays open beside it');

      await panel.runCommand('showRequest');
      await until(
        'the request document',
        async () => vscode.window.activeTextEditor?.document.uri.path.endsWith('.http') === true,
      );
      const request = vscode.window.activeTextEditor!.document.getText();
      assert.match(request, new RegExp(`^GET ${exchange.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`));
      assert.match(request, /authorization: Bearer <redacted>/);
      assert.match(request, /HTTP 200 · /);
    } finally {
      unsubscribe();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('opens a dialog over 2 MB as plain JSON in an editor instead of rendering it', async () => {
    const dialogId = dialogIds[5];
    const json = await api<Record<string, { additionalInfo?: unknown }>>(`/dialogs/${dialogId}`);
    json.content.additionalInfo = {
      value: [{ value: `${'Lang tekst. '.repeat(250_000)}`, languageCode: 'nb' }],
      mediaType: 'text/plain',
    };
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder);
    mkdirSync(join(folder, 'captured'), { recursive: true });
    const file = join(folder, 'captured', 'large-dialog.json');
    writeFileSync(file, JSON.stringify(withoutDialogToken(json)));
    await vscode.commands.executeCommand('altinnInbox.previewDialogPayload', vscode.Uri.file(file));
    // A saved payload's raw JSON is its own file.
    await until(
      'the JSON to open in an editor',
      async () => vscode.window.visibleTextEditors.some((editor) => editor.document.uri.fsPath === file),
      10_000,
    );
    const document = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.fsPath === file)!.document;
    assert.equal(document.languageId, 'json');
    assert.ok(document.getText().length > 2 * 1024 * 1024, 'the whole payload');
    assert.equal((JSON.parse(document.getText()) as { id: string }).id, dialogId);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('previews a saved Dialog payload offline: no request, nothing marked as seen', async () => {
    const dialogId = dialogIds[5];
    const json = await api<Record<string, unknown>>(`/dialogs/${dialogId}`);
    await touch(dialogId);
    const seenBefore = (await seenLog(dialogId)).length;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'a workspace folder');
    mkdirSync(join(folder, 'captured'), { recursive: true });
    const file = join(folder, 'captured', `dialog-${dialogId}.json`);
    writeFileSync(file, JSON.stringify(withoutDialogToken(json), null, 2));
    const requests: RequestLogEntry[] = [];
    const unsubscribe = services.http.onRequest((entry) => requests.push(entry));
    const before = dialogPanelTabs().length;
    try {
      await vscode.commands.executeCommand('altinnInbox.previewDialogPayload', vscode.Uri.file(file));
      const tabs = await tabsSettle(before + 1);
      assert.equal(tabs.length, before + 1, 'the payload opened in a dialog panel of its own');
      assert.ok(
        tabs.some((tab) => tab.isActive),
        'and it is shown',
      );
      assert.deepEqual(
        requests.map((entry) => `${entry.method} ${entry.url}`),
        [],
        'a preview sends nothing',
      );
      assert.equal((await seenLog(dialogId)).length, seenBefore, 'and marks nothing as seen');
    } finally {
      unsubscribe();
    }
  });
});
