// Root hooks for the e2e tier: one code-server with the packaged extension, one Chromium page on its workbench.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-results', 'screenshots');

interface Session {
  page: Page;
  consoleErrors: string[];
  /** Stops both, scans what they left for the run's secrets, removes it and returns the verdict. */
  stop(): Promise<{ summary: string; failures: string[] }>;
}

let session: Session | undefined;

export function workbench(): Page {
  if (!session) throw new Error('the e2e workbench is not running');
  return session.page;
}

export async function screenshot(name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await workbench().screenshot({ path });
  // What the picture shows, as markup of every frame (webviews included): the secret scan reads it after the run.
  const frames = await Promise.all(
    workbench()
      .frames()
      .map(
        async (frame) =>
          `<!-- frame ${frame.url()} -->\n${await frame.content().catch((error: Error) => `(unreadable: ${error.message})`)}`,
      ),
  );
  writeFileSync(join(SCREENSHOT_DIR, `${name}.dom.html`), frames.join('\n'));
  console.log(
    `    [e2e] screenshot ${relative(process.cwd(), path)} (${statSync(path).size} bytes, ${frames.length} frames of DOM text)`,
  );
  return path;
}

/** The workbench's state in words: open picker, notifications, dialogs, editor tabs and webviews. */
async function describeWorkbench(page: Page): Promise<string> {
  const texts = async (selector: string) =>
    (await page.locator(selector).allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim().slice(0, 300));
  const quickInput = page.locator('.quick-input-widget');
  const picker = (await quickInput
    .first()
    .isVisible()
    .catch(() => false))
    ? `${JSON.stringify(await quickInput.first().innerText())}, value ${JSON.stringify(
        await quickInput
          .locator('input')
          .first()
          .inputValue()
          .catch(() => '?'),
      )}`
    : 'closed';
  const webviews = await Promise.all(
    page
      .frames()
      .filter((frame) => frame.url().includes('/webview/browser/pre/fake.html') && !frame.isDetached())
      .map(async (frame) =>
        (
          await frame
            .locator('body')
            .innerText()
            .catch(() => '?')
        )
          .replace(/\s+/g, ' ')
          .slice(0, 200),
      ),
  );
  return [
    `    [e2e] the workbench at the failure:`,
    `      picker: ${picker}`,
    `      notifications: ${JSON.stringify(await texts('.notifications-toasts .notification-list-item, .notifications-center .notification-list-item'))}`,
    `      dialogs: ${JSON.stringify(await texts('.monaco-dialog-box'))}`,
    `      editor tabs: ${JSON.stringify(await texts('.tabs-container .tab'))}`,
    `      webviews (${webviews.length}): ${JSON.stringify(webviews)}`,
    `      side bar: ${JSON.stringify((await texts('#workbench\\.parts\\.sidebar .monaco-list-row')).slice(0, 12))}`,
  ].join('\n');
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(10 * 60_000);
    const { packageVsix } = await import('../../scripts/package-vsix.mjs');
    const { startCodeServer } = await import('../harness/codeServer.mjs');
    const { openWorkbench } = await import('../harness/workbench.mjs');
    const { stopAndScanForSecrets } = await import('../harness/secretScan.mjs');
    const workspace = mkdtempSync(join(tmpdir(), 'aii-e2e-ws-'));
    writeFileSync(join(workspace, 'README.md'), '# e2e workspace\n');
    const ledgerFile = join(mkdtempSync(join(tmpdir(), 'aii-e2e-ledger-')), 'secret-ledger.jsonl');
    // Tokens the tests make in this process (against an in-process sandbox) are noted too, so the scan looks for them.
    process.env.ALTINN_INBOX_TEST_HOOKS = '1';
    process.env.ALTINN_TEST_SECRET_LEDGER = ledgerFile;
    rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
    const server = await startCodeServer({
      vsixFiles: [packageVsix({ quiet: true })],
      workspace,
      env: { ALTINN_INBOX_TEST_HOOKS: '1', ALTINN_TEST_SECRET_LEDGER: ledgerFile },
    });
    const opened = await openWorkbench({ url: server.url });
    console.log(`    [e2e] code-server (VS Code ${server.vscodeVersion}) with Chromium at ${server.url}`);
    session = {
      page: opened.page,
      consoleErrors: opened.consoleErrors,
      async stop() {
        try {
          return await stopAndScanForSecrets('e2e', {
            ledgerFile,
            server,
            workbench: opened,
            workspace,
            extraRoots: [{ label: 'screenshots', path: SCREENSHOT_DIR }],
          });
        } finally {
          opened.removeProfile();
          await server.stop({ removeProfile: true });
          rmSync(dirname(ledgerFile), { recursive: true, force: true });
        }
      },
    };
  },
  // CI keeps only the log: a failing test prints what the workbench showed (its picture is scanned with the rest).
  async afterEach(this: Mocha.Context) {
    if (this.currentTest?.state !== 'failed' || !session) return;
    const name = `failed-${(this.currentTest.title ?? 'test').replace(/\W+/g, '-').slice(0, 60)}`;
    await screenshot(name).catch(() => undefined);
    console.log(
      await describeWorkbench(session.page).catch((error: Error) => `    [e2e] (unreadable: ${error.message})`),
    );
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(120_000);
    const secrets = await session?.stop();
    session = undefined;
    if (!secrets) return;
    console.log(`    ${secrets.summary}`);
    if (secrets.failures.length)
      throw new Error(
        `the secret scan after the e2e run failed:\n${secrets.failures.map((leak) => `  - ${leak}`).join('\n')}`,
      );
  },
};
