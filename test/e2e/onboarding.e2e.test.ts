import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { screenshot, workbench } from './fixture';

/** Runs a command from the Command Palette the way a user does: F1, type its title, choose it. */
async function runFromPalette(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget .quick-input-box input').waitFor();
  await page.keyboard.type(title);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().click();
}

/** The open quick input: waits for its title, then returns it. */
async function quickInput(page: Page, title: RegExp) {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ timeout: 30_000 });
  return widget;
}

/**
 * Takes the first item of a quick pick once it is rendered and focused: an Enter that comes before the rows (or
 * while the previous step's rows still show) picks nothing, and the flow waits forever.
 */
async function pickFirst(page: Page, title: RegExp, firstItem: string): Promise<void> {
  const widget = await quickInput(page, title);
  await widget
    .locator('.quick-input-list .monaco-list-row.focused', { hasText: firstItem })
    .first()
    .waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

async function answer(page: Page, title: RegExp, text: string): Promise<void> {
  const widget = await quickInput(page, title);
  const input = widget.locator('.quick-input-box input');
  await input.fill(text);
  await page.keyboard.press('Enter');
}

describe('e2e: onboarding walkthrough and servicedesk drafts', () => {
  before(async () => {
    const page = workbench();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    // The extension's contributions are in once its activity bar entry shows.
    await page.locator('.activitybar [aria-label^="Altinn"]').first().waitFor({ timeout: 60_000 });
  });

  after(async () => {
    // Leave the workbench as found for the specs after this one: no toasts, no draft, no walkthrough tab.
    const page = workbench();
    await runFromPalette(page, 'Notifications: Clear All Notifications').catch(() => undefined);
    for (const tab of ['servicedesk-scope-request', 'Welcome']) {
      const found = page.locator('.tab', { hasText: tab }).first();
      if (!(await found.isVisible().catch(() => false))) continue;
      await found.click();
      await runFromPalette(page, 'View: Revert and Close Editor').catch(() => undefined);
    }
    if (!(await page.locator('#workbench\\.parts\\.sidebar').isVisible()))
      await runFromPalette(page, 'View: Toggle Primary Side Bar Visibility').catch(() => undefined);
  });

  it("opens the onboarding walkthrough with its steps in the seed's order", async () => {
    const page = workbench();
    // Earlier specs may have widened the side bar; a narrow editor shows the walkthrough without its media.
    if (await page.locator('#workbench\\.parts\\.sidebar').isVisible())
      await runFromPalette(page, 'View: Close Primary Side Bar');
    await runFromPalette(page, 'Altinn: Open Onboarding Walkthrough');
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.getByText('Altinn for end-user system vendors').first().waitFor({ timeout: 30_000 });
    const titles = [
      'Follow the onboarding process',
      'Choose services to integrate',
      'Get access to scopes',
      'Maskinporten client and key',
      'Register your system and get a system user',
      'Test your end-user system',
      'Read the inbox',
      'Ask for help',
    ];
    const boxes = [];
    for (const title of titles) {
      const step = walkthrough.locator('.getting-started-step', { hasText: title }).first();
      await step.waitFor();
      boxes.push((await step.boundingBox())?.y ?? -1);
    }
    assert.deepEqual(
      [...boxes].sort((a, b) => a - b),
      boxes,
      "the steps are shown top to bottom in the seed's order",
    );
    // The first step is expanded: its text and its button are visible, and its media (markdown) is rendered beside it.
    await walkthrough.getByText('Open the onboarding process', { exact: true }).first().waitFor();
    await walkthrough.locator('.getting-started-step', { hasText: 'Get access to scopes' }).first().click();
    await walkthrough.getByRole('button', { name: 'Draft scope request' }).first().waitFor();
    // The step's media (media/walkthrough/scopes.md) renders beside the steps, in a webview.
    const media = page.frameLocator('.getting-started-media iframe.webview').first().frameLocator('#active-frame');
    await media.getByText('The draft does the writing').first().waitFor({ timeout: 30_000 });
    const path = await screenshot('walkthrough');
    assert.ok(existsSync(path) && statSync(path).size > 20_000, 'a real screenshot was written');
    await page.keyboard.press('Escape');
  });

  it('drafts a scope request through the quick picks and shows the e-mail in an editor with its actions', async () => {
    const page = workbench();
    await runFromPalette(page, 'Altinn: Draft Scope Request…');
    const scopes = await quickInput(page, /^Draft scope request \(1\/12\)/);
    // Each scope is one row with its one-line purpose; tick two, then OK (Enter would toggle the focused row).
    await scopes
      .locator('.monaco-list-row', { hasText: 'Read dialogs, transmissions and activities' })
      .first()
      .waitFor();
    for (const scope of ['digdir:dialogporten', 'altinn:correspondence.read']) {
      const checkbox = scopes.locator('.monaco-list-row', { hasText: scope }).first().locator('.monaco-checkbox');
      if ((await checkbox.getAttribute('aria-checked')) !== 'true') await checkbox.click(); // earlier specs' profiles may preselect
    }
    await scopes.getByRole('button', { name: 'OK' }).click();
    await pickFirst(page, /\(3\/12\)/, 'tt02');
    await answer(page, /\(4\/12\)/, '991825827');
    await pickFirst(page, /\(5\/12\)/, 'exists in tt02');
    await answer(page, /\(6\/12\)/, 'Regnskap & Lønn AS');
    await answer(page, /\(7\/12\)/, '2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b');
    await answer(page, /\(8\/12\)/, 'Hjelper Innboks');
    await answer(page, /\(9\/12\)/, 'Kari Nordmann');
    await answer(page, /\(10\/12\)/, 'kari.nordmann@example.no');
    await answer(page, /\(11\/12\)/, '');
    await pickFirst(page, /\(12\/12\)/, 'bokmål');

    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-lines', { hasText: 'Forespørsel om tilgang til scopes' }).waitFor({ timeout: 30_000 });
    const text = await editor.locator('.view-lines').innerText();
    const normalised = text.replace(/\u00a0/g, ' ');
    assert.match(normalised, /To: servicedesk@altinn\.no/);
    assert.match(
      normalised,
      /Subject: Forespørsel om tilgang til scopes i tt02 – Regnskap & Lønn AS \(org\.nr\. 991825827\)/,
    );
    assert.match(normalised, /- digdir:dialogporten – Lese dialoger/);
    const lenses = editor.locator('.codelens-decoration');
    await lenses.first().waitFor({ timeout: 30_000 });
    assert.match(await lenses.first().innerText(), /Open in mail client/);
    await page.locator('.tab', { hasText: 'servicedesk-scope-request' }).first().waitFor();
    await page
      .locator('.notifications-toasts')
      .getByText('Your e-mail to servicedesk@altinn.no is drafted', { exact: false })
      .first()
      .waitFor();
    const path = await screenshot('scope-request-email');
    assert.ok(existsSync(path) && statSync(path).size > 20_000, 'a real screenshot was written');

    // "Copy body" from the code lens puts the body on the real clipboard.
    await lenses.first().getByText('Copy body').click();
    await page.waitForTimeout(500);
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(clipboard, /^Hei,\n\nVi er Regnskap & Lønn AS \(org\.nr\. 991825827\)/);
    assert.doesNotMatch(clipboard, /^Subject:/m);
  });

  it('copies the body instead of opening the mail client once the edited e-mail is too long for a mailto: link, and says so', async () => {
    const page = workbench();
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(`\nPS: ${'Vi legger ved mer bakgrunn om integrasjonen vår. '.repeat(30)}\n`);
    await page.keyboard.press('Control+Home'); // back to the top, where the code lenses are
    const lens = editor
      .locator('.codelens-decoration')
      .first()
      .getByText('Open in mail client (too long: copies the body)');
    await lens.waitFor({ timeout: 30_000 });
    await lens.click();
    const notice = page
      .locator('.notifications-toasts')
      .getByText('too long for a mailto: link', { exact: false })
      .first();
    await notice.waitFor({ timeout: 30_000 });
    assert.match(await notice.innerText(), /so its body was copied to the clipboard instead/);
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(clipboard, /^Hei,\n/);
    assert.match(clipboard, /PS: Vi legger ved mer bakgrunn/);
    await page.waitForTimeout(800); // let the toast finish sliding in
    await screenshot('scope-request-too-long');
  });
});
