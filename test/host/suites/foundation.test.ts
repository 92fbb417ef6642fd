import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension } from './hostHelpers';

describe('foundation: the extension in a real VS Code extension host', () => {
  it('is installed, activates without `*`, and reports its version', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    assert.ok(!(extension.packageJSON.activationEvents ?? []).includes('*'), 'no * activation');
    const api = await activateExtension();
    assert.equal(extension.isActive, true);
    assert.equal(api.version, extension.packageJSON.version);
  });

  it('contributes the Altinn container with the Connections, Inbox and Systems views, which open', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const views = extension.packageJSON.contributes.views.altinnInbox.map((view: { id: string }) => view.id);
    assert.deepEqual(views, ['altinnInbox.connections', 'altinnInbox.inbox', 'altinnInbox.systems']);
    await vscode.commands.executeCommand('workbench.view.extension.altinnInbox');
    // VS Code generates a `<viewId>.focus` command for every registered view; it fails for unknown views.
    for (const view of views) await vscode.commands.executeCommand(`${view}.focus`);
  });

  it('registers its commands and runs one', async () => {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['altinnInbox.showLog', 'altinnInbox.useSandbox'])
      assert.ok(commands.includes(id), `${id} is registered`);
    await vscode.commands.executeCommand('altinnInbox.showLog');
  });

  it("stores and reads a value in the extension's SecretStorage", async () => {
    const api = await activateExtension();
    const hooks = api.testHooks;
    assert.ok(hooks, 'test hooks are exposed when ALTINN_INBOX_TEST_HOOKS=1');
    const key = `altinnInbox.test.${Date.now()}`;
    await hooks.secrets.store(key, 'not-a-real-secret');
    assert.equal(await hooks.secrets.get(key), 'not-a-real-secret');
    await hooks.secrets.delete(key);
    assert.equal(await hooks.secrets.get(key), undefined);
  });
});
