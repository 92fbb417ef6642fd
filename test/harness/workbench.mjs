// Opens the VS Code workbench served by code-server in Debian's Chromium, driven by playwright-core.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostPaths } from '../../scripts/provision-host.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** @param {{ url: string, viewport?: { width: number, height: number } }} options */
export async function openWorkbench(options) {
  const profile = mkdtempSync(join(tmpdir(), 'aii-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: hostPaths().chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    // Lets VS Code's clipboard API answer inside the browser, so tests can read what a command copied.
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(options.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return {
    page,
    context,
    consoleErrors,
    /** The browser's profile folder (IndexedDB, Local Storage, caches): kept until close() removes it. */
    profile,
    async close({ removeProfile = true } = {}) {
      await context.close().catch(() => undefined);
      if (removeProfile) rmSync(profile, { recursive: true, force: true });
    },
    removeProfile() {
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
