import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { screenshot, workbench } from './fixture';

describe('e2e: the Altinn container in the VS Code UI', () => {
  it('opens from the activity bar and shows the Connections and Inbox views with their welcome content', async () => {
    const page = workbench();
    const altinn = page.locator('.activitybar [aria-label^="Altinn"]').first();
    await altinn.waitFor({ timeout: 60_000 });
    await altinn.click();
    const sidebar = page.locator('#workbench\\.parts\\.sidebar');
    await sidebar.getByText('Connections', { exact: false }).first().waitFor();
    await sidebar.getByText('Inbox', { exact: false }).first().waitFor();
    const welcome = sidebar.locator('.welcome-view-content').first();
    await welcome.waitFor();
    assert.match(await welcome.innerText(), /sandbox/i);
    const link = sidebar.getByRole('button', { name: 'Use the sandbox' }).first();
    assert.ok(await link.isVisible(), 'the welcome view offers "Use the sandbox"');
    const path = await screenshot('altinn-container');
    assert.ok(existsSync(path) && statSync(path).size > 10_000, 'a real screenshot was written');
  });
});
