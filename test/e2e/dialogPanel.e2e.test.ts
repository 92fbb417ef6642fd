import assert from 'node:assert/strict';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleMessage, Dialog as BrowserDialog, Frame, FrameLocator, Page, Request, Route } from 'playwright-core';
import { FCE_MAX_BYTES } from '../../src/platform/dialogporten';
import { startSandbox, type SandboxHandle } from '../../src/sandbox';
import { XSS_CORPUS } from '../unit/content/xssCorpus';
import { screenshot, workbench } from './fixture';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Runs a palette command by its title. */
async function runCommand(page: Page, title: string, argument?: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor();
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
  if (argument !== undefined) {
    await page.locator('.quick-input-widget .quick-input-message, .quick-input-widget input').first().waitFor();
    await page.waitForTimeout(300);
    await input.fill(argument);
    await page.keyboard.press('Enter');
  }
}

async function closeAllEditors(page: Page): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
  await page.waitForTimeout(300);
  // A dirty editor would ask; our previews and panels never are.
  await page.keyboard.press('Escape');
}

/** Specs share one workbench: leave no editor, notification or open picker behind for the next one. */
async function leaveWorkbenchTidy(page: Page): Promise<void> {
  await closeAllEditors(page);
  await runCommand(page, 'Notifications: Clear All Notifications');
  // Focus back in the (empty) editor area: a focused side-bar pane shows its header actions, where a later click on
  // the header would land.
  await runCommand(page, 'View: Focus Active Editor Group');
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  await page.waitForTimeout(500);
}

/** The dialog panel's page: the webview's outer iframe, then VS Code's inner frame holding our document. */
function panelFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe');
}

