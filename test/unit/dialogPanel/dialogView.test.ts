import assert from 'node:assert/strict';
import { renderContent } from '../../../src/platform/content';
import { FCE_MAX_BYTES } from '../../../src/platform/dialogporten';
import {
  embedsToFetch,
  renderDialogBody,
  renderPlaceholderBody,
  type EmbedState,
} from '../../../src/vscode/dialogPanel/dialogView';
import { XSS_CORPUS } from '../content/xssCorpus';
import { auditBody } from './bodyAudit';
import {
  ACTION_DELETE,
  ACTION_FORBIDDEN,
  ACTION_PRIMARY,
  ACTION_TERTIARY,
  ATTACHMENT,
  DIALOG_ID,
  MAIN_FCE_NB,
  TX_ACCEPTANCE,
  TX_FCE_NB,
  TX_HIDDEN,
  TX_SUBMISSION,
  dialogJson,
  l10n,
  parseDialog,
  viewInput,
} from './fixtures';

/** The part of the body inside one tab panel. */
function tabPanel(html: string, tab: string): string {
  const start = html.indexOf(`id="panel-${tab}"`);
  assert.ok(start >= 0, `panel ${tab} exists`);
  const end = html.indexOf('role="tabpanel"', start + 20);
  return html.slice(start, end < 0 ? undefined : end);
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

describe('dialog panel: body built from a Dialog', () => {
  const dialog = parseDialog(dialogJson());

  it('shows title, sender, status, extended status, due date, labels and the details in the chosen language', () => {
    const html = renderDialogBody(viewInput(dialog), l10n);
    assert.match(html, /<h1 class="dialog-title">Mva-melding for 3\. termin<\/h1>/);
    assert.match(html, /Skatteetaten <span class="muted">\(skd\)<\/span>/);
    assert.match(html, /class="badge status status-RequiresAttention">Requires attention</);
    assert.match(html, /class="badge extended-status"[^>]*>Venter på deg</);
    assert.match(html, /label-Archive">Archive</);
    assert.match(html, /Due <time datetime="2026-04-10T22:00:00.000Z"/);
    const details = tabPanel(html, 'overview');
    for (const expected of [
      'urn:altinn:organization:identifier-no:313367002',
      'urn:altinn:resource:skd-mva-melding',
      'mva-2026-3',
      'urn:no:skd:mva:2026-3',
      '40 %',
      DIALOG_ID,
    ]) {
      assert.ok(details.includes(expected), `details show ${expected}`);
    }
    const english = renderDialogBody(viewInput(dialog, { language: 'en' }), l10n);
    assert.match(english, /<h1 class="dialog-title">VAT return for term 3<\/h1>/);
    assert.match(english, /Waiting for you/);
    assert.match(
      renderDialogBody(viewInput(dialog, { language: 'nn' }), l10n),
      /Mva-melding for 3\. termin \(nynorsk\)/,
    );
  });

  it('falls back nb → nn → en and says which language it shows', () => {
    const json = dialogJson();
    (json.content as Record<string, unknown>).title = {
      value: [{ value: 'Only English', languageCode: 'en' }],
      mediaType: 'text/plain',
    };
    const html = renderDialogBody(viewInput(parseDialog(json), { language: 'nn' }), l10n);
    assert.match(html, /<h1 class="dialog-title">Only English<\/h1>/);
    assert.match(html, /Not available in Norsk nynorsk; shown in English\./);
    assert.doesNotMatch(renderDialogBody(viewInput(dialog, { language: 'nb' }), l10n), /Not available in/);
    // The summary has no nynorsk text: bokmål comes before English. It is text/plain, so asterisks stay asterisks.
    assert.match(
      tabPanel(renderDialogBody(viewInput(dialog, { language: 'nn' }), l10n), 'overview'),
      /<p>Skatteetaten har \*\*ikke\*\* mottatt meldingen\.<\/p>/,
    );
  });

  it('renders markdown summary and additional info (GFM tables, links) as sanitised HTML', () => {
    const overview = tabPanel(renderDialogBody(viewInput(dialog), l10n), 'overview');
    assert.match(overview, /<strong>frister<\/strong>/);
    assert.match(
      overview,
      /<a href="https:\/\/www\.skatteetaten\.no\/mva" rel="noopener noreferrer">veiledningen<\/a>/,
    );
    assert.match(overview, /<table>[\s\S]*<th>Termin<\/th>[\s\S]*<td>10\. april<\/td>/);
  });

  it('shows the front-channel embed in each of its states, with a retry button after an error', () => {
    const states: [EmbedState | undefined, RegExp][] = [
      [undefined, /Loading the embedded content with the dialog token/],
      [{ state: 'loading' }, /Loading the embedded content/],
      [
        {
          state: 'content',
          html: renderContent('# Hei\n\nDette er **innholdet**.', 'text/markdown').html,
          warnings: [],
        },
        /<div class="embed-content"><h1>Hei<\/h1>\s*<p>Dette er <strong>innholdet<\/strong>\.<\/p>/,
      ],
      [{ state: 'empty' }, /returned no content/],
      [
        { state: 'error', message: 'GET https://service.example/fce/main/nb answered 500' },
        /could not be fetched: GET https:\/\/service\.example\/fce\/main\/nb answered 500[\s\S]*data-command="retryEmbed" data-url="https:\/\/service\.example\/fce\/main\/nb"/,
      ],
      [{ state: 'not-fetched', reason: 'Saved payload: not fetched.' }, /Saved payload: not fetched\./],
      // An Altinn message: fetching marks it as read, so the panel waits for a click that asks (or says) so first.
      [
        { state: 'consent', message: 'Showing it marks the message as read.', action: 'Show the Message' },
        /Showing it marks the message as read\.[\s\S]*data-command="retryEmbed" data-url="https:\/\/service\.example\/fce\/main\/nb">Show the Message<\/button>/,
      ],
      [
        { state: 'content', html: '<p>Melding</p>', warnings: [], note: 'Marked as read.' },
        /<p>Melding<\/p>[\s\S]*<p class="muted embed-note">Marked as read\.<\/p>/,
      ],
    ];
    for (const [state, expected] of states) {
      const embeds = new Map(state ? [[MAIN_FCE_NB, state]] : []);
      const main =
        /<section class="main-content">[\s\S]*?<\/section>/.exec(
          renderDialogBody(viewInput(dialog, { embeds }), l10n),
        )?.[0] ?? '';
      assert.match(main, expected, JSON.stringify(state));
      assert.ok(main.includes(MAIN_FCE_NB), 'names the embed address');
    }
  });

  it('lists the embeds to fetch for a language and skips unauthorised and non-URL references', () => {
    assert.deepEqual(
      embedsToFetch(dialog, 'nb').map((ref) => [ref.where, ref.url]),
      [
        ['main', MAIN_FCE_NB],
        [`transmission:${TX_ACCEPTANCE}`, TX_FCE_NB],
      ],
    );
    assert.deepEqual(
      embedsToFetch(dialog, 'en').map((ref) => ref.url),
      ['https://service.example/fce/main/en', TX_FCE_NB],
    );
    const json = dialogJson();
    (json.content as Record<string, Record<string, unknown>>).mainContentReference.value = [
      { value: 'javascript:alert(1)', languageCode: 'nb' },
    ];
    assert.deepEqual(
      embedsToFetch(parseDialog(json), 'nb').map((ref) => ref.where),
      [`transmission:${TX_ACCEPTANCE}`],
    );
  });

  it('nests replies under the transmission they answer, links back to it, and explains unauthorised ones', () => {
    const transmissions = tabPanel(renderDialogBody(viewInput(dialog), l10n), 'transmissions');
    const submission = transmissions.indexOf(`id="tx-${TX_SUBMISSION}"`);
    const acceptance = transmissions.indexOf(`id="tx-${TX_ACCEPTANCE}"`);
    const hidden = transmissions.indexOf(`id="tx-${TX_HIDDEN}"`);
    assert.ok(hidden >= 0 && hidden < submission, 'newest thread first');
    assert.ok(submission < acceptance, 'the reply comes after what it answers');
    assert.match(transmissions.slice(submission, acceptance), /<ol class="thread">/, 'inside a nested thread');
    assert.match(
      transmissions,
      new RegExp(`In reply to <a href="#tx-${TX_SUBMISSION}" data-transmission="${TX_SUBMISSION}">Innsending</a>`),
    );
    assert.match(transmissions, /2 from the service owner, 1 sent by the party\./);
    assert.match(transmissions, /need an authorisation you do not have \(urn:altinn:subresource:confidential\)/);
    assert.match(transmissions, /You are not authorised to see this content/);
    assert.match(
      transmissions,
      /<a href="https:\/\/service\.example\/receipt" rel="noopener noreferrer"[^>]*>Se kvittering<\/a>/,
    );
    assert.match(transmissions, /Vedtak<\/span> <span class="muted">vedtak\.pdf<\/span>[\s\S]*?not authorised/);
    assert.match(transmissions, /Unopened/);
  });

  it('threads transmissions as the Inbox tree does: later replies first, and a cycle shows every transmission once', () => {
    const json = dialogJson();
    const list = json.transmissions as Record<string, unknown>[];
    const submission = list.find((tx) => tx.id === TX_SUBMISSION)!;
    const copy = (id: string, createdAt: string, relatedTransmissionId: string): Record<string, unknown> => ({
      ...submission,
      id,
      createdAt,
      relatedTransmissionId,
      attachments: [],
      navigationalActions: [],
    });
    const LATER = '0194f3a2-7c1e-7b2a-9d3e-00000000a011';
    const X = '0194f3a2-7c1e-7b2a-9d3e-00000000a021';
    const Y = '0194f3a2-7c1e-7b2a-9d3e-00000000a022';
    list.push(
      copy(LATER, '2030-01-01T00:00:00.000Z', TX_SUBMISSION),
      copy(X, '2020-01-01T00:00:00.000Z', Y),
      copy(Y, '2020-01-02T00:00:00.000Z', X),
    );
    const transmissions = tabPanel(renderDialogBody(viewInput(parseDialog(json)), l10n), 'transmissions');
    const at = (id: string): number => transmissions.indexOf(`id="tx-${id}"`);
    assert.ok(
      at(TX_SUBMISSION) < at(LATER) && at(LATER) < at(TX_ACCEPTANCE),
      'the newer reply comes first in the thread',
    );
    for (const id of [X, Y])
      assert.equal(transmissions.split(`id="tx-${id}"`).length, 2, `${id} is shown exactly once`);
    assert.ok(at(Y) < at(X), 'the cycle is broken at its newest member');
  });

  it('offers attachment downloads only for real addresses and marks expired ones', () => {
    const overview = tabPanel(renderDialogBody(viewInput(dialog), l10n), 'overview');
    assert.match(
      overview,
      new RegExp(
        `data-command="downloadAttachment" data-attachment-id="${ATTACHMENT}" data-url="https://service.example/att/1"`,
      ),
    );
    assert.match(overview, /for systems \(API\)/);
    const json = dialogJson();
    (json.attachments as Record<string, unknown>[])[0].expiresAt = '2026-03-01T00:00:00.000Z';
    const expired = tabPanel(renderDialogBody(viewInput(parseDialog(json)), l10n), 'overview');
    assert.doesNotMatch(expired, /downloadAttachment/);
    assert.match(expired, /expired/);
  });

  it('shows GUI actions by priority with method, address and prompt; unauthorised ones are disabled; API actions list endpoints', () => {
    const actions = tabPanel(renderDialogBody(viewInput(dialog), l10n), 'actions');
    const order = [ACTION_PRIMARY, ACTION_DELETE, ACTION_FORBIDDEN, ACTION_TERTIARY].map((id) =>
      actions.indexOf(`data-action-id="${id}"`),
    );
    assert.ok(
      order.every((index) => index >= 0),
      'all four actions',
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
      'primary, secondary, tertiary',
    );
    assert.match(
      actions,
      new RegExp(
        `class="primary" data-command="executeGuiAction" data-action-id="${ACTION_PRIMARY}" title="Sends POST with the dialog token after you confirm">Signer</button>`,
      ),
    );
    assert.match(actions, /<div class="muted">Asks first: «Vil du signere\?»<\/div>/);
    assert.match(actions, new RegExp(`data-action-id="${ACTION_FORBIDDEN}" disabled`));
    assert.match(actions, /deletes the dialog/);
    assert.match(actions, /<code>POST<\/code> <code class="url">https:\/\/api\.example\/mva\/submit<\/code>/);
    assert.match(actions, /deprecated/);
    assert.match(actions, /<a href="https:\/\/docs\.example\/mva" rel="noopener noreferrer"[^>]*>documentation<\/a>/);
    // Only primary and secondary actions are repeated on the overview.
    const overview = tabPanel(renderDialogBody(viewInput(dialog), l10n), 'overview');
    assert.ok(overview.includes(ACTION_PRIMARY) && !overview.includes(ACTION_TERTIARY));
  });

  it("shows an action's answer escaped, never rendered", () => {
    const actionResults = new Map([
      [
        ACTION_PRIMARY,
        {
          method: 'POST',
          url: 'https://service.example/sign',
          status: 200,
          contentType: 'text/html',
          body: '<img src=x onerror=alert(1)><b>signed</b>',
          at: '2026-03-11T12:00:00.000Z',
        },
      ],
    ]);
    const actions = tabPanel(renderDialogBody(viewInput(dialog, { actionResults }), l10n), 'actions');
    assert.match(
      actions,
      /<pre class="response-body">&lt;img src=x onerror=alert\(1\)&gt;&lt;b&gt;signed&lt;\/b&gt;<\/pre>/,
    );
    assert.match(actions, /<code>POST<\/code> → <strong>200<\/strong>/);
  });

  it('lists the activity history newest first with actor and description, and who has seen the dialog', () => {
    const activity = tabPanel(renderDialogBody(viewInput(dialog), l10n), 'activity');
    assert.ok(activity.indexOf('Information') < activity.indexOf('Dialog created'), 'newest first');
    assert.match(activity, /Saksbehandler/);
    assert.match(activity, /<div>Vi har behandlet saken<\/div>/);
    assert.match(activity, new RegExp(`<a href="#tx-${TX_ACCEPTANCE}"`));
    assert.match(activity, /<strong>You<\/strong>/);
    assert.match(activity, /Kari Nordmann/);
  });

  it('shows the raw JSON escaped and the dialog token only as its claims', () => {
    const rawJson = JSON.stringify(
      { title: '</pre><script>alert(1)</script>', dialogToken: '<redacted JWT>' },
      null,
      2,
    );
    const raw = tabPanel(
      renderDialogBody(
        viewInput(dialog, {
          rawJson,
          rawBytes: 2048,
          token: { expiresAt: '2026-03-10T12:10:00.000Z', actions: ['read', 'write'], authLevel: 3 },
        }),
        l10n,
      ),
      'raw',
    );
    assert.match(raw, /&lt;\/pre&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(raw, /2\.0 KB, exactly as received except that the dialog token is replaced/);
    assert.match(raw, /<code>read<\/code> <code>write<\/code>/);
    assert.doesNotMatch(
      renderDialogBody(viewInput(dialog), l10n),
      /eyJhbGciOiJFZERTQSI/,
      "the fixture's dialog token never reaches the body",
    );
  });

  it('marks Production, disables "Open in Altinn inbox" in the sandbox, and has no API buttons for a saved payload', () => {
    const production = renderDialogBody(
      viewInput(dialog, { environment: { id: 'production', label: 'Production', isProduction: true, hasInbox: true } }),
      l10n,
    );
    assert.match(production, /class="badge env env-production">Production</);
    const sandbox = renderDialogBody(
      viewInput(dialog, { environment: { id: 'sandbox', label: 'Sandbox', isProduction: false, hasInbox: false } }),
      l10n,
    );
    assert.match(sandbox, /<button type="button" disabled title="The sandbox has no web inbox/);
    const payload = renderDialogBody(viewInput(dialog, { source: 'payload' }), l10n);
    assert.doesNotMatch(payload, /data-command="copyCurl"|data-command="openInInbox"/);
    assert.match(tabPanel(payload, 'actions'), new RegExp(`data-action-id="${ACTION_PRIMARY}" disabled`));
  });

  it('has accessible tabs: one tablist, five tabs wired to their panels, only the first selected and visible', () => {
    const html = renderDialogBody(viewInput(dialog), l10n);
    assert.equal(html.match(/role="tablist"/g)?.length, 1);
    const tabs = [
      ...html.matchAll(
        /<button type="button" role="tab" id="tab-(\w+)" aria-controls="panel-(\w+)" aria-selected="(true|false)" tabindex="(-1|0)"/g,
      ),
    ];
    assert.deepEqual(
      tabs.map((m) => m[1]),
      ['overview', 'transmissions', 'actions', 'activity', 'raw'],
    );
    assert.ok(tabs.every((m) => m[1] === m[2]));
    assert.deepEqual(
      tabs.map((m) => m[3]),
      ['true', 'false', 'false', 'false', 'false'],
    );
    const panels = [
      ...html.matchAll(/role="tabpanel" id="panel-(\w+)" aria-labelledby="tab-(\w+)" tabindex="0"( hidden)?/g),
    ];
    assert.deepEqual(
      panels.map((m) => Boolean(m[3])),
      [false, true, true, true, true],
    );
    assert.match(html, /<select id="language-select" data-command="setLanguage" aria-label="Content language">/);
    assert.match(html, /id="live-status" role="status" aria-live="polite"/);
    assert.deepEqual(auditBody(html).problems, []);
  });

  it('offers Retry beside the live status only when live updates are off', () => {
    const live = renderDialogBody(viewInput(dialog), l10n);
    assert.match(
      live,
      /<button type="button" class="link-button" id="live-retry" data-command="retryLive" title="Connect to the event stream again" hidden>Retry<\/button>/,
    );
    const off = renderDialogBody(
      viewInput(dialog, {
        live: {
          state: 'polling',
          text: 'Live updates are off: refused <AUTH_NOT_AUTHORIZED>. Checking for changes every 30 s.',
          retry: true,
        },
      }),
      l10n,
    );
    assert.match(
      off,
      /class="live live-polling" id="live-status" role="status" aria-live="polite">Live updates are off: refused &lt;AUTH_NOT_AUTHORIZED&gt;\. Checking for changes every 30 s\.<\/span><button type="button" class="link-button" id="live-retry" data-command="retryLive" title="Connect to the event stream again">Retry<\/button>/,
    );
    assert.deepEqual(auditBody(off).problems, []);
  });

  it('escapes the placeholder shown while loading or after an error', () => {
    const html = renderPlaceholderBody({
      title: '<img src=x onerror=alert(1)>',
      kind: 'error',
      message: 'failed: <script>',
      detail: 'GET /x answered <b>500</b>',
      commands: [{ id: 'load', label: 'Retry' }],
    });
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(html, /failed: &lt;script&gt;/);
    assert.match(
      html,
      /<p class="detail">GET \/x answered &lt;b&gt;500&lt;\/b&gt;<\/p>/,
      'the detail under the message, escaped',
    );
    assert.deepEqual(auditBody(html).problems, []);
  });
});

describe('dialog panel: no service-owner markup survives into the body', () => {
  /** The same payload in every field a service owner or the API controls, including addresses. */
  function hostileDialog(value: string, mediaType: string): Record<string, unknown> {
    const json = dialogJson();
    const localized = [{ value, languageCode: 'nb' }];
    const content = json.content as Record<string, Record<string, unknown>>;
    for (const field of ['title', 'summary', 'senderName', 'additionalInfo', 'extendedStatus'])
      content[field] = { value: localized, mediaType };
    content.mainContentReference = {
      value: [{ value: MAIN_FCE_NB, languageCode: 'nb' }],
      mediaType: 'application/vnd.dialogporten.frontchannelembed-url;type=text/html',
    };
    json.extendedStatus = value.slice(0, 200);
    json.externalReference = value.slice(0, 200);
    json.process = value.slice(0, 200);
    const attachments = json.attachments as Record<string, unknown>[];
    attachments[0].displayName = localized;
    attachments[0].name = value.slice(0, 500);
    (attachments[0].urls as Record<string, unknown>[])[0].url = value.slice(0, 500);
    (attachments[0].urls as Record<string, unknown>[])[1].mediaType = value.slice(0, 200);
    for (const tx of json.transmissions as Record<string, unknown>[]) {
      tx.content = { title: { value: localized, mediaType }, summary: { value: localized, mediaType } };
      tx.extendedType = value.slice(0, 200);
      tx.externalReference = value.slice(0, 200);
      tx.sender = { actorType: 'PartyRepresentative', actorName: value.slice(0, 500), actorId: value.slice(0, 200) };
      tx.navigationalActions = [{ title: localized, url: value.slice(0, 500) }];
    }
    for (const action of json.guiActions as Record<string, unknown>[]) {
      action.title = localized;
      action.prompt = localized;
      action.url = value.slice(0, 500);
      action.action = value.slice(0, 200);
      action.authorizationAttribute = value.slice(0, 200);
    }
    const api = (json.apiActions as Record<string, unknown>[])[0];
    api.name = value.slice(0, 500);
    api.action = value.slice(0, 200);
    api.endpoints = [
      {
        url: value.slice(0, 500),
        httpMethod: 'POST',
        documentationUrl: value.slice(0, 500),
        requestSchema: value.slice(0, 500),
        version: value.slice(0, 50),
      },
    ];
    for (const activity of json.activities as Record<string, unknown>[]) {
      activity.description = localized;
      activity.extendedType = value.slice(0, 200);
      activity.performedBy = { actorType: 'ServiceOwner', actorName: value.slice(0, 500) };
    }
    for (const seen of json.seenSinceLastContentUpdate as Record<string, unknown>[])
      seen.seenBy = { actorType: 'PartyRepresentative', actorName: value.slice(0, 500) };
    return json;
  }

  const baseline = auditBody(
    renderDialogBody(
      viewInput(parseDialog(hostileDialog('harmless text', 'text/plain')), {
        embeds: new Map([[MAIN_FCE_NB, { state: 'content', html: '<p>x</p>', warnings: [] }]]),
      }),
      l10n,
    ),
  );

  it('shows script-looking plain text as text, not markup', () => {
    const html = renderDialogBody(
      viewInput(parseDialog(hostileDialog('<script>alert(1)</script> & <b>bold</b>', 'text/plain'))),
      l10n,
    );
    const title = /<h1 class="dialog-title">([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
    assert.equal(title, '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    assert.equal(textOf(title).trim(), '<script>alert(1)</script> & <b>bold</b>');
  });

  it('the baseline itself passes the audit', () => {
    assert.deepEqual(baseline.problems, []);
    assert.ok((baseline.controls.button ?? 0) > 5);
  });

  for (const payload of XSS_CORPUS) {
    it(payload.name, () => {
      const dialog = parseDialog(hostileDialog(payload.value, payload.mediaType));
      // A fetched front-channel embed is at most 100 KB.
      const embed = renderContent(payload.value.slice(0, FCE_MAX_BYTES), payload.mediaType);
      // The panel renders raw JSON only up to 2 MB; the hostile dialog's JSON (the payload in ~30 fields) is cut to keep the test quick.
      const rawJson = JSON.stringify(dialog, null, 2).slice(0, 256 * 1024);
      const html = renderDialogBody(
        viewInput(dialog, {
          rawJson,
          embeds: new Map([[MAIN_FCE_NB, { state: 'content', html: embed.html, warnings: embed.warnings }]]),
        }),
        l10n,
      );
      const audit = auditBody(html);
      assert.deepEqual(audit.problems, [], audit.problems.join('; '));
      // No payload adds or removes a button, select, input or label of ours.
      for (const control of ['button', 'select', 'input', 'option', 'label']) {
        assert.equal(audit.controls[control] ?? 0, baseline.controls[control] ?? 0, `${control} count`);
      }
    });
  }
});
