import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeDialogPanels, dialogPanelTabs, printSummary } from './hostHelpers';
import { useSandboxSession, type SandboxSession } from './sandboxSession';

interface Attempt {
  at: string;
  dialogId?: string;
  outcome: 'streaming' | 'refused' | 'unauthenticated' | 'invalid';
}

/**
 * Live updates in real extension-host dialog panels through the sandbox's `/graphql/stream`, which authorises a
 * subscription as Dialogporten does (the dialog id must be a literal in the query) and refuses as HotChocolate does
 * (HTTP 200, an errors-only `next`, `complete`). What happened is read where it shows: the sandbox's seen log (a
 * panel that heard DIALOG_UPDATED fetches the dialog again) and the stream's connection attempts (a /__sandbox hook).
 */
describe('live updates: dialog panels hear dialogEvents, and a refused stream stays quiet', function () {
  this.timeout(180_000);
  const PANELS = 3;
  const WINDOW_MS = 60_000;
  let session: SandboxSession;
  let dialogIds: string[];
  let arrived: number | undefined;
  let refusedAttempts: number | undefined;

  /** GET …/seenlog only reads. */
  const seenCount = async (dialogId: string): Promise<number> =>
    (await session.api<unknown[]>(`/dialogs/${dialogId}/seenlog`)).length;
  const attempts = async (dialogId: string, since: string): Promise<Attempt[]> => {
    const response = await fetch(
      `${session.baseUrl}/__sandbox/graphql/stream/attempts?dialogId=${dialogId}&since=${encodeURIComponent(since)}`,
    );
    assert.equal(response.status, 200);
    return ((await response.json()) as { attempts: Attempt[] }).attempts;
  };
  const refuseAll = async (refuse: boolean): Promise<void> => {
    assert.equal(
      (
        await fetch(`${session.baseUrl}/__sandbox/graphql/stream/refusal`, {
          method: 'PUT',
          body: JSON.stringify({ refuse }),
        })
      ).status,
      200,
    );
  };
  /** Whether `check` came true within `ms`. */
  const until = async (check: () => Promise<boolean>, ms: number): Promise<boolean> => {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return true;
  };
  const open = (dialogId: string): Thenable<unknown> =>
    vscode.commands.executeCommand('altinnInbox.openDialog', {
      profileId: session.profileId,
      partyUrn: session.partyUrn,
      dialogId,
      title: 'Dialog',
    });

  before(async () => {
    session = await useSandboxSession();
    // Panels other suites left open would be counted as this suite's.
    await closeDialogPanels();
    // From the end of the list: the dialog panel suite works from its start. Altinn messages are left alone (opening
    // one records Read, and the prod-safety suite needs unread ones).
    dialogIds = (await session.plainDialogIds(40)).reverse();
    assert.ok(dialogIds.length >= PANELS + 1);
  });

  afterEach(async () => {
    await refuseAll(false);
    await closeDialogPanels();
  });

  after(() => {
    if (arrived !== undefined && refusedAttempts !== undefined) {
      printSummary(
        `[live updates] arrived in ${arrived} of ${PANELS} open panels; a refused stream made ${refusedAttempts} connection attempts in ${WINDOW_MS / 1000} s`,
      );
    }
  });

  it(`delivers DIALOG_UPDATED to each of ${PANELS} open panels, subscribed with the dialog id in the query`, async () => {
    const ids = dialogIds.slice(0, PANELS);
    const since = new Date().toISOString();
    const opened = new Map<string, number>();
    for (const id of ids) {
      await session.touch(id);
      await open(id);
      opened.set(id, await seenCount(id));
    }
    // The tab model reaches the extension host a moment after the panels are created.
    await until(async () => dialogPanelTabs().length === PANELS, 5_000);
    assert.equal(dialogPanelTabs().length, PANELS, 'one panel per dialog');
    for (const id of ids) {
      const streaming = await until(
        async () => (await attempts(id, since)).some((a) => a.outcome === 'streaming'),
        15_000,
      );
      assert.ok(streaming, `the panel of ${id} holds a stream: ${JSON.stringify(await attempts(id, since))}`);
    }
    arrived = 0;
    for (const id of ids) {
      await session.touch(id);
      if (await until(async () => (await seenCount(id)) > opened.get(id)!, 15_000)) arrived++;
    }
    assert.equal(arrived, PANELS, `live updates arrived in ${arrived} of ${PANELS} panels`);
    for (const id of ids)
      assert.deepEqual(
        (await attempts(id, since)).map((a) => a.outcome),
        ['streaming'],
        `one connection for ${id}`,
      );
  });

  it('makes at most 3 connection attempts a minute when the stream refuses, and checks for changes every 30 s instead', async () => {
    const id = dialogIds[PANELS];
    await refuseAll(true);
    const since = new Date().toISOString();
    const started = Date.now();
    await session.touch(id);
    await open(id);
    const opened = await seenCount(id);
    await until(async () => (await attempts(id, since)).length > 0, 15_000);
    // The service owner changes the dialog; with no stream the panel's check (every 30 s while visible) finds it.
    await session.touch(id);
    const polled = await until(async () => (await seenCount(id)) > opened, 40_000);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + WINDOW_MS - Date.now())));
    const made = await attempts(id, since);
    refusedAttempts = made.length;
    assert.ok(
      made.every((a) => a.outcome === 'refused'),
      JSON.stringify(made),
    );
    assert.ok(
      refusedAttempts >= 1 && refusedAttempts <= 3,
      `a refused stream made ${refusedAttempts} connection attempts in ${WINDOW_MS / 1000} s`,
    );
    assert.ok(polled, 'the change was noticed by checking every 30 s');
  });
});
