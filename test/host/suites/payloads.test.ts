import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import type { RequestLogEntry } from '../../../src/platform/http';
import type { InboxNode } from '../../../src/vscode/inbox/inboxNode';
import type { InboxTestInternals } from '../../../src/vscode/inbox/registerInbox';
import type { ScriptedPrompts } from '../../../src/vscode/prompts';
import { activateExtension, discardDocument, step } from './hostHelpers';

// Host tests of payload debugging: raw JSON documents, "show request", copy as curl (redacted and with the token),
// the request log, and "validate payload" diagnostics, on nodes of the real Inbox tree against the sandbox.

/* eslint-disable @typescript-eslint/no-explicit-any */
type Node = InboxNode & Record<string, any>;
const JWT = /eyJ[\w-]{5,}\.[\w-]+\.[\w-]*/;

/**
 * The browser-hosted test workbench cannot read the clipboard back (it waits for a permission Chromium is not
 * given), so the commands' return values carry what they copied; the clipboard is compared when readable, and
 * the e2e tier reads the real clipboard (inbox.e2e.test.ts).
 */
async function assertClipboard(expected: string): Promise<void> {
  const unreadable = Symbol('unreadable');
  const text = await Promise.race([
    vscode.env.clipboard.readText(),
    new Promise<symbol>((resolve) => setTimeout(() => resolve(unreadable), 1500)),
  ]);
  if (text !== unreadable) assert.equal(text, expected, 'the clipboard holds it');
}

