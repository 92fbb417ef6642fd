import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { describeShapeProblems } from '../../src/platform/dialogporten/schemas/validation';
import { organisationNumberFromStem, organizationUrn } from '../../src/platform/identifiers';
import { screenshot, workbench } from './fixture';
import {
  armedCorpus,
  batches,
  HostileWatch,
  hostileDialog,
  webviewFindings,
  type ArmedPayload,
} from './hostileContent';
import {
  closeAllEditors,
  leaveWorkbenchTidy,
  openWorkspaceFile,
  panelFrame,
  reloadWindowBy,
  runCommand,
  webviewFrameWith,
} from './workbenchActions';

// Hostile content written by a service owner (or a token's issuer) reaches our webviews three ways: a saved
// payload previewed offline, a dialog fetched from Dialogporten with its front-channel embed fetched with the dialog
// token, and a token's claims in the inspector. The corpus goes through all three. This spec runs last: it points
// the sandbox at a data folder of hostile dialogs and reloads the window.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DIALOG_ROOT = '#dialog-root';

/** The first valid organisation number from an 8-digit stem on (some stems have no valid check digit). */
function validOrganisationNumber(stem: number): string {
  for (let next = stem; ; next++) {
    const found = organisationNumberFromStem(String(next));
    if (found) return found;
  }
}

function workspaceOf(page: Page): string {
  const folder = new URL(page.url()).searchParams.get('folder');
  assert.ok(folder, 'the workbench has a workspace folder');
  return folder;
}

/** Shows every tab of the dialog panel, so content in hidden panels is laid out (and would have a chance to run) too. */
async function visitDialogTabs(frame: Frame): Promise<void> {
  for (const tab of ['transmissions', 'actions', 'activity', 'raw', 'overview'])
    await frame.locator(`#tab-${tab}`).click();
}

async function dialogPanelFindings(frame: Frame): Promise<string[]> {
  const findings = await webviewFindings(frame, DIALOG_ROOT, 'h1.dialog-title');
  const tabs = await frame.locator(`${DIALOG_ROOT} [role="tab"]`).count();
  return tabs === 5 ? findings : [...findings, `${tabs} tabs instead of 5`];
}

function report(what: string, payloads: number, watch: HostileWatch, detail: string): void {
  console.log(
    `    ${what}: ${payloads} payloads, ${watch.executed()} executed, ${watch.escaped.length} escaped requests (${detail})`,
  );
}

function assertNothingRan(watch: HostileWatch): void {
  assert.deepEqual(watch.markers, [], 'no payload marker reached the console');
  assert.deepEqual(watch.dialogs, [], 'no alert/confirm/prompt dialog');
  assert.deepEqual(watch.escaped, [], 'no request to a host other than the workbench');
}

