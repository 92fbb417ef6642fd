// Things the e2e specs do in the workbench the way a user would: the command palette, editors, panels.
import type { Frame, FrameLocator, Page } from 'playwright-core';

/** Runs a palette command by its title, answering its first input with `argument` if given. */
export async function runCommand(page: Page, title: string, argument?: string): Promise<void> {
  const input = page.locator('.quick-input-widget input').first();
  // A busy workbench (a notification or picker still closing) can miss the first F1.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    try {
      await input.fill(`>${title}`, { timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  const rows = page.locator('.quick-input-widget .monaco-list-row', { hasText: title });
  await rows
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(async (error: unknown) => {
      const widget = await page
        .locator('.quick-input-widget')
        .first()
        .innerText()
        .catch(() => '(none)');
      const dialogs = await page
        .locator('.monaco-dialog-box')
        .allInnerTexts()
        .catch(() => []);
      console.log(
        `DIAG runCommand(${title}): quick input: ${JSON.stringify(widget)}; dialogs: ${JSON.stringify(dialogs)}`,
      );
      await page.screenshot({ path: `test-results/diag-${title.replace(/\W+/g, '-')}.png` }).catch(() => undefined);
      throw error;
    });
  // "Altinn: Use the Sandbox" is also part of "Altinn: Use the Sandbox as an Accountant…", which the palette lists
  // first once it was used recently: click the row whose label is the title itself.
  const labels = await rows.evaluateAll((elements) =>
    elements.map((row) => row.querySelector('.label-name')?.textContent ?? (row as HTMLElement).innerText),
  );
  const exact = labels.findIndex((label) => sameCommandTitle(label, title));
  await rows.nth(Math.max(exact, 0)).click();
  if (argument !== undefined) {
    await page.locator('.quick-input-widget .quick-input-message, .quick-input-widget input').first().waitFor();
    await page.waitForTimeout(300);
    await input.fill(argument);
    await page.keyboard.press('Enter');
  }
}

/** A palette label and a title name one command when they match once the category ("View: ") and an ellipsis are put aside. */
function sameCommandTitle(label: string, title: string): boolean {
  const bare = (text: string) =>
    text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/(…|\.\.\.)$/, '')
      .replace(/^[^:]+: /, '');
  return bare(label) === bare(title);
}

export async function closeAllEditors(page: Page): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
  // An e-mail draft an earlier spec left (an untitled, edited document) makes VS Code ask to save it. Answered with
  // Escape the modal could come after the key and stay open, blocking every later click; the drafts are the tests'
  // own, so they are discarded.
  const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: "Don't Save" }).first();
  if (
    await dontSave.waitFor({ timeout: 1_000 }).then(
      () => true,
      () => false,
    )
  ) {
    await dontSave.click();
    await page.locator('.monaco-dialog-box').first().waitFor({ state: 'detached', timeout: 10_000 });
  }
  await page.keyboard.press('Escape');
}

/** Opens a workspace file by name with Quick Open and waits for its editor tab. */
export async function openWorkspaceFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const quickOpen = page.locator('.quick-input-widget input').first();
  await quickOpen.waitFor();
  await quickOpen.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance, .monaco-editor').first().waitFor({ timeout: 30_000 });
  await page.locator(`.tab[aria-label*="${name}"], .tab:has-text("${name}")`).first().waitFor({ timeout: 30_000 });
}

/**
 * Reloads the window by `click` (a "Reload Window" button) and waits for the new page's workbench. Waiting only for
 * workbench elements would find the old page's: VS Code first shuts the extension host down, which takes a while.
 */
export async function reloadWindowBy(page: Page, click: () => Promise<void>): Promise<void> {
  const loaded = page.waitForEvent('load', { timeout: 120_000 });
  const started = Date.now();
  await click();
  await loaded;
  console.log(`    [e2e] the window reloaded: its new page loaded ${Date.now() - started} ms after the click`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.activitybar [aria-label^="Altinn"]').first().waitFor({ timeout: 60_000 });
}

/** Specs share one workbench: leave no editor, notification or open picker behind for the next one. */
export async function leaveWorkbenchTidy(page: Page): Promise<void> {
  await closeAllEditors(page);
  await runCommand(page, 'Notifications: Clear All Notifications');
  // Focus back in the (empty) editor area: a focused side-bar pane shows its header actions, where a later click on
  // the header would land.
  await runCommand(page, 'View: Focus Active Editor Group');
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  await page.waitForTimeout(500);
}

/** The newest webview panel's document: the webview's outer iframe, then VS Code's inner frame holding ours. */
export function panelFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe');
}

/** The Playwright Frame of the open webview whose document has `selector` (the dialog panel: `#dialog-root .dialog`). */
export async function webviewFrameWith(page: Page, selector: string): Promise<Frame> {
  for (let i = 0; i < 75; i++) {
    const frame = page.frames().find((f) => f.url().includes('/webview/browser/pre/fake.html') && !f.isDetached());
    if (
      frame &&
      (await frame
        .locator(selector)
        .count()
        .catch(() => 0)) > 0
    )
      return frame;
    await page.waitForTimeout(200);
  }
  throw new Error(`no webview frame with ${selector}`);
}