/** The Playwright Frame of the (single) open dialog panel, for evaluating checks in it. */
async function panelFrameHandle(page: Page): Promise<Frame> {
  for (let i = 0; i < 50; i++) {
    const frame = page.frames().find((f) => f.url().includes('/webview/browser/pre/fake.html') && !f.isDetached());
    if (frame && (await frame.locator('#dialog-root .dialog').count().catch(() => 0)) > 0) return frame;
    await page.waitForTimeout(200);
  }
  throw new Error('no dialog panel frame');
}

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
    const token = (await (await fetch(`${handle.urls.baseUrl}/testtools/token/personal?pid=${pid}&scopes=${encodeURIComponent(handle.defaultClient.scopes.join(' '))}`)).text()).trim();
    const headers = { authorization: `Bearer ${token}` };
    const party = `urn:altinn:person:identifier-no:${pid}`;
    const page = await (await fetch(`${handle.urls.dialogportenBase}/api/v1/enduser/dialogs?party=${encodeURIComponent(party)}&limit=100`, { headers })).json() as Json;
    const picks: Partial<Record<'markdown' | 'html' | 'fce', Pick>> = {};
    for (const item of page.items as Json[]) {
      const dialog = await (await fetch(`${handle.urls.dialogportenBase}/api/v1/enduser/dialogs/${item.id}`, { headers })).json() as Json;
      const title = (dialog.content.title.value as Json[]).find((v) => v.languageCode === 'en')?.value ?? dialog.content.title.value[0].value;
      const info = dialog.content.additionalInfo;
      const main = dialog.content.mainContentReference;
      const pick: Pick = { id: dialog.id, titleEn: title, additionalInfo: info ? { mediaType: info.mediaType, nb: info.value[0].value } : undefined, mainContent: main ? { mediaType: main.mediaType, languages: (main.value as Json[]).map((v) => v.languageCode) } : undefined };
      if (!picks.markdown && info?.mediaType === 'text/markdown' && !main) picks.markdown = pick;
      // Legacy HTML additional info, preferably with an HTML front-channel embed as main content too.
      if (info?.mediaType === 'text/html' && (!picks.html || (String(main?.mediaType).endsWith('type=text/html') && !String(picks.html.mainContent?.mediaType).endsWith('type=text/html')))) picks.html = pick;
      const languages = ((main?.value ?? []) as Json[]).map((v) => v.languageCode);
      if (!picks.fce && String(main?.mediaType).endsWith('type=text/markdown') && main.isAuthorized !== false && !info && languages.includes('nb') && languages.includes('en')) {
        const url = (main.value as Json[]).find((v) => v.languageCode === 'en')?.value ?? main.value[0].value;
        const response = await fetch(url, { headers: { authorization: `Bearer ${dialog.dialogToken}` } });
        if (response.status === 200) {
          pick.fceText = await response.text();
          picks.fce = pick;
        }
      }
      if (picks.markdown && picks.fce && String(picks.html?.mainContent?.mediaType).endsWith('type=text/html')) break;
    }
    assert.ok(picks.markdown && picks.html && picks.fce, `sandbox dialogs of each kind: ${Object.keys(picks).join(', ')}`);
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
    assert.ok(await info.locator('strong, a, em, ul, table').count() > 0, 'markdown became formatted HTML');
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
    assert.ok(await info.locator('p, strong, a, ul').count() > 0, 'the legacy HTML kept its structure');
    if (picks.html.mainContent) {
      const embed = frame.locator('section.main-content .embed-content');
      await embed.waitFor({ timeout: 20_000 });
      assert.ok((await embed.innerText()).trim().length > 20, 'the embed was fetched with the dialog token and rendered');
    }
    assert.equal(await frame.locator('#dialog-root script, #dialog-root style, #dialog-root iframe').count(), 0);
    const path = await screenshot('dialog-html');
    assert.ok(existsSync(path) && statSync(path).size > 20_000);
  });

  it('fetches the markdown front-channel embed (main content) with the dialog token and shows it', async () => {
    const page = workbench();
    const frame = await openDialog(page, picks.fce);
    const embed = frame.locator('section.main-content .embed-content');
    await frame.locator('section.main-content .embed-content, section.main-content .notice').first().waitFor({ timeout: 20_000 });
    assert.ok(await embed.isVisible(), `the embed rendered: ${await frame.locator('section.main-content').innerText()}`);
    const heading = /^#+\s*(.+)$/m.exec(picks.fce.fceText ?? '')?.[1]?.trim();
    assert.ok(heading, 'the sandbox embed starts with a heading');
    assert.equal((await embed.locator('h1, h2, h3').first().innerText()).trim(), heading);
    // Language switch: the bokmål text comes from the nb embed URL, and back to English.
    await frame.locator('#language-select').selectOption('nb');
    await frame.locator('section.main-content .embed-source code', { hasText: /\/main\/nb$/ }).waitFor({ timeout: 20_000 });
    await frame.locator('section.main-content .embed-content').waitFor({ timeout: 20_000 });
    assert.equal(await frame.locator('.language-fallback').count(), 0, 'bokmål exists, so no fallback note');
    const norwegianText = await embed.innerText();
    await frame.locator('#language-select').selectOption('en');
    await frame.locator('section.main-content .embed-source code', { hasText: /\/main\/en$/ }).waitFor({ timeout: 20_000 });
    await frame.locator('section.main-content .embed-content').waitFor({ timeout: 20_000 });
    assert.notEqual(await embed.innerText(), norwegianText, 'the English embed differs from the bokmål one');
    const path = await screenshot('dialog-fce');
    assert.ok(existsSync(path) && statSync(path).size > 20_000);
  });
});

