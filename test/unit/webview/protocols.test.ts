import assert from 'node:assert/strict';
import {
  PANEL_COMMANDS,
  PANEL_LANGUAGES,
  PANEL_TABS,
  parseFromWebview as parsePanelMessage,
} from '../../../src/vscode/dialogPanel/protocol';
import { renderDialogBody } from '../../../src/vscode/dialogPanel/dialogView';
import {
  INSPECTOR_COMMANDS,
  parseFromWebview as parseInspectorMessage,
} from '../../../src/vscode/tokenInspector/protocol';
import { buildInspectorModel, renderInspectorBody } from '../../../src/vscode/tokenInspector/tokenInspectorModel';
import { dialogJson, parseDialog } from '../dialogPanel/fixtures';

import { plainLocalizer } from '../../../src/platform/presentation';

describe('webview protocols: one list of tabs, languages and commands for both sides', () => {
  it('the dialog panel accepts exactly its listed commands, tabs and languages from the webview', () => {
    for (const command of PANEL_COMMANDS)
      assert.deepEqual(parsePanelMessage({ type: 'command', command }), { type: 'command', command });
    for (const tab of PANEL_TABS)
      assert.deepEqual(parsePanelMessage({ type: 'selectTab', tab }), { type: 'selectTab', tab });
    for (const language of PANEL_LANGUAGES)
      assert.deepEqual(parsePanelMessage({ type: 'setLanguage', language }), { type: 'setLanguage', language });
    for (const bad of [
      { type: 'command', command: 'previewAgain' },
      { type: 'command', command: 'constructor' },
      { type: 'selectTab', tab: 'settings' },
      { type: 'setLanguage', language: 'de' },
      { type: 'busy', busy: true },
    ]) {
      assert.equal(parsePanelMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('the dialog panel renders a tab for each listed tab and a language option for each listed language', () => {
    const html = renderDialogBody(
      {
        dialog: parseDialog(dialogJson()),
        rawJson: '{}',
        rawBytes: 2,
        language: 'nb',
        locale: 'en-GB',
        embeds: new Map(),
        allowRemoteImages: false,
        environment: { id: 'tt02', label: 'tt02', isProduction: false, hasInbox: true },
        source: 'api',
        sourceLabel: 'test',
        live: { state: 'off', text: 'off' },
        notices: [],
        actionResults: new Map(),
        fetchedAt: new Date(0).toISOString(),
        now: new Date(0),
      },
      plainLocalizer,
    );
    assert.deepEqual(
      [...html.matchAll(/role="tab"[^>]*data-tab="([^"]+)"/g)].map((m) => m[1]),
      [...PANEL_TABS],
    );
    assert.deepEqual(
      [...html.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]),
      [...PANEL_LANGUAGES],
    );
    const commands = new Set([...html.matchAll(/<button[^>]*data-command="([^"]+)"/g)].map((m) => m[1]));
    for (const command of ['copyCurl', 'copyCurlWithToken', 'showRequest', 'openRaw', 'refresh', 'openInInbox'])
      assert.ok(commands.has(command), `the toolbar has ${command}`);
  });

  it('the token inspector accepts only ready and its listed commands, each a button of its page', () => {
    assert.deepEqual(parseInspectorMessage({ type: 'ready' }), { type: 'ready' });
    for (const command of INSPECTOR_COMMANDS)
      assert.deepEqual(parseInspectorMessage({ type: command, extra: 1 }), { type: command });
    for (const bad of [undefined, null, 'copyJson', { type: 'copyToken' }, { type: 'toString' }, { kind: 'copyJson' }])
      assert.equal(parseInspectorMessage(bad), undefined, String(JSON.stringify(bad)));
    const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const html = renderInspectorBody(
      buildInspectorModel(
        `${part({ alg: 'RS256' })}.${part({ iss: 'https://test.maskinporten.no/', exp: 2_000_000_000 })}.c2ln`,
        { source: 'test', nowMs: 0 },
      ),
    );
    const buttons = [...html.matchAll(/<button[^>]*id="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(
      buttons,
      [...INSPECTOR_COMMANDS],
      'the script wires each listed command to the button with that id',
    );
  });
});
