import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { screenshot, workbench } from './fixture';
import { pane, resizeSidebar, rowTexts } from './sidebar';
import { runCommand } from './workbenchActions';

// The accountant's Inbox for the README: the sandbox restarted with an accounting firm whose agent system user acts
// for 5,000 client organisations, through the palette as a user would.

describe("e2e: the accountant's Inbox (5,000 client organisations)", () => {
  let restore: (() => Promise<void>) | undefined;

  // Later specs expect the plain sandbox, the person's profile and the layout they started with.
  after(async function () {
    this.timeout(120_000);
    await restore?.();
  });

  it('shows the party quick filter, the groups with counts and All parties across the clients', async () => {
    const page = workbench();
    await page.keyboard.press('Escape');
    const altinn = page.locator('.activitybar [aria-label^="Altinn"]').first();
    await altinn.waitFor({ timeout: 60_000 });
    const sidebar = page.locator('#workbench\\.parts\\.sidebar');
    if (!(await sidebar.isVisible()) || !(await sidebar.getByText('Inbox', { exact: false }).first().isVisible()))
      await altinn.click();
    const originalWidth = (await sidebar.boundingBox())?.width;
    restore = async () => {
      await page.keyboard.press('Escape');
      await runCommand(page, 'Use the Sandbox as an Accountant', '0');
      await page
        .locator('.monaco-list-row', { hasText: /^Filter parties/ })
        .first()
        .waitFor({ state: 'detached', timeout: 60_000 });
      if (originalWidth) await resizeSidebar(page, originalWidth);
    };
    await runCommand(page, 'Use the Sandbox as an Accountant', '5000');
    const inbox = pane(page, /^Inbox/i);
    await inbox.waitFor({ timeout: 30_000 });
    const connectionsHeader = page
      .locator('#workbench\\.parts\\.sidebar .pane-header', { hasText: /^Connections/i })
      .first();
    if ((await connectionsHeader.getAttribute('aria-expanded').catch(() => null)) === 'true')
      await connectionsHeader.click({ position: { x: 12, y: 10 } });
    const inboxHeader = inbox.locator('.pane-header');
    if ((await inboxHeader.getAttribute('aria-expanded').catch(() => null)) !== 'true')
      await inboxHeader.click({ position: { x: 12, y: 10 } });
    if (originalWidth && originalWidth < 580) await resizeSidebar(page, 600);

    const filterRow = inbox.locator('.monaco-list-row', { hasText: /^Filter parties/ }).first();
    await filterRow.waitFor({ timeout: 90_000 });
    const organisations = inbox.locator('.monaco-list-row[aria-level="1"]', { hasText: /^Organisations/ }).first();
    await organisations.waitFor({ timeout: 30_000 });
    await organisations.click();
    const letter = inbox.locator('.monaco-list-row[aria-level="2"]', { hasText: /parties$/ }).first();
    await letter.waitFor({ timeout: 30_000 });
    await organisations.click(); // fold it again: All parties below gets the room
    const all = inbox.locator('.monaco-list-row[aria-level="1"]', { hasText: /^All parties/ }).first();
    await all.click();
    const dialogRows = inbox.locator('.monaco-list-row[aria-level="2"]').filter({ hasText: ' · ' });
    await dialogRows.first().waitFor({ timeout: 60_000 });
    await inbox.locator('.monaco-list').focus();

    const top = await rowTexts(inbox.locator('.monaco-list-row[aria-level="1"]'));
    assert.match(top[0], /^Filter parties…\s*\d[\d,  ]* parties/, `the quick filter comes first: ${top.join(' | ')}`);
    assert.ok(
      top.some((row) => /^Organisations\s*\d[\d,  ]* parties/.test(row)),
      `an Organisations group with its count: ${top.join(' | ')}`,
    );
    assert.ok(top.some((row) => /^All parties/.test(row)));
    const dialogs = await rowTexts(dialogRows);
    assert.ok(dialogs.length >= 5, `dialogs across parties: ${dialogs.slice(0, 3).join(' | ')}`);
    const path = await screenshot('accountant-inbox');
    assert.ok(existsSync(path) && statSync(path).size > 10_000, 'a real screenshot was written');
  });
});