describe('inbox-payloads: raw JSON, requests, curl, request log and payload validation', function () {
  this.timeout(90_000);
  let hooks: TestHooks;
  let internals: InboxTestInternals;
  let prompts: ScriptedPrompts;
  const logged: RequestLogEntry[] = [];
  let unsubscribe: (() => void) | undefined;

  const tokens = (node: Node): string[] => (internals.provider.getTreeItem(node).contextValue ?? '').split(' ');
  const children = async (node?: Node): Promise<Node[]> => (await internals.provider.getChildren(node)) as Node[];
  const token = async (audience: 'maskinporten' | 'altinn' = 'maskinporten'): Promise<string> =>
    (await hooks.services.connections.tokenProvider(hooks.services.connections.activeProfile!, audience)).getToken();

  const fetchJson = async (url: string): Promise<unknown> =>
    (await fetch(url, { headers: { authorization: `Bearer ${await token()}`, accept: 'application/json' } })).json();

  async function firstDialog(): Promise<{ party: Node; dialog: Node }> {
    const party = (await children()).find((r) => tokens(r).includes('party') && r.party?.isCurrentEndUser)!;
    const dialog = (await children(party)).find((c) => tokens(c).includes('dialog'))!;
    assert.ok(dialog, 'a dialog in the tree');
    return { party, dialog };
  }

  before(async () => {
    const api = await activateExtension();
    hooks = api.testHooks!;
    internals = hooks.inbox;
    prompts = new hooks.ScriptedPrompts();
    hooks.usePrompts(prompts);
    await vscode.commands.executeCommand('altinnInbox.useSandbox');
    await hooks.services.profiles.setActive(hooks.services.connections.activeProfile!.id);
    unsubscribe = hooks.services.http.onRequest((entry) => logged.push(entry));
    internals.provider.refresh();
  });

  after(() => {
    unsubscribe?.();
    hooks.usePrompts(undefined);
  });

  it("opens a node's exact response JSON in a read-only altinn-raw: document, and the request behind it", async () => {
    const { dialog } = await step('list a dialog', firstDialog());
    assert.ok(tokens(dialog).includes('raw'), 'dialog rows offer raw JSON');
    const editor = await step(
      "show the dialog's raw JSON",
      vscode.commands.executeCommand<vscode.TextEditor>('altinnInbox.showRawJson', dialog),
    );
    const document = editor.document;
    assert.equal(document.uri.scheme, 'altinn-raw');
    assert.equal(document.languageId, 'json');
    const exchange = internals.payloads.store.get(dialog.raw!.exchangeId)!;
    const direct = (await step('fetch the page directly', fetchJson(exchange.url))) as { items: unknown[] };
    const index = dialog.raw!.pointer[1] as number;
    assert.deepEqual(JSON.parse(document.getText()), direct.items[index], 'the item exactly as Dialogporten serves it');

    const transmissionsGroup = (await step('expand the dialog', children(dialog)))[0];
    await step('expand its transmissions', children(transmissionsGroup));
    const groupEditor = await step(
      "show the group's raw JSON",
      vscode.commands.executeCommand<vscode.TextEditor>('altinnInbox.showRawJson', transmissionsGroup),
    );
    const served = await step(
      'fetch the transmissions directly',
      fetchJson(`${exchange.url.split('/dialogs?')[0]}/dialogs/${dialog.dialogId}/transmissions`),
    );
    assert.deepEqual(JSON.parse(groupEditor.document.getText()), served, 'a group shows its whole response');

    const request = await step(
      'show the request',
      vscode.commands.executeCommand<vscode.TextEditor>('altinnInbox.showRequest', dialog),
    );
    const text = request.document.getText();
    assert.match(text, /^GET http:\/\/127\.0\.0\.1:\d+\/dialogporten\/api\/v1\/enduser\/dialogs\?party=/);
    assert.match(text, /authorization: Bearer <redacted>/);
    assert.match(text, /HTTP 200 · \d+ ms · \d+ bytes/);
    assert.doesNotMatch(text, JWT);
    const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString());
    await step(
      `close the editors (dirty: ${dirty.join(', ') || 'none'})`,
      vscode.commands.executeCommand('workbench.action.closeAllEditors'),
    );
  });

  it('copies a request as curl with the token redacted, and with the token only after a warning', async () => {
    const { dialog } = await firstDialog();
    const redacted = await vscode.commands.executeCommand<string>('altinnInbox.copyAsCurl', dialog);
    assert.match(redacted, /^curl 'http:\/\/127\.0\.0\.1:\d+\/dialogporten\/api\/v1\/enduser\/dialogs\?party=/);
    assert.match(redacted, /-H "authorization: Bearer \$TOKEN"/);
    assert.doesNotMatch(redacted, JWT, 'no token in the default copy');
    await assertClipboard(redacted);

    prompts.enqueue(undefined);
    assert.equal(
      await vscode.commands.executeCommand('altinnInbox.copyAsCurlWithToken', dialog),
      undefined,
      'declining the warning copies nothing',
    );
    assert.match(prompts.asked.at(-1)?.title ?? '', /live access token/);
    await assertClipboard(redacted);

    prompts.enqueue('Copy with Token');
    const withToken = await vscode.commands.executeCommand<string>('altinnInbox.copyAsCurlWithToken', dialog);
    const sent = /-H 'authorization: Bearer ([^']+)'/.exec(withToken)?.[1];
    assert.ok(sent && JWT.test(sent), 'the real token is in the command');
    const url = /^curl '([^']+)'/.exec(withToken)![1];
    const replay = await fetch(url, { headers: { authorization: `Bearer ${sent}` } });
    assert.equal(replay.status, 200, 'the copied command works');
    await assertClipboard(withToken);
    await vscode.env.clipboard.writeText('');
  });

  it('logs every request (method, URL, status, time, size) and never a token', async () => {
    internals.provider.refresh();
    const { dialog } = await firstDialog();
    for (const group of await children(dialog)) await children(group);
    assert.ok(logged.length > 3, 'requests were logged');
    for (const entry of logged) {
      assert.doesNotMatch(JSON.stringify(entry), JWT, `${entry.method} ${entry.url}`);
      assert.ok(entry.durationMs >= 0 && typeof entry.responseBytes === 'number');
    }
    assert.ok(logged.some((e) => /\/dialogs\/[0-9a-f-]{36}\/seenlog$/.test(e.url) && e.status === 200));
    await vscode.commands.executeCommand('altinnInbox.showLog');
  });

  it('validates a JSON editor against an API shape and marks each problem at its JSON path', async () => {
    const { dialog } = await firstDialog();
    const page = (await (
      await fetch(internals.payloads.store.get(dialog.raw!.exchangeId)!.url, {
        headers: { authorization: `Bearer ${await token()}` },
      })
    ).json()) as { items: Record<string, unknown>[] };
    const broken = { ...page.items[0], status: 'Bogus', createdAt: 'yesterday' } as Record<string, unknown>;
    delete broken.org;
    const document = await vscode.workspace.openTextDocument({
      language: 'json',
      content: JSON.stringify(broken, null, 2),
    });
    await vscode.window.showTextDocument(document);
    prompts.enqueue('dialogListItem');
    const result = await vscode.commands.executeCommand<{ shape: string; problems: number }>(
      'altinnInbox.validatePayload',
    );
    assert.equal(prompts.asked.at(-1)?.items?.[0], 'Dialog list item', 'the likely shape is suggested first');
    assert.deepEqual(result, { shape: 'dialogListItem', problems: 3 });
    const diagnostics = vscode.languages.getDiagnostics(document.uri);
    const at = (path: string): string => document.getText(diagnostics.find((d) => d.code === path)!.range);
    assert.equal(at('status'), '"Bogus"');
    assert.equal(at('createdAt'), '"yesterday"');
    assert.equal(at('org'), '{', 'a missing field is marked on its object');
    assert.ok(
      diagnostics.every((d) => d.source === 'Altinn payload' && d.severity === vscode.DiagnosticSeverity.Error),
    );

    const editor = vscode.window.activeTextEditor!;
    const statusRange = diagnostics.find((d) => d.code === 'status')!.range;
    await editor.edit((edit) => edit.replace(statusRange, '"Completed"'));
    let remaining = diagnostics.length;
    for (let i = 0; i < 40 && remaining !== 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      remaining = vscode.languages.getDiagnostics(document.uri).length;
    }
    assert.equal(remaining, 2, 'checked again while editing');

    const syntax = await vscode.workspace.openTextDocument({ language: 'json', content: '{"items": [1, }' });
    await vscode.window.showTextDocument(syntax);
    const bad = await vscode.commands.executeCommand<{ problems: number; syntaxError?: string }>(
      'altinnInbox.validatePayload',
      { shape: 'dialogSearchPage' },
    );
    assert.ok(bad.syntaxError);
    assert.equal(vscode.languages.getDiagnostics(syntax.uri)[0].range.start.character, 14);
    for (const untitled of [syntax, document]) await discardDocument(untitled);
  });
});
