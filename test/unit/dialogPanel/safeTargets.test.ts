import assert from 'node:assert/strict';
import { parseFromWebview } from '../../../src/vscode/dialogPanel/protocol';
import {
  attachmentFileName,
  checkExternalLink,
  checkTokenTarget,
  describeResponseBody,
  findAttachmentUrl,
  isKnownEmbed,
} from '../../../src/vscode/dialogPanel/safeTargets';
import { ATTACHMENT, MAIN_FCE_NB, TX_FCE_NB, dialogJson, parseDialog } from './fixtures';

describe('dialog panel: what the extension does with requests from the webview', () => {
  const dialog = parseDialog(dialogJson());

  it('opens only absolute http(s) links without credentials', () => {
    assert.deepEqual(checkExternalLink('https://www.skatteetaten.no/mva?x=1#a'), {
      ok: true,
      url: 'https://www.skatteetaten.no/mva?x=1#a',
    });
    assert.equal(checkExternalLink('http://example.com').ok, true);
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      'file:///etc/passwd',
      'command:workbench.action.terminal.new',
      'vscode://settings',
      'mailto:a@b.no',
      '/relative',
      '#top',
      'https://user:secret@example.com/',
      `https://example.com/${'a'.repeat(9000)}`,
    ]) {
      assert.equal(checkExternalLink(href).ok, false, href);
    }
  });

  it('sends the dialog token over https, or plain http only to this machine (the sandbox)', () => {
    assert.equal(checkTokenTarget('https://service.example/fce').ok, true);
    assert.equal(checkTokenTarget('http://127.0.0.1:4000/dialogporten/__sandbox/fce/x').ok, true);
    assert.equal(checkTokenTarget('http://localhost:4000/x').ok, true);
    const refused = checkTokenTarget('http://service.example/fce');
    assert.equal(refused.ok, false);
    assert.match(refused.ok ? '' : refused.reason, /only sent over https/);
  });

  it('downloads only addresses that are attachments of this dialog, and suggests a safe file name', () => {
    assert.deepEqual(findAttachmentUrl(dialog, ATTACHMENT, 'https://service.example/att/1'), {
      name: 'kvittering.pdf',
      url: 'https://service.example/att/1',
      mediaType: 'application/pdf',
    });
    assert.equal(
      findAttachmentUrl(dialog, ATTACHMENT, 'https://evil.example/steal-token'),
      undefined,
      'an address the webview made up',
    );
    assert.equal(
      findAttachmentUrl(dialog, '0194f3a2-7c1e-7b2a-9d3e-000000000000', 'https://service.example/att/1'),
      undefined,
      'another attachment id',
    );
    assert.equal(
      attachmentFileName('../../etc/passwd', undefined, undefined),
      '_.._etc_passwd',
      'no path separators, no leading dot',
    );
    assert.equal(attachmentFileName(null, 'Vedtak', 'application/pdf'), 'Vedtak.pdf');
    assert.equal(attachmentFileName('a<b>:c?.xml', undefined, undefined), 'a_b_c_.xml');
  });

  it('retries only embeds the dialog itself names', () => {
    assert.equal(isKnownEmbed(dialog, MAIN_FCE_NB, ['nb', 'nn', 'en']), true);
    assert.equal(isKnownEmbed(dialog, TX_FCE_NB, ['nb']), true);
    assert.equal(isKnownEmbed(dialog, 'https://evil.example/x', ['nb', 'nn', 'en']), false);
  });

  it("describes an action's answer: JSON indented, tokens redacted, long bodies cut, binary summarised", () => {
    const token = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4eXoifQ.c2lnbmF0dXJlAAAA';
    const json = describeResponseBody(
      Buffer.from(JSON.stringify({ ok: true, token })),
      'application/json; charset=utf-8',
    );
    assert.equal(json.text, JSON.stringify({ ok: true, token: '<redacted>' }, null, 2));
    const long = describeResponseBody(Buffer.from('x'.repeat(40_000)), 'text/plain');
    assert.equal(long.truncated, true);
    assert.equal(long.text.length, 16 * 1024);
    assert.equal(
      describeResponseBody(Buffer.from([0x25, 0x50, 0x44, 0x46]), 'application/pdf').text,
      '(4 bytes of application/pdf)',
    );
    assert.deepEqual(describeResponseBody(Buffer.alloc(0), undefined), { text: '', truncated: false });
  });

  it('drops malformed or unknown messages from the webview', () => {
    assert.deepEqual(parseFromWebview({ type: 'setLanguage', language: 'nn' }), {
      type: 'setLanguage',
      language: 'nn',
    });
    assert.deepEqual(parseFromWebview({ type: 'command', command: 'refresh' }), {
      type: 'command',
      command: 'refresh',
    });
    for (const bad of [
      null,
      'ready',
      { type: 'setLanguage', language: 'sv' },
      { type: 'command', command: 'workbench.action.terminal.new' },
      { type: 'openLink', href: 42 },
      { type: 'executeGuiAction', actionId: 'x'.repeat(200) },
      { type: 'eval', code: 'x' },
      { type: 'downloadAttachment', attachmentId: 'a' },
    ]) {
      assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad)?.slice(0, 60));
    }
  });
});