describe('e2e: hostile content in the dialog panel executes nothing and loads nothing', function () {
  this.timeout(15 * 60_000);

  /** `alert(1)` in the corpus becomes a marker that would log to the console and change the DOM if it ever ran. */
  function armed(value: string, n: number): string {
    const marker = `(console.log(/XSSMARK${n}/.source),document.body.setAttribute(/data-xss/.source,${n}))`;
    return value.replace(/alert\((?:1|alt)\)/g, marker).slice(0, FCE_MAX_BYTES);
  }

  /** One Dialog payload carrying several payloads, each in every kind of field that reaches the panel. */
  function hostileDialog(batch: { value: string; mediaType: string; n: number }[], index: number): Json {
    const id = (k: number): string => `0195${String(index).padStart(4, '0')}-0000-7000-8000-${String(k).padStart(12, '0')}`;
    // Long payloads once (nb only), so even a 100 KB payload's Dialog stays under the 2 MB "open as plain JSON" threshold.
    const loc = (value: string): Json[] => (value.length > 10_000 ? [{ value, languageCode: 'nb' }] : [{ value, languageCode: 'nb' }, { value, languageCode: 'en' }]);
    const first = batch[0];
    const at = (k: number) => batch[k % batch.length];
    return {
      id: id(0), party: 'urn:altinn:person:identifier-no:18886600700', org: 'digdir', serviceResource: 'urn:altinn:resource:xss-test',
      createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', contentUpdatedAt: '2026-01-02T00:00:00.000Z',
      status: 'RequiresAttention', revision: '11111111-1111-4111-8111-111111111111', extendedStatus: at(1).value.slice(0, 300), externalReference: at(2).value.slice(0, 300),
      content: {
        title: { value: loc(first.value), mediaType: first.mediaType },
        summary: { value: loc(at(1).value), mediaType: at(1).mediaType },
        senderName: { value: loc(at(2).value), mediaType: 'text/plain' },
        additionalInfo: { value: loc(at(3).value), mediaType: at(3).mediaType },
        extendedStatus: { value: loc(at(4).value), mediaType: 'text/plain' },
        mainContentReference: { value: loc(at(5).value.slice(0, 1000)), mediaType: 'application/vnd.dialogporten.frontchannelembed-url;type=text/html' },
      },
      transmissions: batch.map((payload, k) => ({
        id: id(100 + k), createdAt: `2026-01-01T0${k % 10}:00:00.000Z`, isAuthorized: true, type: k % 2 ? 'Information' : 'Submission',
        relatedTransmissionId: k > 0 ? id(100 + k - 1) : null, extendedType: payload.value.slice(0, 200), externalReference: payload.value.slice(0, 200),
        sender: { actorType: 'PartyRepresentative', actorName: payload.value.slice(0, 500) },
        content: { title: { value: loc(payload.value), mediaType: payload.mediaType }, summary: { value: loc(payload.value), mediaType: payload.mediaType } },
        attachments: [{ id: id(200 + k), displayName: loc(payload.value), name: payload.value.slice(0, 500), urls: [{ url: payload.value.slice(0, 1000), mediaType: payload.value.slice(0, 100), consumerType: 'Gui' }] }],
        navigationalActions: [{ title: loc(payload.value), url: payload.value.slice(0, 1000) }],
        isOpened: false,
      })),
      attachments: batch.map((payload, k) => ({ id: id(300 + k), displayName: loc(payload.value), name: payload.value.slice(0, 500), urls: [{ url: payload.value.slice(0, 1000), consumerType: 'Gui' }] })),
      guiActions: batch.map((payload, k) => ({
        id: id(400 + k), action: payload.value.slice(0, 200), url: payload.value.slice(0, 1000), isAuthorized: true, isDeleteDialogAction: false,
        priority: ['Primary', 'Secondary', 'Tertiary'][k % 3], httpMethod: 'POST', title: loc(payload.value), prompt: loc(payload.value),
      })),
      apiActions: batch.map((payload, k) => ({
        id: id(500 + k), action: payload.value.slice(0, 200), name: payload.value.slice(0, 500), isAuthorized: true,
        endpoints: [{ url: payload.value.slice(0, 1000), httpMethod: 'GET', documentationUrl: payload.value.slice(0, 1000), requestSchema: payload.value.slice(0, 1000) }],
      })),
      activities: batch.map((payload, k) => ({ id: id(600 + k), createdAt: '2026-01-01T12:00:00.000Z', type: 'Information', performedBy: { actorType: 'ServiceOwner', actorName: payload.value.slice(0, 500) }, description: loc(payload.value) })),
      seenSinceLastContentUpdate: batch.slice(0, 3).map((payload, k) => ({ id: id(700 + k), seenAt: '2026-01-02T00:00:00.000Z', seenBy: { actorType: 'PartyRepresentative', actorName: payload.value.slice(0, 500) }, isCurrentEndUser: false })),
    };
  }

  it('renders every corpus payload in every field: no script runs, no dialog, no DOM change, no request to a foreign host', async () => {
    const page = workbench();
    const origin = new URL(page.url()).origin;
    const workspace = new URL(page.url()).searchParams.get('folder');
    assert.ok(workspace, 'the workbench has a workspace folder');
    const folder = join(workspace, 'xss-payloads');
    mkdirSync(folder, { recursive: true });

    // Batches of payloads, each Dialog JSON kept under 1.8 MB so every batch renders (bigger ones open as plain JSON).
    const payloads = XSS_CORPUS.map((payload, n) => ({ value: armed(payload.value, n), mediaType: payload.mediaType, n, name: payload.name }));
    const batches: (typeof payloads)[] = [];
    let current: typeof payloads = [];
    for (const payload of payloads) {
      const candidate = [...current, payload];
      if (current.length > 0 && (current.length >= 12 || JSON.stringify(hostileDialog(candidate, 0), null, 1).length > 1_800_000)) {
        batches.push(current);
        current = [payload];
      } else {
        current = candidate;
      }
    }
    if (current.length) batches.push(current);
    const files = batches.map((batch, index) => {
      const name = `xss-${String(index).padStart(2, '0')}.json`;
      const text = JSON.stringify(hostileDialog(batch, index), null, 1);
      assert.ok(text.length < 2 * 1024 * 1024, `${name} stays under the large-payload threshold (${text.length})`);
      writeFileSync(join(folder, name), text);
      return name;
    });

    const markers: string[] = [];
    const dialogs: string[] = [];
    const escaped: string[] = [];
    const onConsole = (message: ConsoleMessage): void => {
      if (/XSSMARK/.test(message.text())) markers.push(message.text());
    };
    const onDialog = (dialog: BrowserDialog): void => {
      dialogs.push(dialog.message());
      void dialog.dismiss().catch(() => undefined);
    };
    const allowed = (url: string): boolean => {
      if (/^(data|blob|about):/.test(url)) return true;
      const parsed = new URL(url);
      // The workbench's own server, and webview resources that VS Code's service worker serves from the extension folder.
      return parsed.origin === origin || parsed.hostname.endsWith('.vscode-resource.vscode-cdn.net');
    };
    const fromWebview = (request: Request): boolean => {
      try {
        return request.frame().url().includes('/webview/') || request.frame().parentFrame()?.url().includes('/webview/') === true;
      } catch {
        return true; // a service worker or a detached frame: count it
      }
    };
    const route = async (routed: Route): Promise<void> => {
      const request = routed.request();
      if (!allowed(request.url()) && fromWebview(request)) {
        escaped.push(request.url());
        await routed.abort('blockedbyclient');
        return;
      }
      await routed.fallback();
    };
    const context = page.context();
    page.on('console', onConsole);
    page.on('dialog', onDialog);
    await context.route('**/*', route);
    let checkedPanels = 0;
    try {
      for (const [index, name] of files.entries()) {
        await closeAllEditors(page);
        await page.keyboard.press('Control+P');
        const quickOpen = page.locator('.quick-input-widget input').first();
        await quickOpen.waitFor();
        await quickOpen.fill(name);
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 20_000 });
        await page.keyboard.press('Enter');
        await page.locator('.editor-instance, .monaco-editor').first().waitFor({ timeout: 30_000 });
        await page.locator(`.tab[aria-label*="${name}"], .tab:has-text("${name}")`).first().waitFor({ timeout: 30_000 });
        await runCommand(page, 'Altinn: Preview Dialog Payload (JSON) in the Dialog Panel');
        const frame = await panelFrameHandle(page);
        // Every tab, so content in hidden panels is laid out (and would have a chance to run) too.
        for (const tab of ['transmissions', 'actions', 'activity', 'raw', 'overview']) await frame.locator(`#tab-${tab}`).click();
        await page.waitForTimeout(400);
        const findings = await frame.evaluate(() => {
          const root = document.getElementById('dialog-root');
          const problems: string[] = [];
          if (!root || !root.querySelector('h1.dialog-title') || root.querySelectorAll('[role="tab"]').length !== 5) problems.push('the panel did not render its frame');
          // Ours: the inert initial state and the nonce'd page script (VS Code adds its own host script to the head).
          const scripts = [...document.body.querySelectorAll('script')];
          if (scripts.length !== 2 || scripts[0].id !== 'initial-state' || !scripts[1].nonce) problems.push(`body scripts: ${scripts.map((script) => script.outerHTML.slice(0, 80)).join(' | ')}`);
          const headScripts = [...document.head.querySelectorAll('script')].filter((script) => !script.src && !script.textContent?.includes('acquireVsCodeApi'));
          if (headScripts.length) problems.push(`unexpected head scripts: ${headScripts.length}`);
          if (document.body.hasAttribute('data-xss')) problems.push(`DOM changed by payload ${document.body.getAttribute('data-xss')}`);
          const forbidden = root?.querySelectorAll('script, iframe, frame, object, embed, svg, math, style, link, meta, base, form, img, audio, video, source, template, noscript, textarea, applet') ?? [];
          if (forbidden.length) problems.push(`forbidden elements: ${[...forbidden].map((e) => e.tagName).join(',')}`);
          // VS Code sets its theme variables as a style on <html>; everything below <body> is ours and the payloads'.
          for (const element of document.body.querySelectorAll('*')) {
            for (const attribute of element.getAttributeNames()) {
              if (/^on/i.test(attribute)) problems.push(`${element.tagName}[${attribute}]`);
              if (['style', 'srcdoc', 'formaction', 'xlink:href', 'background', 'srcset'].includes(attribute.toLowerCase())) problems.push(`${element.tagName}[${attribute}]`);
            }
          }
          for (const link of root?.querySelectorAll('a[href]') ?? []) {
            const href = link.getAttribute('href') ?? '';
            if (!/^(https?:|mailto:|#)/i.test(href)) problems.push(`link to ${href.slice(0, 60)}`);
          }
          return problems;
        });
        assert.deepEqual(findings, [], `${name}: ${findings.join('; ')}`);
        checkedPanels++;
        if (index === 0) {
          await frame.locator('#tab-transmissions').click();
          await screenshot('dialog-xss');
          await frame.locator('#tab-overview').click();
        }
      }
      // Give anything deferred (timers, lazy loads) a moment to fire before counting.
      await page.waitForTimeout(1_000);
    } finally {
      await context.unroute('**/*', route);
      page.off('console', onConsole);
      page.off('dialog', onDialog);
      await leaveWorkbenchTidy(page);
    }
    const executed = new Set([...markers.map((m) => /XSSMARK(\d+)/.exec(m)?.[1]), ...dialogs]).size;
    console.log(`    ${payloads.length} payloads, ${executed} executed, ${escaped.length} escaped requests (${checkedPanels} panels, ${files.length} payload files)`);
    assert.equal(checkedPanels, files.length);
    assert.deepEqual(markers, [], 'no payload marker reached the console');
    assert.deepEqual(dialogs, [], 'no alert/confirm/prompt dialog');
    assert.deepEqual(escaped, [], 'no request to a host other than the workbench');
  });
});
