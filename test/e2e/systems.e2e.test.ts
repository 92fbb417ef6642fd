import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { screenshot, workbench } from './fixture';
import { pane, rowTexts, setExpanded } from './sidebar';
import { runCommand } from './workbenchActions';

describe('e2e: the Systems view (issue #16)', () => {
  it("lists the sandbox vendor's system with its client id, rights, system users and requests", async () => {
    const page = workbench();
    await page.keyboard.press('Escape');
    // On a fresh workbench the palette lists the extension's commands only once the Altinn container is there.
    const altinn = page.locator('.activitybar [aria-label^="Altinn"]').first();
    await altinn.waitFor({ timeout: 60_000 });
    await runCommand(page, 'Altinn: Use the Sandbox');
    const sidebar = page.locator('#workbench\\.parts\\.sidebar');
    if (!(await sidebar.isVisible()) || !(await sidebar.getByText('Systems', { exact: false }).first().isVisible()))
      await altinn.click();
    // Give the Systems view the room: collapse the views above it.
    for (const title of [/^Inbox/i, /^Connections/i])
      await setExpanded(pane(page, title).locator('.pane-header'), false);
    const systems = pane(page, /^Systems/i);
    await setExpanded(systems.locator('.pane-header'), true);
    const system = systems.locator('.monaco-list-row', { hasText: /Altinn Inbox Inspector/ }).first();
    await system.waitFor({ timeout: 60_000 });
    await systems
      .locator('.monaco-list-row', { hasText: /Client ids: / })
      .first()
      .waitFor({ timeout: 10_000 });
    const users = systems.locator('.monaco-list-row', { hasText: /^\s*System users/ }).first();
    await users.waitFor({ timeout: 10_000 });
    const rows = await rowTexts(systems.locator('.monaco-list-row'));
    assert.ok(
      rows.some((row) => /_altinn_inbox_inspector/.test(row)),
      `the system id is shown: ${rows.join(' | ')}`,
    );
    assert.ok(
      rows.some((row) => /^\d{9}\s*standard · created \d{4}-\d{2}-\d{2}/.test(row)),
      `system users with their customer, type and date: ${rows.join(' | ')}`,
    );
    assert.ok(
      rows.some((row) => /^Rights\s*\d+/.test(row)),
      'the rights group says how many',
    );
    // A quick input an earlier spec left open would cover the screenshot.
    await page.keyboard.press('Escape');
    await systems.locator('.monaco-list').focus();
    assert.equal(await page.locator('.quick-input-widget').isVisible(), false, 'no quick input covers the screenshot');
    const path = await screenshot('systems');
    assert.ok(existsSync(path) && statSync(path).size > 10_000, 'a real screenshot was written');
  });
});
