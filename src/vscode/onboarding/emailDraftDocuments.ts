import * as vscode from 'vscode';
import type { DraftEnvironment, DraftLanguage, EmailDraft } from '../../platform/drafts';
import { ONBOARDING_LINKS } from '../../platform/links';
import { ContextKeys, setContextKey } from '../contextKeys';
import type { ExtensionServices } from '../services';
import { COPY_COMMAND, OPEN_IN_MAIL_CLIENT_COMMAND } from './commandIds';
import { bodyStartLine, formatEmailDocument, parseEmailDocument } from './emailDocument';
import { planMailto } from './mailtoPlan';

export type DraftKind = 'scopeRequest' | 'testMessageRequest';

interface TrackedDraft {
  readonly kind: DraftKind;
  readonly language: DraftLanguage;
  readonly environment: DraftEnvironment;
  /** The draft as generated: the fallback when the user deletes a header line. */
  readonly original: EmailDraft;
}

/** What the copy / open commands did, returned to callers (and host tests). */
export type DraftActionResult =
  | { readonly outcome: 'copied'; readonly part: DraftPart; readonly text: string }
  | { readonly outcome: 'opened'; readonly url: string }
  | { readonly outcome: 'copiedTooLong'; readonly text: string; readonly length: number; readonly max: number };

export type DraftPart = 'body' | 'subject' | 'all';

const FILE_NAMES: Record<DraftKind, string> = {
  scopeRequest: 'servicedesk-scope-request',
  testMessageRequest: 'servicedesk-test-message-request',
};

/**
 * The e-mail drafts opened as untitled documents: they carry code lenses (open in mail client, copy
 * body, copy subject), editor title actions, and a notification with the same actions. Every action
 * reads the document as it is now, so the user's edits are what gets sent.
 */
export class EmailDraftDocuments implements vscode.Disposable, vscode.CodeLensProvider {
  private readonly drafts = new Map<string, TrackedDraft>();
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  private readonly subscriptions: vscode.Disposable[] = [this.lensesChanged];

