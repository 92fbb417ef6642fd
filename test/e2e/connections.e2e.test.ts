import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { screenshot, workbench } from './fixture';

/** The Connections view's pane in the Altinn side bar. */
function connectionsPane(page: Page): Locator {
  return page
    .locator('#workbench\\.parts\\.sidebar .pane')
    .filter({ has: page.locator('.pane-header', { hasText: /^Connections/i }) })
    .first();
}

async function rowTexts(pane: Locator): Promise<string[]> {
  return pane
    .locator('.monaco-list-row')
    .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
}

describe('e2e: the Connections view with a working sandbox profile', () => {
  it('shows the active sandbox profile with "valid until" and the feature checklist under its scopes', async () => {
    const page = workbench();
    // Leftovers of earlier specs (an open quick pick or dialog) must not cover the view.
    await page.keyboard.press('Escape');
    const altinn = page.locator('.activitybar [aria-label^="Altinn"]').first();
    await altinn.waitFor({ timeout: 60_000 });
    const sidebar = page.locator('#workbench\\.parts\\.sidebar');
    if (!(await sidebar.isVisible()) || !(await sidebar.getByText('Connections', { exact: false }).first().isVisible()))
      await altinn.click();
    const pane = connectionsPane(page);
    await pane.waitFor({ timeout: 30_000 });

    // A fresh profile: "Use the sandbox" from the welcome view (or the view's title action when profiles exist).
    const welcomeLink = pane.getByRole('button', { name: 'Use the sandbox' });
    if (await welcomeLink.isVisible().catch(() => false)) {
      await welcomeLink.click();
    } else {
      await pane.locator('.pane-header').hover();
      await pane.locator('.pane-header .action-label[aria-label^="Use the Sandbox"]').click();
    }

    const tokenRow = pane.locator('.monaco-list-row', { hasText: /Token valid until \d{1,2}[:.]\d{2}/ }).first();
    await tokenRow.waitFor({ timeout: 60_000 });
    const scopesRow = pane.locator('.monaco-list-row', { hasText: /^\s*Scopes/ }).first();
    await scopesRow.waitFor({ timeout: 10_000 });
    if ((await scopesRow.getAttribute('aria-expanded')) !== 'true') await scopesRow.click();
    await pane.locator('.monaco-list-row', { hasText: 'Dialogporten inbox' }).first().waitFor({ timeout: 10_000 });
    // Give the Connections view the room: collapse the Inbox view below it.
    const inboxHeader = page.locator('#workbench\\.parts\\.sidebar .pane-header', { hasText: /^Inbox/i }).first();
    if ((await inboxHeader.getAttribute('aria-expanded').catch(() => null)) === 'true') await inboxHeader.click();
    // Widen the side bar so the rows' descriptions are readable in the screenshot.
    const sash = page
      .locator('.monaco-sash.vertical')
      .filter({ has: page.locator('xpath=.') })
      .first();
    const sidebarBox = await sidebar.boundingBox();
    if (sidebarBox && sidebarBox.width < 520 && (await sash.count())) {
      const x = sidebarBox.x + sidebarBox.width;
      const y = sidebarBox.y + sidebarBox.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + 260, y, { steps: 8 });
      await page.mouse.up();
    }
    await page.keyboard.press('Escape');
    await pane.locator('.monaco-list').focus();
    await pane.locator('.pane-header').hover();

    const rows = await rowTexts(pane);
    assert.ok(
      rows.some((row) => /^Sandbox\b/.test(row)),
      `an environment row: ${rows.join(' | ')}`,
    );
    assert.ok(
      rows.some((row) => /Sandbox person.*● active/.test(row)),
      `the active profile is marked: ${rows.join(' | ')}`,
    );
    assert.ok(
      rows.some((row) => /Token valid until \d{1,2}[:.]\d{2}/.test(row)),
      'the token row says until when it is valid',
    );
    assert.ok(
      rows.some((row) => /Identity.*person \d{11}/.test(row)),
      `the identity comes from the token: ${rows.join(' | ')}`,
    );
    assert.ok(
      rows.some((row) => /^✓ Dialogporten inbox.*ready/.test(row)),
      `the feature checklist ticks the inbox: ${rows.join(' | ')}`,
    );
    assert.ok(
      rows.some((row) => /^✓ Altinn Correspondence/.test(row)),
      'and Correspondence',
    );
    assert.ok(
      rows.some((row) => /^digdir:dialogporten\b/.test(row)),
      "the token's scopes are listed with their meaning",
    );
    const path = await screenshot('connections');
    assert.ok(existsSync(path) && statSync(path).size > 10_000, 'a real screenshot was written');
  });

  it('opens the token inspector from the token row: claims explained, live countdown, signature verified', async () => {
    const page = workbench();
    const pane = connectionsPane(page);
    await pane
      .locator('.monaco-list-row', { hasText: /Token valid until/ })
      .first()
      .click();
    const frame = page.frameLocator('iframe.webview').last().frameLocator('iframe').first();
    await frame.locator('#verdict.verified').waitFor({ timeout: 30_000 });
    assert.match(
      await frame.locator('#verdict').innerText(),
      /Signature verified: signed by http:\/\/127\.0\.0\.1:\d+/,
    );
    const first = await frame.locator('#expiry').innerText();
    assert.match(first, /^Expires in \d+ min \d+ s/);
    await page.waitForTimeout(2100);
    assert.notEqual(await frame.locator('#expiry').innerText(), first, 'the countdown is live');
    assert.match(await frame.locator('#claims').innerText(), /pid[\s\S]*National identity number/);
    const body = await frame.locator('body').innerText();
    assert.doesNotMatch(body, /eyJ[\w-]{10,}\./, 'no token text in the webview');
    const path = await screenshot('token-inspector');
    assert.ok(existsSync(path) && statSync(path).size > 10_000);
  });

  after(async () => {
    // Leave the workbench as later specs expect it: the inspector closed and keyboard focus out of its webview.
    const page = workbench();
    const tab = page.locator('.tabs-container .tab', { hasText: /^Token:/ }).first();
    if (await tab.count()) {
      await tab.hover();
      await tab
        .locator('.tab-actions .action-label')
        .first()
        .click()
        .catch(() => undefined);
    }
    await connectionsPane(page)
      .locator('.monaco-list')
      .focus()
      .catch(() => undefined);
  });
});
