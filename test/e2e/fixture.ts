// Root hooks for the e2e tier: one code-server with the packaged extension, one Chromium page on its workbench.
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-results', 'screenshots');

interface Session {
  page: Page;
  consoleErrors: string[];
  stop(): Promise<void>;
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
  console.log(`    [e2e] screenshot ${relative(process.cwd(), path)} (${statSync(path).size} bytes)`);
  return path;
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(10 * 60_000);
    const { packageVsix } = await import('../../scripts/package-vsix.mjs');
    const { startCodeServer } = await import('../harness/codeServer.mjs');
    const { openWorkbench } = await import('../harness/workbench.mjs');
    const workspace = mkdtempSync(join(tmpdir(), 'aii-e2e-ws-'));
    writeFileSync(join(workspace, 'README.md'), '# e2e workspace\n');
    const server = await startCodeServer({ vsixFiles: [packageVsix({ quiet: true })], workspace });
    const opened = await openWorkbench({ url: server.url });
    console.log(`    [e2e] code-server (VS Code ${server.vscodeVersion}) with Chromium at ${server.url}`);
    session = {
      page: opened.page,
      consoleErrors: opened.consoleErrors,
      async stop() {
        await opened.close();
        await server.stop();
      },
    };
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(60_000);
    await session?.stop();
    session = undefined;
  },
};
