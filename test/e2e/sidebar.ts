// The side bar's views as a user sees them: find a view's pane, read its rows, fold it, size the side bar.
import type { Locator, Page } from 'playwright-core';

/** The side-bar pane whose header reads `title`. */
export function pane(page: Page, title: RegExp): Locator {
  return page
    .locator('#workbench\\.parts\\.sidebar .pane')
    .filter({ has: page.locator('.pane-header', { hasText: title }) })
    .first();
}

/** Each row's visible text, whitespace folded. */
export async function rowTexts(rows: Locator): Promise<string[]> {
  return rows.evaluateAll((elements) =>
    elements.map((row) => (row as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
  );
}

export async function setExpanded(header: Locator, expanded: boolean): Promise<void> {
  // Click the twistie end of the header: its middle may hold the view's title actions (e.g. "Add Maskinporten client").
  if (((await header.getAttribute('aria-expanded').catch(() => null)) === 'true') !== expanded)
    await header.click({ position: { x: 12, y: 10 } });
}

/** Drags the side bar's edge so it is `width` pixels wide. */
export async function resizeSidebar(page: Page, width: number): Promise<void> {
  const box = await page.locator('#workbench\\.parts\\.sidebar').boundingBox();
  if (!box || Math.abs(box.width - width) < 4) return;
  const x = box.x + box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
}
