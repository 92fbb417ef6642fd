import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import type { FrameLocator, Page } from 'playwright-core';
import { startSandbox, type SandboxHandle } from '../../src/sandbox';
import { screenshot, workbench } from './fixture';
import { closeAllEditors, leaveWorkbenchTidy, panelFrame, runCommand } from './workbenchActions';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Which sandbox dialogs have which kind of content: the embedded sandbox generates the same data from the same seed. */
interface Pick {
  id: string;
  titleEn: string;
  additionalInfo?: { mediaType: string; nb: string };
  mainContent?: { mediaType: string; languages: string[] };
  fceText?: string;
}

async function findDialogs(): Promise<{ markdown: Pick; html: Pick; fce: Pick }> {
  const handle: SandboxHandle = await startSandbox({});
  try {
    const pid = handle.context.world.defaultPerson.nationalIdentityNumber;
    const token = (
      await (
        await fetch(
          `${handle.urls.baseUrl}/testtools/token/personal?pid=${pid}&scopes=${encodeURIComponent(handle.defaultClient.scopes.join(' '))}`,
        )
      ).text()
    ).trim();
    const headers = { authorization: `Bearer ${token}` };
    const party = `urn:altinn:person:identifier-no:${pid}`;
    const page = (await (
      await fetch(
        `${handle.urls.dialogportenBase}/api/v1/enduser/dialogs?party=${encodeURIComponent(party)}&limit=100`,
        { headers },
      )
    ).json()) as Json;
    const picks: Partial<Record<'markdown' | 'html' | 'fce', Pick>> = {};
    for (const item of page.items as Json[]) {
      const dialog = (await (
        await fetch(`${handle.urls.dialogportenBase}/api/v1/enduser/dialogs/${item.id}`, { headers })
      ).json()) as Json;
      const title =
        (dialog.content.title.value as Json[]).find((v) => v.languageCode === 'en')?.value ??
        dialog.content.title.value[0].value;
      const info = dialog.content.additionalInfo;
      const main = dialog.content.mainContentReference;
      const pick: Pick = {
        id: dialog.id,
        titleEn: title,
        additionalInfo: info ? { mediaType: info.mediaType, nb: info.value[0].value } : undefined,
        mainContent: main
          ? { mediaType: main.mediaType, languages: (main.value as Json[]).map((v) => v.languageCode) }
          : undefined,
      };
      if (!picks.markdown && info?.mediaType === 'text/markdown' && !main) picks.markdown = pick;
      // Legacy HTML additional info, preferably with an HTML front-channel embed as main content too.
      if (
        info?.mediaType === 'text/html' &&
        (!picks.html ||
          (String(main?.mediaType).endsWith('type=text/html') &&
            !String(picks.html.mainContent?.mediaType).endsWith('type=text/html')))
      )
        picks.html = pick;
      const languages = ((main?.value ?? []) as Json[]).map((v) => v.languageCode);
      if (
        !picks.fce &&
        String(main?.mediaType).endsWith('type=text/markdown') &&
        main.isAuthorized !== false &&
        !info &&
        languages.includes('nb') &&
        languages.includes('en')
      ) {
        const url = (main.value as Json[]).find((v) => v.languageCode === 'en')?.value ?? main.value[0].value;
        const response = await fetch(url, { headers: { authorization: `Bearer ${dialog.dialogToken}` } });
        if (response.status === 200) {
          pick.fceText = await response.text();
          picks.fce = pick;
        }
      }
      if (picks.markdown && picks.fce && String(picks.html?.mainContent?.mediaType).endsWith('type=text/html')) break;
    }
    assert.ok(
      picks.markdown && picks.html && picks.fce,
      `sandbox dialogs of each kind: ${Object.keys(picks).join(', ')}`,
    );
    return picks as { markdown: Pick; html: Pick; fce: Pick };
  } finally {
    await handle.close();
  }
}

async function openDialog(page: Page, pick: Pick): Promise<FrameLocator> {
  await closeAllEditors(page);
  await runCommand(page, 'Altinn: Open Dialog…', pick.id);
  const frame = panelFrame(page);
  const title = frame.locator('h1.dialog-title');
  await title.waitFor({ timeout: 60_000 });
  assert.equal((await title.innerText()).trim(), pick.titleEn, 'the embedded sandbox serves the same dialog');
  // The "opening marks it seen" notice is shown once; keep screenshots clean.
  await page.keyboard.press('Escape');
  return frame;
}

