import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import {
  buildScopeRequestEmail,
  buildTestMessageRequestEmail,
  comesWithRegistrationForm,
  MAILTO_MAX_LENGTH,
} from '../../../src/platform/drafts';
import { SCOPE_CATALOGUE } from '../../../src/platform/scopes';
import { identityFromClaims } from '../../../src/platform/auth/tokenIdentity';
import { formatEmailDocument, parseEmailDocument } from '../../../src/vscode/onboarding/emailDocument';
import { MEMORY_KEY } from '../../../src/vscode/onboarding/onboardingMemory';
import { missingScopes } from '../../../src/vscode/onboarding/scopeChoices';
import type { ScriptedPrompts } from '../../../src/vscode/prompts';
import { activateExtension, discardDocument } from './hostHelpers';

// Host tests of issue #7: the two servicedesk drafts run as real commands with scripted answers
// (testHooks.usePrompts), and the untitled document they open is read back in full.

/**
 * Scripted answers that treat `validateInput` the way VS Code's input box does: a refused entry is
 * recorded with its message and the next queued answer is "typed" instead. Also records prefilled values.
 * Made from the extension's own class (TestHooks.ScriptedPrompts), so its cancellations are the extension's.
 */
const inputBoxPrompts = (Base: typeof ScriptedPrompts) =>
  class InputBoxPrompts extends Base {
    readonly refused: { prompt?: string; value: string; message: string }[] = [];
    readonly prefilled: { prompt?: string; value?: string }[] = [];
    readonly confirms: string[] = [];

    override async input(options: vscode.InputBoxOptions): Promise<string> {
      this.prefilled.push({ prompt: options.prompt, value: options.value });
      for (;;) {
        const answer = await super.input({ ...options, validateInput: undefined });
        const problem = await options.validateInput?.(answer);
        const message = typeof problem === 'string' ? problem : problem?.message;
        if (!message) return answer;
        this.refused.push({ prompt: options.prompt, value: answer, message });
      }
    }

    override async confirm(message: string, detail: string, action: string): Promise<void> {
      this.confirms.push(message);
      return super.confirm(message, detail, action);
    }
  };
type InputBoxPrompts = InstanceType<ReturnType<typeof inputBoxPrompts>>;

const CLIENT_ID = '2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
const SYNTHETIC = '07877100744';
const CONTACT = { name: 'Kari Nordmann', email: 'kari.nordmann@example.no' };

let hooks: TestHooks;
const opened: vscode.TextDocument[] = [];

async function setup(): Promise<InputBoxPrompts> {
  const prompts = new (inputBoxPrompts(hooks.ScriptedPrompts))();
  hooks.usePrompts(prompts);
  return prompts;
}

async function run<T = vscode.TextDocument>(command: string, ...args: unknown[]): Promise<T> {
  const result = await vscode.commands.executeCommand<T>(command, ...args);
  if (result && typeof result === 'object' && 'getText' in result)
    opened.push(result as unknown as vscode.TextDocument);
  return result;
}

/** Closes the drafts without the "save?" question (untitled documents are always dirty). */
async function closeDrafts(): Promise<void> {
  for (const document of opened.splice(0)) await discardDocument(document);
}

/**
 * Reads vscode.env.clipboard when the workbench lets it: in the browser-hosted test workbench reading
 * waits for a permission Chromium is not given (test/harness/workbench.mjs), so there the check is on what the
 * command reports it copied, and the e2e tier reads the real clipboard (onboarding.e2e.test.ts).
 */
async function assertClipboard(expected: string): Promise<void> {
  const unreadable = Symbol('unreadable');
  const text = await Promise.race([
    vscode.env.clipboard.readText(),
    new Promise<symbol>((resolve) => setTimeout(() => resolve(unreadable), 2000)),
  ]);
  if (text !== unreadable) assert.equal(text, expected, 'the clipboard holds it');
}

