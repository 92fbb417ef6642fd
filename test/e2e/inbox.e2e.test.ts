import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { screenshot, workbench } from './fixture';
import { pane, resizeSidebar, rowTexts, setExpanded } from './sidebar';

describe('e2e: the Inbox tree in the VS Code UI', () => {
  let restore: (() => Promise<void>) | undefined;

  // Later specs read editor text and expect the layout they started with.
  after(async () => {
    await restore?.();
  });

  it("expands the sandbox inbox down to a dialog's transmissions", async () => {
    const page = workbench();
    await page.keyboard.press('Escape');
    const altinn = page.locator('.activitybar [aria-label^="Altinn"]').first();
    await altinn.waitFor({ timeout: 60_000 });
    const sidebar = page.locator('#workbench\\.parts\\.sidebar');
    if (!(await sidebar.isVisible()) || !(await sidebar.getByText('Inbox', { exact: false }).first().isVisible()))
      await altinn.click();
    const inbox = pane(page, /^Inbox/i);
    await inbox.waitFor({ timeout: 30_000 });
    const connectionsHeader = page
      .locator('#workbench\\.parts\\.sidebar .pane-header', { hasText: /^Connections/i })
      .first();
    const connectionsWereExpanded =
      (await connectionsHeader.getAttribute('aria-expanded').catch(() => null)) === 'true';
    const originalWidth = (await sidebar.boundingBox())?.width;
    restore = async () => {
      await page.keyboard.press('Escape');
      if (originalWidth) await resizeSidebar(page, originalWidth);
      await setExpanded(connectionsHeader, connectionsWereExpanded);
    };
    await setExpanded(connectionsHeader, false);
    await setExpanded(inbox.locator('.pane-header'), true);
    // Widen the side bar so descriptions (sender · date) are readable.
    if (originalWidth && originalWidth < 580) await resizeSidebar(page, 590);

    // The first party (the sandbox person) opens by itself; a new user needs no credentials to get here.
    const partyRow = inbox.locator('.monaco-list-row[aria-level="1"]').first();
    await partyRow.waitFor({ timeout: 60_000 });
    if ((await partyRow.getAttribute('aria-expanded')) !== 'true') await partyRow.click();
    const dialogRows = inbox.locator('.monaco-list-row[aria-level="2"]').filter({ hasText: ' · ' });
    await dialogRows.first().waitFor({ timeout: 60_000 });
    assert.match(
      (await rowTexts(inbox.locator('.monaco-list-row[aria-level="2"]')))[0],
      /^Correspondence/,
      'correspondence comes first under the party',
    );

    let expanded: Locator | undefined;
    for (let i = 0; i < 12 && !expanded; i++) {
      const row = dialogRows.nth(i);
      await row.click();
      const group = inbox.locator('.monaco-list-row[aria-level="3"]', { hasText: /^Transmissions/ }).first();
      await group.waitFor({ timeout: 15_000 });
      const count = Number(/Transmissions\s*(\d+)/.exec((await group.innerText()).replace(/\s+/g, ' '))?.[1] ?? 0);
      if (count >= 2) {
        await group.click();
        await inbox.locator('.monaco-list-row[aria-level="4"]').first().waitFor({ timeout: 15_000 });
        expanded = row;
      } else {
        await row.click();
      }
    }
    assert.ok(expanded, 'a dialog with transmissions');
    await page.mouse.move(5, 5);

    const dialogText = (await expanded.innerText()).replace(/\s+/g, ' ').trim();
    assert.match(dialogText, / · /, `the dialog row has sender and date: ${dialogText}`);
    const groups = await rowTexts(inbox.locator('.monaco-list-row[aria-level="3"]'));
    for (const name of ['Transmissions', 'Attachments', 'Activities', 'Seen log', 'Label log']) {
      assert.ok(
        groups.some((g) => g.startsWith(name)),
        `${name} under the dialog: ${groups.join(' | ')}`,
      );
    }
    // Open the transmissions that have related ones (replies, corrections) or attachments below them.
    const closed = inbox.locator('.monaco-list-row[aria-level="4"][aria-expanded="false"]');
    for (let i = 0; i < 3 && (await closed.count()) > 0; i++) {
      await closed.first().click();
      await inbox.locator('.monaco-list-row[aria-level="5"]').first().waitFor({ timeout: 10_000 });
    }
    await page.mouse.move(5, 5);
    const below = await rowTexts(inbox.locator('.monaco-list-row[aria-level="4"], .monaco-list-row[aria-level="5"]'));
    const transmissions = below.filter((text) =>
      /(Information|Acceptance|Rejection|Request|Alert|Decision|Submission|Correction) · [^·]+ · /.test(text),
    );
    assert.ok(transmissions.length >= 2, `transmissions with type · sender · date: ${below.join(' | ')}`);
    assert.ok(!transmissions.some((text) => /· service owner ·/.test(text)), 'the service owner is named');
    const path = await screenshot('inbox');
    assert.ok(existsSync(path) && statSync(path).size > 10_000, 'a real screenshot was written');

    // "Copy as curl" from the row's context menu puts a redacted command on the real clipboard.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    let clipboard = '';
    // The context menu can close before its click lands while the tree is still re-rendering: try it up to three times.
    for (let attempt = 0; attempt < 3 && !clipboard.startsWith('curl'); attempt++) {
      await page.keyboard.press('Escape');
      await expanded.click({ button: 'right' });
      const item = page.locator('.monaco-menu .action-label', { hasText: /^Copy as curl$/ }).first();
      await item.waitFor({ timeout: 10_000 });
      await item.click();
      await page.bringToFront();
      for (let i = 0; i < 30 && !clipboard.startsWith('curl'); i++) {
        await page.waitForTimeout(200);
        clipboard = await page.evaluate(() => navigator.clipboard.readText()).catch(() => '');
      }
    }
    assert.match(
      clipboard,
      /^curl 'http:\/\/127\.0\.0\.1:\d+\/dialogporten\/api\/v1\/enduser\/dialogs\?party=urn%3Aaltinn%3Aperson/,
    );
    assert.match(clipboard, /-H "authorization: Bearer \$TOKEN"/);
    assert.doesNotMatch(clipboard, /eyJ[\w-]{5,}\./, 'no token on the clipboard');
  });
});