  constructor(private readonly services: ExtensionServices) {
    this.subscriptions.push(
      vscode.languages.registerCodeLensProvider({ scheme: 'untitled' }, this),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.drafts.delete(document.uri.toString())) this.lensesChanged.fire();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
    );
  }

  /** Opens the draft as a new untitled document next to nothing else, cursor at the start of the body. */
  async open(
    draft: EmailDraft,
    kind: DraftKind,
    language: DraftLanguage,
    environment: DraftEnvironment,
  ): Promise<vscode.TextDocument> {
    const { uri, document } = await this.emptyUntitled(FILE_NAMES[kind]);
    const text = formatEmailDocument(draft);
    this.drafts.set(uri.toString(), { kind, language, environment, original: draft });
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), text);
    if (!(await vscode.workspace.applyEdit(edit)))
      throw new Error(vscode.l10n.t('Could not write the e-mail draft into a new editor.'));
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    // Wrap long lines as a mail client does (for this editor only; the user's setting stays as it is).
    if (vscode.workspace.getConfiguration('editor', document).get<string>('wordWrap') === 'off')
      await vscode.commands.executeCommand('editor.action.toggleWordWrap');
    const start = new vscode.Position(bodyStartLine(text), 0);
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(0, 0, 0, 0));
    this.lensesChanged.fire();
    this.updateContext();
    this.services.log.info(`[onboarding] drafted ${kind} e-mail (${language}) to ${draft.to} in ${uri.toString()}`);
    this.offerActions(document, draft, kind, environment);
    return document;
  }

  /** The e-mail in `uri` (or the active editor) as it reads now. */
  current(uri?: vscode.Uri): { document: vscode.TextDocument; draft: EmailDraft } {
    const document = uri
      ? vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString())
      : vscode.window.activeTextEditor?.document;
    if (!document)
      throw new Error(
        vscode.l10n.t(
          'Open an e-mail draft first: run "Altinn: Draft Scope Request…" or "Altinn: Draft Test-Message Request…".',
        ),
      );
    const tracked = this.drafts.get(document.uri.toString());
    const text = document.getText();
    if (!tracked && !/^(to|til)\s*:/i.test(text)) {
      throw new Error(
        vscode.l10n.t(
          'The active editor is not an e-mail draft (it has no "To:" line). Run "Altinn: Draft Scope Request…" or "Altinn: Draft Test-Message Request…".',
        ),
      );
    }
    return { document, draft: parseEmailDocument(text, tracked?.original) };
  }

  async copy(uri: vscode.Uri | undefined, part: DraftPart = 'body'): Promise<DraftActionResult> {
    const { draft } = this.current(uri);
    const text = part === 'subject' ? draft.subject : part === 'all' ? formatEmailDocument(draft) : draft.body;
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage(
      part === 'subject'
        ? vscode.l10n.t('$(check) Subject copied')
        : part === 'all'
          ? vscode.l10n.t('$(check) E-mail copied')
          : vscode.l10n.t('$(check) E-mail body copied: paste it into a new e-mail to {0}', draft.to),
      4000,
    );
    return { outcome: 'copied', part, text };
  }

  /**
   * Opens the mail client with a mailto: link. Too long for one (MAILTO_MAX_LENGTH encoded characters),
   * the body is copied instead and the user is told so, with the subject and a subject-only link on offer.
   */
  async openInMailClient(uri: vscode.Uri | undefined): Promise<DraftActionResult> {
    const { draft } = this.current(uri);
    const plan = planMailto(draft);
    if (plan.kind === 'no-recipient') {
      throw new Error(
        vscode.l10n.t('The "To:" line "{0}" is not an e-mail address; write servicedesk@altinn.no there.', draft.to),
      );
    }
    if (plan.kind === 'open') {
      if (await openUrlAsIs(plan.url)) return { outcome: 'opened', url: plan.url };
      await vscode.env.clipboard.writeText(draft.body);
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'No mail client opened. The e-mail body was copied to the clipboard: paste it into a new e-mail to {0}.',
          draft.to,
        ),
      );
      return { outcome: 'copied', part: 'body', text: draft.body };
    }
    await vscode.env.clipboard.writeText(draft.body);
    const copySubject = vscode.l10n.t('Copy Subject');
    const openWithoutBody = vscode.l10n.t('Open Mail Client Without Body');
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t(
          'The e-mail is too long for a mailto: link ({0} characters; mail clients accept about {1}), so its body was copied to the clipboard instead. Paste it into a new e-mail to {2}; "{3}" copies the subject.',
          plan.length,
          plan.max,
          draft.to,
          copySubject,
        ),
        copySubject,
        openWithoutBody,
      )
      .then(async (choice) => {
        if (choice === copySubject) await vscode.env.clipboard.writeText(draft.subject);
        if (choice === openWithoutBody) await openUrlAsIs(plan.subjectOnlyUrl);
      });
    return { outcome: 'copiedTooLong', text: draft.body, length: plan.length, max: plan.max };
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const tracked = this.drafts.get(document.uri.toString());
    if (!tracked) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const args = [document.uri];
    const draft = parseEmailDocument(document.getText(), tracked.original);
    const plan = planMailto(draft);
    const reminders =
      tracked.kind === 'testMessageRequest' ? this.readReminderLenses(document, tracked.environment) : [];
    return [
      new vscode.CodeLens(top, {
        title:
          plan.kind === 'too-long'
            ? vscode.l10n.t('$(mail) Open in mail client (too long: copies the body)')
            : vscode.l10n.t('$(mail) Open in mail client'),
        tooltip:
          plan.kind === 'too-long'
            ? vscode.l10n.t(
                '{0} characters as a mailto: link, more than mail clients accept ({1}): the body is copied to the clipboard instead.',
                plan.length,
                plan.max,
              )
            : vscode.l10n.t('Opens a new e-mail to {0} with this subject and body in your mail client.', draft.to),
        command: OPEN_IN_MAIL_CLIENT_COMMAND,
        arguments: args,
      }),
      new vscode.CodeLens(top, {
        title: vscode.l10n.t('$(copy) Copy body'),
        tooltip: vscode.l10n.t('Copies the text below the blank line, to paste into an e-mail.'),
        command: COPY_COMMAND,
        arguments: [document.uri, 'body'],
      }),
      new vscode.CodeLens(top, {
        title: vscode.l10n.t('$(copy) Copy subject'),
        command: COPY_COMMAND,
        arguments: [document.uri, 'subject'],
      }),
      ...reminders,
    ];
  }

  /** On the line naming the Altinn inbox: where the test messages can be read once they arrive. */
  private readReminderLenses(document: vscode.TextDocument, environment: DraftEnvironment): vscode.CodeLens[] {
    const inboxUrl = environment === 'tt02' ? ONBOARDING_LINKS.tt02Inbox : ONBOARDING_LINKS.productionInbox;
    const lines = document.getText().split(/\r?\n/);
    const index = lines.findIndex((line) => line.includes(inboxUrl));
    const range = new vscode.Range(Math.max(index, 0), 0, Math.max(index, 0), 0);
    return [
      new vscode.CodeLens(range, {
        title: vscode.l10n.t('$(inbox) When they arrive: read them in the Inbox view'),
        tooltip: vscode.l10n.t('Add a connection for the recipient, then browse its dialogs and correspondence here.'),
        command: 'altinnInbox.inbox.focus',
      }),
      ...(environment === 'tt02'
        ? [
            new vscode.CodeLens(range, {
              title: vscode.l10n.t('$(link-external) or at af.tt02.altinn.no'),
              command: 'altinnInbox.openTt02Inbox',
            }),
          ]
        : []),
    ];
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.drafts.clear();
  }

  private offerActions(
    document: vscode.TextDocument,
    draft: EmailDraft,
    kind: DraftKind,
    environment: DraftEnvironment,
  ): void {
    const open = vscode.l10n.t('Open in Mail Client');
    const copy = vscode.l10n.t('Copy Body');
    const message =
      kind === 'testMessageRequest'
        ? vscode.l10n.t(
            'Your e-mail to {0} is drafted: read it through, edit it, then send it. When the test messages arrive, read them at {1} or in the Inbox view.',
            draft.to,
            environment === 'tt02' ? ONBOARDING_LINKS.tt02Inbox : ONBOARDING_LINKS.productionInbox,
          )
        : vscode.l10n.t('Your e-mail to {0} is drafted: read it through, edit it, then send it.', draft.to);
    void vscode.window.showInformationMessage(message, open, copy).then(async (choice) => {
      if (!choice) return;
      try {
        if (choice === open) await this.openInMailClient(document.uri);
        else await this.copy(document.uri, 'body');
      } catch (error) {
        void vscode.window.showErrorMessage((error as Error).message);
      }
    });
  }

  /**
   * A new, empty untitled document. A name whose document is still open is skipped; so is one that opens with
   * text in it (an earlier draft VS Code has not finished closing, or restored from a backup): never written into.
   */
  private async emptyUntitled(base: string): Promise<{ uri: vscode.Uri; document: vscode.TextDocument }> {
    const taken = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
    for (let n = 1; ; n++) {
      const uri = vscode.Uri.from({ scheme: 'untitled', path: n === 1 ? `${base}.txt` : `${base}-${n}.txt` });
      if (taken.has(uri.toString())) continue;
      let document: vscode.TextDocument;
      try {
        document = await vscode.workspace.openTextDocument(uri);
      } catch (error) {
        // VS Code refuses an untitled document whose name is taken by a file (a draft saved earlier under the name
        // VS Code suggested): "cannot open untitled:…: file already exists". The next name is free.
        if (n >= 100) throw error;
        continue;
      }
      if (document.getText() === '') return { uri, document };
    }
  }

  private updateContext(): void {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    void setContextKey(ContextKeys.emailDraftActive, active !== undefined && this.drafts.has(active));
  }
}

/**
 * Opens a URL exactly as given. `env.openExternal` re-encodes a `Uri` (decodes the query, then
 * `encodeURI`), which turns a `%26` in the body into a bare `&` and cuts the e-mail there
 * (microsoft/vscode#85930, #135949). Handed the string, VS Code's openUri keeps it as is
 * (microsoft/vscode#173239); should a future VS Code refuse the string, the parsed `Uri` is used.
 */
async function openUrlAsIs(url: string): Promise<boolean> {
  try {
    return await vscode.env.openExternal(url as unknown as vscode.Uri);
  } catch {
    return vscode.env.openExternal(vscode.Uri.parse(url));
  }
}