const allVendorScopes = SCOPE_CATALOGUE.filter((info) => info.forVendors).map((info) => info.scope);

describe('onboarding: draft scope request (altinnInbox.draftScopeRequest)', () => {
  before(async () => {
    const api = await activateExtension();
    assert.ok(api.testHooks, 'test hooks are exposed');
    hooks = api.testHooks;
    await hooks.services.context.globalState.update(MEMORY_KEY, undefined);
  });
  afterEach(closeDrafts);
  after(() => hooks.usePrompts(undefined));

  it('writes the request in bokmål with the scopes passed by the Connections view preselected, re-asking a wrong organisation number with the reason', async () => {
    const prompts = await setup();
    let offered: readonly vscode.QuickPickItem[] = [];
    prompts.enqueue(
      (items: readonly vscode.QuickPickItem[]) => {
        offered = items;
        return items.filter((item) => item.picked);
      },
      'tt02',
      '991825828',
      '991 825 827',
      'exists',
      'Regnskap & Lønn AS',
      CLIENT_ID,
      'Hjelper Innboks',
      CONTACT.name,
      CONTACT.email,
      '',
      'nb',
    );
    const document = await run('altinnInbox.draftScopeRequest', {
      scopes: ['digdir:dialogporten', 'altinn:correspondence.read'],
    });
    assert.ok(document, 'the command opened a document');
    assert.equal(prompts.pending, 0, 'every scripted answer was used');

    // The picker: grouped by product (separators), one line per scope, the passed scopes preselected.
    const separators = offered
      .filter((item) => item.kind === vscode.QuickPickItemKind.Separator)
      .map((item) => item.label);
    assert.deepEqual(separators.slice(0, 5), [
      'Dialogporten',
      'Altinn Correspondence',
      'Authentication: system register and system-user requests',
      'Altinn Events',
      'Access management',
    ]);
    assert.deepEqual(
      offered.filter((item) => item.picked).map((item) => item.label),
      ['digdir:dialogporten', 'altinn:correspondence.read'],
    );
    const dialogporten = offered.find((item) => item.label === 'digdir:dialogporten');
    assert.match(dialogporten?.detail ?? '', /Read dialogs, transmissions and activities/);

    // The wrong check digit was refused with its reason, then the corrected number accepted.
    assert.equal(prompts.refused.length, 1);
    assert.equal(prompts.refused[0].value, '991825828');
    assert.match(prompts.refused[0].message, /"991825828" has a wrong check digit \(the last digit\)/);

    const expected = buildScopeRequestEmail(
      {
        organisationNumber: '991825827',
        organisationName: 'Regnskap & Lønn AS',
        environment: 'tt02',
        scopes: ['digdir:dialogporten', 'altinn:correspondence.read'],
        maskinportenClientIds: [CLIENT_ID],
        systemName: 'Hjelper Innboks',
        contact: CONTACT,
      },
      'nb',
    );
    assert.equal(document.getText(), formatEmailDocument(expected));
    const text = document.getText();
    assert.match(
      text,
      /^To: servicedesk@altinn\.no\nSubject: Forespørsel om tilgang til scopes i tt02 – Regnskap & Lønn AS \(org\.nr\. 991825827\)\n\nHei,\n/,
    );
    assert.match(text, /\n- digdir:dialogporten – Lese dialoger, forsendelser og aktiviteter/);
    assert.match(text, /\nMaskinporten-klient \(client_id\):\n- 2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b\n/);
    assert.doesNotMatch(text, /Telefon:/, 'an empty phone is left out');
    assert.equal(document.uri.scheme, 'untitled');
    assert.equal(document.languageId, 'plaintext');
    assert.equal(vscode.window.activeTextEditor?.document, document, 'the draft is the active editor');
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 3, 'the cursor waits at the start of the body');

    const memory = hooks.services.context.globalState.get<Record<string, unknown>>(MEMORY_KEY);
    assert.deepEqual(
      memory,
      {
        organisationNumber: '991825827',
        organisationName: 'Regnskap & Lønn AS',
        systemName: 'Hjelper Innboks',
        contactName: CONTACT.name,
        contactEmail: CONTACT.email,
        clientIds: [CLIENT_ID],
        language: 'nb',
        environment: 'tt02',
      },
      'the answers are remembered, nothing else',
    );
  });

  it('remembers the last answers as prefilled values and writes the request in English for production', async () => {
    const prompts = await setup();
    let languages: string[] = [];
    prompts.enqueue(
      ['altinn:events.subscribe'],
      'production',
      '991825827',
      'Regnskap & Lønn AS',
      CLIENT_ID,
      'Hjelper Innboks',
      CONTACT.name,
      CONTACT.email,
      '+47 912 34 567',
      (items: readonly (vscode.QuickPickItem & { id: string })[]) => {
        languages = items.map((item) => item.id);
        return items.find((item) => item.id === 'en');
      },
    );
    const document = await run('altinnInbox.draftScopeRequest');
    // Client ids come from Maskinporten profiles in the chosen environment when there are any, else from last time.
    const active = hooks.services.profiles.active()?.id;
    const profileIds = hooks.services.profiles
      .list()
      .sort((a, b) => Number(b.id === active) - Number(a.id === active))
      .flatMap((p) => (p.kind === 'maskinporten' && p.environment === 'production' ? [p.clientId.toLowerCase()] : []));
    const expectedIds = profileIds.length > 0 ? [...new Set(profileIds)].join(', ') : CLIENT_ID;
    assert.deepEqual(
      prompts.prefilled.map((entry) => entry.value),
      ['991825827', 'Regnskap & Lønn AS', expectedIds, 'Hjelper Innboks', CONTACT.name, CONTACT.email, undefined],
    );
    assert.deepEqual(languages, ['nb', 'en'], 'bokmål (chosen last time) comes first');
    assert.equal(
      document.getText(),
      formatEmailDocument(
        buildScopeRequestEmail(
          {
            organisationNumber: '991825827',
            organisationName: 'Regnskap & Lønn AS',
            environment: 'production',
            scopes: ['altinn:events.subscribe'],
            maskinportenClientIds: [CLIENT_ID],
            systemName: 'Hjelper Innboks',
            contact: { ...CONTACT, phone: '+47 912 34 567' },
          },
          'en',
        ),
      ),
    );
    assert.match(
      document.getText(),
      /^To: servicedesk@altinn\.no\nSubject: Request for access to scopes in production – Regnskap & Lønn AS \(org\. no\. 991825827\)\n\nHello,\n/,
    );
    assert.match(document.getText(), /\nPhone: \+47 912 34 567\n/);
  });

  it("preselects the scopes the active profile's token lacks, and marks the ones it has", async () => {
    const { profiles, connections } = hooks.services;
    const previous = profiles.active()?.id;
    const payload = Buffer.from(
      JSON.stringify({
        scope: 'digdir:dialogporten altinn:events.subscribe',
        exp: Math.floor(Date.now() / 1000) + 3600,
      }),
    ).toString('base64url');
    const token = `eyJhbGciOiJSUzI1NiJ9.${payload}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;
    const profile = await profiles.add(
      { kind: 'token', label: 'onboarding test token', environment: 'tt02' },
      { token },
    );
    try {
      await profiles.setActive(profile.id);
      const state = await connections.refreshToken(profile);
      assert.equal(state.status, 'valid', JSON.stringify(state));
      const prompts = await setup();
      let offered: readonly vscode.QuickPickItem[] = [];
      prompts.enqueue((items: readonly vscode.QuickPickItem[]) => {
        offered = items;
        return [];
      });
      assert.equal(await run('altinnInbox.draftScopeRequest'), undefined, 'choosing no scope ends the command');
      const expectedMissing = missingScopes(['digdir:dialogporten', 'altinn:events.subscribe']);
      assert.ok(expectedMissing.includes('altinn:correspondence.read'));
      assert.ok(expectedMissing.some(comesWithRegistrationForm), 'the token lacks system-user scopes too');
      assert.deepEqual(
        offered.filter((item) => item.picked).map((item) => item.label),
        expectedMissing.filter((scope) => !comesWithRegistrationForm(scope)),
        'the system-user scopes are not preselected: they come with the vendor registration form',
      );
      assert.match(
        offered.find((item) => item.label === 'altinn:authentication/systemuser.request.write')?.description ?? '',
        /comes with the vendor registration form, not servicedesk/,
      );
      assert.match(offered.find((item) => item.label === 'digdir:dialogporten')?.description ?? '', /on your token/);
      assert.doesNotMatch(
        offered.find((item) => item.label === 'altinn:correspondence.read')?.description ?? '',
        /on your token/,
      );
    } finally {
      await profiles.remove(profile.id);
      if (previous) await profiles.setActive(previous);
    }
  });

  it("copies the body instead of opening the mail client when the e-mail is too long for a mailto: link, with the user's edits", async () => {
    const prompts = await setup();
    prompts.enqueue(
      allVendorScopes,
      'tt02',
      '991825827',
      'create',
      'Regnskap & Lønn AS',
      CLIENT_ID,
      'Hjelper Innboks',
      CONTACT.name,
      CONTACT.email,
      '',
      'nb',
    );
    const document = await run('altinnInbox.draftScopeRequest');
    // The system-user scopes were picked too, but the e-mail leaves them out (they come with the registration form),
    // and asks servicedesk to create the organisation in tt02.
    assert.equal(
      parseEmailDocument(document.getText()).body,
      buildScopeRequestEmail(
        {
          organisationNumber: '991825827',
          organisationName: 'Regnskap & Lønn AS',
          environment: 'tt02',
          scopes: allVendorScopes.filter((scope) => !comesWithRegistrationForm(scope)),
          maskinportenClientIds: [CLIENT_ID],
          systemName: 'Hjelper Innboks',
          contact: CONTACT,
          createOrganisationInTt02: true,
        },
        'nb',
      ).body,
    );
    assert.doesNotMatch(document.getText(), /altinn:authentication\//);
    assert.match(
      document.getText(),
      /Organisasjonen vår \(org\.nr\. 991825827\) finnes ikke i testmiljøet tt02 ennå\./,
    );
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) =>
      edit.insert(new vscode.Position(document.lineCount - 1, 0), 'PS: Vi trenger dem innen fredag.\n'),
    );
    await vscode.env.clipboard.writeText('before');

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      document.uri,
    );
    const titles = lenses.map((lens) => lens.command?.title ?? '');
    assert.ok(
      titles.some((title) => /Open in mail client \(too long: copies the body\)/.test(title)),
      titles.join(' | '),
    );
    assert.ok(
      titles.some((title) => /Copy body/.test(title)) && titles.some((title) => /Copy subject/.test(title)),
      titles.join(' | '),
    );

    const result = await run<{ outcome: string; length: number; max: number; text: string }>(
      'altinnInbox.openEmailDraftInMailClient',
      document.uri,
    );
    assert.equal(result.outcome, 'copiedTooLong');
    assert.ok(result.length > MAILTO_MAX_LENGTH && result.max === MAILTO_MAX_LENGTH, `${result.length} characters`);
    const body = parseEmailDocument(document.getText()).body;
    assert.equal(result.text, body, 'the body as it reads now is what was copied');
    assert.match(body, /^Hei,\n/);
    assert.match(body, /PS: Vi trenger dem innen fredag\.$/);
    assert.doesNotMatch(body, /^Subject:/m);
    await assertClipboard(body);

    const subject = await run<{ text: string }>('altinnInbox.copyEmailDraft', document.uri, 'subject');
    assert.equal(subject.text, 'Forespørsel om tilgang til scopes i tt02 – Regnskap & Lønn AS (org.nr. 991825827)');
    await assertClipboard(subject.text);
  });

  it('opens a short e-mail in the mail client as a mailto: URL that carries the edited subject and body exactly ("&" included)', async () => {
    const prompts = await setup();
    prompts.enqueue(
      ['digdir:dialogporten'],
      'tt02',
      '991825827',
      'exists',
      'Regnskap & Lønn AS',
      CLIENT_ID,
      'Hjelper',
      CONTACT.name,
      CONTACT.email,
      '',
      'en',
    );
    const document = await run('altinnInbox.draftScopeRequest');
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.replace(document.lineAt(1).range, 'Subject: Scopes for Hjelper & friends?'));
    const result = await run<{ outcome: string; url: string }>('altinnInbox.openEmailDraftInMailClient');
    assert.equal(result.outcome, 'opened');
    const url = new URL(result.url);
    assert.equal(url.protocol, 'mailto:');
    assert.equal(url.pathname, 'servicedesk@altinn.no');
    assert.equal(url.searchParams.get('subject'), 'Scopes for Hjelper & friends?');
    assert.equal(url.searchParams.get('body'), parseEmailDocument(document.getText()).body.replace(/\n/g, '\r\n'));
    assert.ok(result.url.length <= MAILTO_MAX_LENGTH);
  });

  it('ends quietly, asking nothing, when the Connections view passes only system-user scopes (they come with the registration form)', async () => {
    const prompts = await setup();
    const before = vscode.workspace.textDocuments.length;
    assert.equal(
      await run('altinnInbox.draftScopeRequest', { scopes: ['altinn:authentication/systemregister.write'] }),
      undefined,
    );
    assert.equal(prompts.asked.length, 0);
    assert.equal(vscode.workspace.textDocuments.length, before);
  });

  it('ends quietly when the user dismisses a prompt, opening nothing', async () => {
    const prompts = await setup();
    const before = vscode.workspace.textDocuments.length;
    prompts.enqueue(['digdir:dialogporten'], undefined);
    assert.equal(await run('altinnInbox.draftScopeRequest'), undefined);
    assert.equal(vscode.workspace.textDocuments.length, before);
    assert.equal(prompts.asked.length, 2, 'no question after the dismissed one');
  });
});

describe('onboarding: draft test-message request (altinnInbox.draftTestMessageRequest)', () => {
  before(async () => {
    const api = await activateExtension();
    hooks = api.testHooks!;
  });
  afterEach(closeDrafts);
  after(() => hooks.usePrompts(undefined));

  it("takes typed Tenor numbers and organisation numbers (a wrong check digit re-asked with the reason), the organisation's system user and its delegated resource, and writes the e-mail in English", async () => {
    const prompts = await setup();
    let wishes: string[] = [];
    prompts.enqueue(
      'type',
      `${SYNTHETIC}, 991825828`,
      `${SYNTHETIC}, 991 825 827`,
      '2',
      '991825828_hjelper',
      '991825827_hjelper',
      (items: readonly (vscode.QuickPickItem & { id: string })[]) => {
        wishes = items.map((item) => item.id);
        return items.filter((item) => ['attachments', 'transmissions'].includes(item.id));
      },
      'ttd-correspondence-test',
      'tt02',
      'Regnskap & Lønn AS',
      '',
      '',
      CONTACT.name,
      CONTACT.email,
      '',
      'en',
    );
    const document = await run('altinnInbox.draftTestMessageRequest');
    assert.equal(prompts.pending, 0);
    assert.deepEqual(
      prompts.refused.map((entry) => entry.value),
      [`${SYNTHETIC}, 991825828`, '991825828_hjelper'],
    );
    assert.match(prompts.refused[0].message, /"991825828" has a wrong check digit/);
    assert.match(
      prompts.refused[1].message,
      /"991825828_hjelper" is neither a system user id \(a UUID\) nor a system id/,
    );
    assert.match(
      prompts.refused[1].prompt ?? '',
      /The system user at 991825827 that reads the messages through the API/,
    );
    assert.deepEqual(prompts.confirms, [], 'synthetic numbers need no confirmation');
    assert.deepEqual(
      prompts.asked.map((entry) => entry.title),
      [1, 2, 2, 3, 4, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15].map((step) => `Draft test-message request (${step}/15)`),
      'every question says where it is in the flow (a refused entry is asked again as the same step)',
    );
    assert.ok(!wishes.includes('serviceResource'), "the resource is asked as the system user's, not as a content wish");
    assert.match(
      prompts.asked.find((entry) => entry.title === 'Draft test-message request (6/15)')?.prompt ?? '',
      /service resource delegated to that system user/,
    );

    assert.equal(
      document.getText(),
      formatEmailDocument(
        buildTestMessageRequestEmail(
          {
            recipients: [SYNTHETIC, '991825827'],
            numberOfMessages: 2,
            content: { attachments: true, markdown: false, transmissions: true },
            serviceResource: 'urn:altinn:resource:ttd-correspondence-test',
            systemUser: { systemId: '991825827_hjelper' },
            environment: 'tt02',
            organisationName: 'Regnskap & Lønn AS',
            contact: CONTACT,
          },
          'en',
        ),
      ),
    );
    const text = document.getText();
    assert.match(
      text,
      /^To: servicedesk@altinn\.no\nSubject: Request for test messages in tt02 – Regnskap & Lønn AS\n/,
    );
    assert.match(
      text,
      /\n- 07877100744 \(synthetic national identity number from Tenor\)\n- 991825827 \(organisation number\)\n/,
    );
    assert.match(text, /\nNumber of test messages: 2 to each recipient\n/);
    assert.match(
      text,
      /\nSystem user and service resource:\n- Please send the messages from the service resource urn:altinn:resource:ttd-correspondence-test\.\n- The recipient has a system user for our system 991825827_hjelper, which has been given the resource above \(delegated directly or through an access package\)\.\n/,
    );
    assert.match(text, /can be read in the Altinn inbox at https:\/\/af\.tt02\.altinn\.no\//);

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      document.uri,
    );
    const commands = lenses.map((lens) => lens.command?.command);
    assert.ok(
      commands.includes('altinnInbox.inbox.focus'),
      'a lens reminds that the messages can be read in the Inbox view',
    );
    assert.ok(commands.includes('altinnInbox.openTt02Inbox'), 'and at af.tt02.altinn.no');
    const reminderLine = lenses.find((lens) => lens.command?.command === 'altinnInbox.inbox.focus')!.range.start.line;
    assert.match(document.lineAt(reminderLine).text, /af\.tt02\.altinn\.no/);
  });

  it("picks recipients from the active profile's parties (Dialogporten, sandbox) and writes the e-mail in bokmål", async () => {
    await vscode.commands.executeCommand('altinnInbox.useSandbox');
    const prompts = await setup();
    let offered: (vscode.QuickPickItem & { id: string })[] = [];
    let sources: string[] = [];
    prompts.enqueue(
      (items: readonly (vscode.QuickPickItem & { id: string })[]) => {
        sources = items.map((item) => item.id);
        return items.find((item) => item.id === 'parties');
      },
      (items: readonly (vscode.QuickPickItem & { id: string })[]) => {
        offered = [...items];
        return items.filter((item) => /^\d{9}$/.test(item.id)).slice(0, 1);
      },
      '1',
      '991825827_hjelper',
      [],
      'urn:altinn:resource:ttd-correspondence-test',
      'tt02',
      'Regnskap AS',
      '991825827',
      'Hjelper',
      CONTACT.name,
      CONTACT.email,
      '',
      'nb',
    );
    const document = await run('altinnInbox.draftTestMessageRequest');
    assert.deepEqual(sources, ['type', 'parties', 'customers', 'tenor']);

    const { connections, http } = hooks.services;
    const profile = connections.activeProfile!;
    const environment = await connections.environmentFor(profile);
    const token = await (await connections.tokenProvider(profile, 'maskinporten')).getToken();
    const answer = await http.getJson<{ authorizedParties: { party: string; subParties?: { party: string }[] }[] }>(
      `${environment.dialogportenBase}/api/v1/enduser/parties`,
      { payload: 'parties' },
      { headers: { Authorization: `Bearer ${token}` } },
    );
    const partyIds = answer.authorizedParties
      .flatMap((party) => [party, ...(party.subParties ?? [])])
      .map((party) => party.party.split(':').at(-1));
    const identity = identityFromClaims(
      JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>,
    );
    const offeredIds = offered.map((item) => item.id).filter((id) => id !== '__type__');
    assert.deepEqual(
      offeredIds,
      [...new Set(partyIds)],
      'every party Dialogporten returned, sub-units after their main unit',
    );
    assert.ok(offered.at(-1)?.id === '__type__', 'and "Type more numbers…" last');

    const organisation = offered.find((item) => /^\d{9}$/.test(item.id))!;
    assert.match(organisation.description ?? '', /organisation number/);
    // The system user is prefilled from the profile's token: its id when the recipient is the system user's organisation, else its system.
    const expectedPrefill =
      identity.systemUserId && identity.systemUserOrganisationNumber === organisation.id
        ? identity.systemUserId
        : identity.systemId;
    assert.equal(
      prompts.prefilled.find((entry) => /^The system user at /.test(entry.prompt ?? ''))?.value,
      expectedPrefill,
    );
    const text = document.getText();
    assert.match(text, /^To: servicedesk@altinn\.no\nSubject: Forespørsel om testmeldinger i tt02 – Regnskap AS\n/);
    assert.ok(text.includes(`\nMottaker:\n- ${organisation.id} (organisasjonsnummer)\n`), text);
    assert.match(
      text,
      /\nAntall testmeldinger: 1\n\nSystembruker og tjenesteressurs:\n- Send meldingene fra tjenesteressursen urn:altinn:resource:ttd-correspondence-test\.\n- Mottakeren har en systembruker for systemet vårt 991825827_hjelper, som har fått tilgang til ressursen over \(delegert direkte eller gjennom en tilgangspakke\)\.\n/,
    );
    assert.match(text, /\nØnsker for innholdet:\nInnholdet står dere fritt til å velge\.\n/);
    assert.match(
      text,
      /Vi er Regnskap AS \(org\.nr\. 991825827\) og tester sluttbrukersystemet vårt «Hjelper» mot Altinn\./,
    );
    assert.match(text, /Meldinger i tt02 kan leses i Altinn-innboksen på https:\/\/af\.tt02\.altinn\.no\//);
  });

  it('asks before using a national identity number that is not a synthetic test number, and stops when told no', async () => {
    const prompts = await setup();
    const before = vscode.workspace.textDocuments.length;
    prompts.enqueue('type', '01010750160', undefined);
    assert.equal(await run('altinnInbox.draftTestMessageRequest'), undefined);
    assert.equal(prompts.confirms.length, 1);
    assert.match(prompts.confirms[0], /01010750160 \(national identity number\) is not a synthetic test number/);
    assert.equal(vscode.workspace.textDocuments.length, before);
  });
});

describe('onboarding: walkthrough, links and contact', () => {
  let extension: vscode.Extension<unknown>;
  before(async () => {
    const api = await activateExtension();
    hooks = api.testHooks!;
    extension = vscode.extensions.getExtension('inbox-inspector-oss.altinn-inbox-inspector')!;
  });
  after(() => hooks.usePrompts(undefined));

  it("contributes the walkthrough with the seed's steps in order, whose buttons and completion events name registered commands", async () => {
    const walkthrough = (
      extension.packageJSON.contributes.walkthroughs as {
        id: string;
        steps: { id: string; description: string; completionEvents: string[]; media: { markdown: string } }[];
      }[]
    ).find((candidate) => candidate.id === 'onboarding');
    assert.ok(walkthrough);
    assert.deepEqual(
      walkthrough.steps.map((step) => step.id),
      [
        'onboardingProcess',
        'serviceIntegration',
        'scopes',
        'maskinporten',
        'systemUser',
        'testSystem',
        'readInbox',
        'contact',
      ],
    );
    const registered = new Set(await vscode.commands.getCommands(true));
    const nls = JSON.parse(
      new TextDecoder().decode(
        await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'package.nls.json')),
      ),
    ) as Record<string, string>;
    for (const step of walkthrough.steps) {
      // The manifest the host hands out has its %key% placeholders already replaced from package.nls.json.
      const description = /^%.+%$/.test(step.description) ? nls[step.description.slice(1, -1)] : step.description;
      assert.ok(description, `${step.id} has a description`);
      const buttons = [...description.matchAll(/\(command:([\w.]+)\)/g)].map((match) => match[1]);
      assert.ok(buttons.length > 0, `${step.id} has a button`);
      const events = step.completionEvents
        .filter((event) => event.startsWith('onCommand:'))
        .map((event) => event.slice('onCommand:'.length));
      for (const command of [...buttons, ...events])
        assert.ok(registered.has(command), `${step.id}: ${command} is registered`);
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, step.media.markdown));
    }
  });

  it('opens the walkthrough from altinnInbox.openWalkthrough', async () => {
    await vscode.commands.executeCommand('altinnInbox.openWalkthrough');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.match(tab?.label ?? '', /Welcome|Walkthrough|Altinn/i, `active tab: ${tab?.label}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('groups help and contact in one quick pick: Slack, servicedesk, the drafts and every onboarding page', async () => {
    const prompts = await setup();
    prompts.enqueue(undefined);
    await vscode.commands.executeCommand('altinnInbox.contact');
    const asked = prompts.asked[0];
    assert.equal(asked.title, 'Altinn: Help and Contact');
    assert.deepEqual(asked.items, [
      'Ask',
      '$(comment-discussion) Slack channel produkt-dialogporten',
      '$(mail) E-mail servicedesk@altinn.no',
      'Draft an e-mail to servicedesk',
      '$(key) Draft scope request…',
      '$(inbox) Draft test-message request…',
      'Read',
      '$(checklist) Onboarding walkthrough',
      '$(link-external) Onboarding process',
      '$(link-external) Services you can integrate with',
      '$(link-external) Scope overview',
      '$(link-external) Tenor test data',
      '$(link-external) Altinn inbox in tt02',
    ]);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of [
      'altinnInbox.openOnboardingProcess',
      'altinnInbox.openServiceIntegration',
      'altinnInbox.openScopeOverview',
      'altinnInbox.openTenorTestData',
      'altinnInbox.openSlackChannel',
      'altinnInbox.emailServicedesk',
      'altinnInbox.openTt02Inbox',
      'altinnInbox.contact',
      'altinnInbox.openWalkthrough',
    ]) {
      assert.ok(registered.has(command), `${command} is registered`);
    }
  });

  it('runs the chosen entry: "Draft scope request…" starts the scope request', async () => {
    const prompts = await setup();
    prompts.enqueue('scopeRequest', undefined);
    await vscode.commands.executeCommand('altinnInbox.contact');
    assert.equal(prompts.asked.length, 2);
    assert.equal(prompts.asked[1].kind, 'pickMany');
    assert.match(prompts.asked[1].title ?? '', /^Draft scope request \(1\/12\)$/);
  });
});