describe('e2e: the dialog panel renders sandbox dialogs in a real webview', function () {
  this.timeout(240_000);
  let picks: Awaited<ReturnType<typeof findDialogs>>;

  before(async () => {
    picks = await findDialogs();
    const page = workbench();
    await page.locator('.monaco-workbench').waitFor();
    await runCommand(page, 'Altinn: Use the Sandbox');
    await page.waitForTimeout(1_000);
  });

  after(async () => {
    await leaveWorkbenchTidy(workbench());
  });

  it('shows a dialog with markdown additional info as formatted text, with tabs that work from the keyboard', async () => {
    const page = workbench();
    const frame = await openDialog(page, picks.markdown);
    const info = frame.locator('section.additional-info .content');
    await info.waitFor();
    assert.ok((await info.locator('strong, a, em, ul, table').count()) > 0, 'markdown became formatted HTML');
    assert.doesNotMatch(await info.innerText(), /\*\*|\]\(/, 'no raw markdown syntax');
    // Keyboard: focus the first tab, arrow right twice → Actions.
    await frame.locator('#tab-overview').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await frame.locator('#tab-actions').getAttribute('aria-selected'), 'true');
    assert.ok(await frame.locator('#panel-actions').isVisible());
    assert.ok(!(await frame.locator('#panel-overview').isVisible()));
    await page.keyboard.press('Home');
    assert.equal(await frame.locator('#tab-overview').getAttribute('aria-selected'), 'true');
    await frame.locator('#live-status', { hasText: 'Live updates on' }).waitFor({ timeout: 20_000 });
    const path = await screenshot('dialog-markdown');
    assert.ok(existsSync(path) && statSync(path).size > 20_000);
  });

  it('shows legacy HTML additional info and an HTML front-channel embed, sanitised', async () => {
    const page = workbench();
    const frame = await openDialog(page, picks.html);
    const info = frame.locator('section.additional-info .content');
    await info.waitFor();
    assert.ok((await info.locator('p, strong, a, ul').count()) > 0, 'the legacy HTML kept its structure');
    if (picks.html.mainContent) {
      const embed = frame.locator('section.main-content .embed-content');
      await embed.waitFor({ timeout: 20_000 });
      assert.ok(
        (await embed.innerText()).trim().length > 20,
        'the embed was fetched with the dialog token and rendered',
      );
    }
    assert.equal(await frame.locator('#dialog-root script, #dialog-root style, #dialog-root iframe').count(), 0);
    const path = await screenshot('dialog-html');
    assert.ok(existsSync(path) && statSync(path).size > 20_000);
  });

  it('fetches the markdown front-channel embed (main content) with the dialog token and shows it', async () => {
    const page = workbench();
    const frame = await openDialog(page, picks.fce);
    const embed = frame.locator('section.main-content .embed-content');
    await frame
      .locator('section.main-content .embed-content, section.main-content .notice')
      .first()
      .waitFor({ timeout: 20_000 });
    assert.ok(
      await embed.isVisible(),
      `the embed rendered: ${await frame.locator('section.main-content').innerText()}`,
    );
    const heading = /^#+\s*(.+)$/m.exec(picks.fce.fceText ?? '')?.[1]?.trim();
    assert.ok(heading, 'the sandbox embed starts with a heading');
    assert.equal((await embed.locator('h1, h2, h3').first().innerText()).trim(), heading);
    // Language switch: the bokmål text comes from the nb embed URL, and back to English.
    await frame.locator('#language-select').selectOption('nb');
    await frame
      .locator('section.main-content .embed-source code', { hasText: /\/main\/nb$/ })
      .waitFor({ timeout: 20_000 });
    await frame.locator('section.main-content .embed-content').waitFor({ timeout: 20_000 });
    assert.equal(await frame.locator('.language-fallback').count(), 0, 'bokmål exists, so no fallback note');
    const norwegianText = await embed.innerText();
    await frame.locator('#language-select').selectOption('en');
    await frame
      .locator('section.main-content .embed-source code', { hasText: /\/main\/en$/ })
      .waitFor({ timeout: 20_000 });
    await frame.locator('section.main-content .embed-content').waitFor({ timeout: 20_000 });
    assert.notEqual(await embed.innerText(), norwegianText, 'the English embed differs from the bokmål one');
    const path = await screenshot('dialog-fce');
    assert.ok(existsSync(path) && statSync(path).size > 20_000);
  });
});