describe('e2e: hostile content in our webviews executes nothing and loads nothing', function () {
  this.timeout(15 * 60_000);
  const payloads = armedCorpus();

  after(async () => {
    await leaveWorkbenchTidy(workbench());
  });

  it('a saved payload previewed: every corpus payload in every field of the dialog panel', async () => {
    const page = workbench();
    const folder = join(workspaceOf(page), 'xss-payloads');
    mkdirSync(folder, { recursive: true });
    // Each Dialog JSON under 1.8 MB, so every batch renders (bigger ones open as plain JSON).
    const groups = batches(payloads, 12, (batch) => JSON.stringify(hostileDialog(batch, 0), null, 1), 1_800_000);
    const files = groups.map((batch, index) => {
      const name = `xss-${String(index).padStart(2, '0')}.json`;
      writeFileSync(join(folder, name), JSON.stringify(hostileDialog(batch, index), null, 1));
      return name;
    });
    const watch = await HostileWatch.start(page);
    let panels = 0;
    try {
      for (const [index, name] of files.entries()) {
        await closeAllEditors(page);
        await openWorkspaceFile(page, name);
        await runCommand(page, 'Altinn: Preview Dialog Payload (JSON) in the Dialog Panel');
        const frame = await webviewFrameWith(page, `${DIALOG_ROOT} .dialog`);
        await visitDialogTabs(frame);
        await page.waitForTimeout(400);
        const findings = await dialogPanelFindings(frame);
        assert.deepEqual(findings, [], `${name}: ${findings.join('; ')}`);
        panels++;
        if (index === 0) {
          await frame.locator('#tab-transmissions').click();
          await screenshot('dialog-xss');
          await frame.locator('#tab-overview').click();
        }
      }
      // Give anything deferred (timers, lazy loads) a moment to fire before counting.
      await page.waitForTimeout(1_000);
    } finally {
      await watch.stop();
    }
    report('previewed', payloads.length, watch, `${panels} panels, ${files.length} payload files`);
    assert.equal(panels, files.length);
    assertNothingRan(watch);
  });

  it('fetched from the sandbox: main content (markdown and HTML embeds), every field and party names', async () => {
    const page = workbench();
    const workspace = workspaceOf(page);
    const dataFolder = join(workspace, 'hostile-data');
    mkdirSync(dataFolder, { recursive: true });
    // The FCE protocol allows 100 KB per embed: batches of payloads (each cut to 8 KB) joined into one document.
    const forEmbed = payloads.map((p) => ({ ...p, value: p.value.slice(0, 8_000) }));
    const embedOf = (batch: ArmedPayload[], index: number, format: 'md' | 'html'): string =>
      [
        format === 'md' ? `# Embed ${index} rendered` : `<h1>Embed ${index} rendered</h1>`,
        ...batch.map((p) => p.value),
        format === 'md' ? `End of embed ${index}.` : `<p>End of embed ${index}.</p>`,
      ].join('\n\n');
    const groups = batches(forEmbed, 12, (batch) => Buffer.from(embedOf(batch, 0, 'html')).toString('latin1'), 90_000);
    const parties: Json[] = [];
    const dialogs: { id: string; index: number; format: 'md' | 'html' }[] = [];
    for (const [group, batch] of groups.entries()) {
      const party = organizationUrn(validOrganisationNumber(31_900_000 + group * 10));
      parties.push({
        party,
        partyUuid: `0b1c2d3e-4f5a-4b6c-8d7e-${String(group).padStart(12, '0')}`,
        partyId: 51_900_000 + group,
        name: `Hostile party ${group} ${batch[group % batch.length].value.slice(0, 400)}`,
        partyType: 'Organization',
        isDeleted: false,
        hasKeyRole: false,
        isCurrentEndUser: false,
        isMainAdministrator: false,
        isAccessManager: false,
        hasOnlyAccessToSubParties: false,
        subParties: [],
      });
      for (const format of ['md', 'html'] as const) {
        const index = group * 2 + (format === 'html' ? 1 : 0);
        const dialog = hostileDialog(batch, 50 + index, party);
        const problems = describeShapeProblems('dialog', dialog);
        assert.deepEqual(problems, [], 'the hostile dialog has the shape the sandbox loads');
        const base = `hostile-${String(index).padStart(2, '0')}`;
        writeFileSync(join(dataFolder, `${base}.json`), JSON.stringify(dialog));
        for (const language of ['nb', 'en'])
          writeFileSync(join(dataFolder, `${base}.main.${language}.${format}`), embedOf(batch, index, format));
        dialogs.push({ id: dialog.id, index, format });
      }
    }
    writeFileSync(join(dataFolder, 'parties.json'), JSON.stringify({ authorizedParties: parties }));

    // The setting, as a user sets it: the running sandbox says it needs a reload, and the reload picks it up.
    // No editor is left to restore after the reload: a panel restored late would be the newest webview.
    await closeAllEditors(page);
    await runCommand(page, 'Altinn: Use the Sandbox');
    await runCommand(page, 'Focus on Inbox View');
    await page.locator('#workbench\\.parts\\.sidebar .monaco-list-row').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(2_000);
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(
      join(workspace, '.vscode', 'settings.json'),
      JSON.stringify({ 'altinnInbox.sandbox.dataFolder': 'hostile-data' }),
    );
    const reload = page.locator('.notifications-toasts .monaco-button', { hasText: 'Reload Window' }).first();
    await reload.waitFor({ timeout: 30_000 });
    await reloadWindowBy(page, () => reload.click());

    const watch = await HostileWatch.start(page);
    let opened = 0;
    let partyRows: number | undefined;
    try {
      for (const dialog of dialogs) {
        await closeAllEditors(page);
        await runCommand(page, 'Altinn: Open Dialog…', dialog.id);
        const frame = panelFrame(page);
        await frame.locator('h1.dialog-title').waitFor({ timeout: 60_000 });
        await page.keyboard.press('Escape');
        const handle = await webviewFrameWith(page, `${DIALOG_ROOT} .dialog`);
        const embed = handle.locator('section.main-content .embed-content');
        await handle
          .locator('section.main-content .embed-content, section.main-content .notice')
          .first()
          .waitFor({ timeout: 30_000 });
        assert.ok(
          await embed.isVisible(),
          `dialog ${dialog.index}: the embed rendered: ${(await handle.locator('section.main-content').innerText()).slice(0, 300)}`,
        );
        // The start of the embed is there; a payload may rightly swallow what follows it (an unclosed comment, say),
        // and input nested too deeply to render is shown as plain text (then the heading shows as written).
        const shown = await embed.innerText();
        assert.match(
          shown,
          new RegExp(`^(# |<h1>)?Embed ${dialog.index} rendered`),
          `dialog ${dialog.index} (${dialog.format}): the fetched embed, from its first line: ${shown.slice(0, 200)}`,
        );
        await visitDialogTabs(handle);
        await page.waitForTimeout(300);
        const findings = await dialogPanelFindings(handle);
        assert.deepEqual(findings, [], `dialog ${dialog.index} (${dialog.format}): ${findings.join('; ')}`);
        opened++;
        if (dialog.index === 1) await screenshot('dialog-xss-fetched');
      }

      // Party names in the Inbox tree: VS Code renders tree labels as text; the rows must be there and inert.
      await closeAllEditors(page);
      await runCommand(page, 'Focus on Inbox View');
      // The captured parties sort among the others; the tree only renders the rows in view, so walk it from the end
      // up, one row at a time, checking each hostile row that comes into view.
      await page.keyboard.press('End');
      const sidebar = page.locator('#workbench\\.parts\\.sidebar');
      const rows = sidebar.locator('.monaco-list-row', { hasText: /Hostile party \d+/ });
      const seen = new Set<string>();
      const treeFindings: string[] = [];
      for (let step = 0; step < 80 && seen.size < groups.length; step++) {
        // VS Code keeps its own <style> elements in the side bar, and its labels and row actions are <a> without href;
        // the rows are where a party name could have made an element.
        const found = await rows.evaluateAll((elements) =>
          elements.map((row) => {
            const problems: string[] = [];
            const active = row.querySelectorAll(
              'script, iframe, frame, object, embed, form, img, meta, base, link, style, math, svg, a[href]',
            );
            if (active.length) problems.push(`elements: ${[...active].map((e) => e.tagName).join(',')}`);
            for (const node of [row, ...row.querySelectorAll('*')])
              for (const name of node.getAttributeNames())
                if (/^on/i.test(name)) problems.push(`${node.tagName}[${name}]`);
            return { party: /Hostile party (\d+) /.exec(row.textContent ?? '')?.[1], problems };
          }),
        );
        for (const row of found) {
          if (row.party === undefined) treeFindings.push('a row without its name as text');
          else if (!seen.has(row.party)) {
            seen.add(row.party);
            treeFindings.push(...row.problems.map((problem) => `party ${row.party}: ${problem}`));
          }
        }
        await page.keyboard.press('ArrowUp');
        await page.waitForTimeout(60);
      }
      partyRows = seen.size;
      assert.deepEqual(treeFindings, [], treeFindings.join('; '));
      assert.equal(partyRows, groups.length, 'every hostile party was listed and checked');
      await page.keyboard.press('End');
      await screenshot('inbox-hostile-parties');
      await page.waitForTimeout(1_000);
    } finally {
      await watch.stop();
    }
    report(
      'fetched',
      payloads.length,
      watch,
      `${opened} dialogs with markdown or HTML embeds in nb and en, ${partyRows} hostile party names in the Inbox tree`,
    );
    assert.equal(opened, dialogs.length);
    assertNothingRan(watch);
  });

  it("a token's claims and header in the token inspector", async () => {
    const page = workbench();
    const folder = join(workspaceOf(page), 'xss-tokens');
    mkdirSync(folder, { recursive: true });
    const segment = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const tokenOf = (batch: ArmedPayload[]): string => {
      const claims: Json = {
        iss: batch[0].value,
        sub: batch[1 % batch.length].value,
        scope: batch.map((p) => p.value.slice(0, 200)).join(' '),
        exp: Math.floor(Date.now() / 1000) + 3600,
      };
      for (const [k, payload] of batch.entries()) {
        claims[`claim-${k}`] = payload.value;
        claims[payload.value.slice(0, 300)] = k;
      }
      return `${segment({ alg: 'RS256', kid: batch[0].value.slice(0, 500), typ: 'JWT' })}.${segment(claims)}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;
    };
    const forClaims = payloads.map((p) => ({ ...p, value: p.value.slice(0, 4_000) }));
    const groups = batches(forClaims, 20, tokenOf, 120_000);
    const files = groups.map((batch, index) => {
      const name = `xss-token-${String(index).padStart(2, '0')}.txt`;
      writeFileSync(join(folder, name), tokenOf(batch));
      return name;
    });
    const watch = await HostileWatch.start(page);
    let inspected = 0;
    try {
      for (const name of files) {
        await closeAllEditors(page);
        await openWorkspaceFile(page, name);
        // The token is the cursor's line: Inspect Token takes a JWT from the selection or that line.
        await page.locator('.monaco-editor .view-lines').first().click();
        await page.keyboard.press('Control+Home');
        await runCommand(page, 'Altinn: Inspect Token');
        const frame = await webviewFrameWith(page, 'main section[aria-labelledby="claims-title"]');
        await page.waitForTimeout(400);
        const findings = await webviewFindings(frame, 'main', 'h2#claims-title');
        assert.deepEqual(findings, [], `${name}: ${findings.join('; ')}`);
        assert.ok((await frame.locator('main').innerText()).includes('claim-0'), 'the claims are listed');
        inspected++;
      }
      await page.waitForTimeout(1_000);
    } finally {
      await watch.stop();
    }
    report('token inspector', payloads.length, watch, `${inspected} tokens`);
    assert.equal(inspected, files.length);
    assertNothingRan(watch);
  });
});
