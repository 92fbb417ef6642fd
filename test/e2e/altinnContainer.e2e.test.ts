import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { screenshot, workbench } from './fixture';

describe('e2e: the Altinn container in the VS Code UI', () => {
  it('opens from the activity bar and, with no credentials at all, shows a working sandbox inbox and its connection', async () => {
    const page = workbench();
    const altinn = page.locator('.activitybar [aria-label^="Altinn"]').first();
    await altinn.waitFor({ timeout: 60_000 });
    await altinn.click();
    const sidebar = page.locator('#workbench\\.parts\\.sidebar');
    const inbox = sidebar
      .locator('.pane')
      .filter({ has: page.locator('.pane-header', { hasText: /^Inbox/i }) })
      .first();
    const connections = sidebar
      .locator('.pane')
      .filter({ has: page.locator('.pane-header', { hasText: /^Connections/i }) })
      .first();
    await inbox.waitFor();
    await connections.waitFor();
    // No profile exists yet: expanding the Inbox creates the sandbox's ready-made identities and lists the person's party.
    const partyRow = inbox.locator('.monaco-list-row').first();
    await partyRow.waitFor({ timeout: 60_000 });
    await connections
      .locator('.monaco-list-row', { hasText: /Sandbox person/ })
      .first()
      .waitFor({ timeout: 30_000 });
    const statusBar = page.locator('.statusbar-item', { hasText: /Altinn Sandbox/ }).first();
    assert.match(await statusBar.innerText(), /Altinn Sandbox: Sandbox person/);
    assert.ok((await inbox.locator('.monaco-list-row').count()) > 1, 'the party and its dialogs are listed');
    const path = await screenshot('altinn-container');
    assert.ok(existsSync(path) && statSync(path).size > 10_000, 'a real screenshot was written');
  });
});
