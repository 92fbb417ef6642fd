import * as vscode from 'vscode';
import type { AltinnEnvironment } from '../../platform/environments';
import { dialogDetails } from '../dialogDetails/dialogDetails';
import { registerCommand } from '../commands';
import { createApiClients, resolveProfile } from '../shared/apiClients';
import { parseDialogReference } from '../../platform/dialogporten/dialogReference';
import { payloadDebugging } from '../payloads/payloadDebugging';
import { createWebviewPanel } from '../webview/webviewHost';
import { isOpenDialogArgs, OPEN_DIALOG_COMMAND } from '../shared/inboxTypes';
import type { ConnectionProfile } from '../profiles/profile';
import type { ExtensionServices } from '../services';
import { DialogPanel } from './dialogPanel';
import { DIALOG_PANEL_VIEW_TYPE, panelKey, type DialogPanelHost, type DialogSource } from './panelSource';
import type { ActionResult } from './dialogView';
import { isPersistedPanelState, type PersistedPanelState } from './protocol';

export const PREVIEW_DIALOG_PAYLOAD_COMMAND = 'altinnInbox.previewDialogPayload';
export const EXECUTE_GUI_ACTION_COMMAND = 'altinnInbox.executeGuiAction';

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Argument of `altinnInbox.executeGuiAction` (also what the panel's buttons do). */
export interface ExecuteGuiActionArgs {
  readonly dialogId: string;
  readonly actionId: string;
  /** Which profile's panel; the only open panel of the dialog when left out. */
  readonly profileId?: string;
}

/** The open dialog panels as host suites reach them through TestHooks (extension.ts). */
export interface DialogPanelTestInternals {
  panels(): DialogPanel[];
  /** The "showing an Altinn message marks it as read" notices said this session. */
  correspondenceReadNotices(): readonly string[];
}

/** The panels by dialog, the commands that open them, the serializer that restores them after a reload. */
class DialogPanels implements DialogPanelHost, vscode.Disposable {
  private readonly panels = new Map<string, DialogPanel>();
  private lastActive: DialogPanel | undefined;
  /** Environments (by id) in which the "marks the Altinn message as read" notice was said this session. */
  private readonly readNoticeSaidIn = new Set<string>();
  readonly readNotices: string[] = [];

  constructor(readonly services: ExtensionServices) {}

  /** `altinnInbox.openDialog`: OpenDialogArgs from the Inbox, `{ dialogId }`, a dialog id, or nothing (asks). */
  async open(arg?: unknown): Promise<void> {
    const request = await this.resolveOpenRequest(arg);
    const source: DialogSource = {
      kind: 'api',
      profile: request.profile,
      dialogId: request.dialogId,
      partyUrn: request.partyUrn,
      title: request.title,
    };
    const existing = this.panels.get(panelKey(source));
    if (existing) {
      existing.reveal();
      // A panel restored after a reload (or whose first load was declined) loads now that it was asked for.
      if (!existing.currentDialog) await existing.load('open');
      return;
    }
    // Ask (on Production) before anything appears or is fetched.
    const environment = await this.services.connections.environmentFor(request.profile);
    await dialogDetails(this.services).confirmMarkSeen(environment, request.title, 'open');
    await this.create(source).load('open', true);
  }

  /** `altinnInbox.previewDialogPayload`: a saved Dialog JSON (the active editor or a file) rendered offline. */
  async preview(arg?: unknown): Promise<void> {
    let uri = arg instanceof vscode.Uri ? arg : undefined;
    uri ??= vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      uri = await this.services.prompts().openFile({
        title: vscode.l10n.t('Preview a saved Dialog payload'),
        filters: { JSON: ['json'] },
        openLabel: vscode.l10n.t('Preview'),
      });
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const id = GUID.exec(/"id"\s*:\s*"([^"]+)"/.exec(document.getText())?.[1] ?? '')?.[0];
    if (!id)
      throw new Error(
        vscode.l10n.t(
          '{0} does not look like a Dialog payload (GET /api/v1/enduser/dialogs/{id}): no "id".',
          uri.path.split('/').pop() ?? uri.toString(),
        ),
      );
    const source: DialogSource = { kind: 'payload', uri, dialogId: id };
    const existing = this.panels.get(panelKey(source));
    if (existing) {
      existing.reveal();
      await existing.load('refresh');
      return;
    }
    await this.create(source).load('open');
  }

  /** `altinnInbox.executeGuiAction`: runs an action of an open dialog panel (asks for confirmation). */
  async executeGuiAction(arg: unknown): Promise<ActionResult | undefined> {
    const args = arg as Partial<ExecuteGuiActionArgs> | undefined;
    if (!args || typeof args.dialogId !== 'string' || typeof args.actionId !== 'string') {
      throw new Error(vscode.l10n.t('Run a GUI action from its button in the dialog panel.'));
    }
    const matches = [...this.panels.values()].filter(
      (panel) =>
        panel.dialogId.toLowerCase() === args.dialogId!.toLowerCase() &&
        (!args.profileId || panel.key.startsWith(`api:${args.profileId}:`)),
    );
    const panel = matches.find((candidate) => candidate.key.startsWith('api:'));
    if (!panel) throw new Error(vscode.l10n.t('Open the dialog first; its actions run from its panel.'));
    return panel.executeGuiAction(args.actionId);
  }

  /** Panels restored after a window reload: their state comes from the webview (getState). */
  async restore(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isPersistedPanelState(state)) {
      webviewPanel.dispose();
      return;
    }
    if (state.kind === 'payload') {
      if (!state.payloadUri) return webviewPanel.dispose();
      const source: DialogSource = {
        kind: 'payload',
        uri: vscode.Uri.parse(state.payloadUri, true),
        dialogId: state.dialogId,
        title: state.title,
      };
      const panel = this.adopt(webviewPanel, source, state);
      // Reading a file is harmless at startup.
      await panel.load('open').catch(() => undefined);
      return;
    }
    const profile = state.profileId ? this.services.profiles.get(state.profileId) : undefined;
    if (!profile) {
      webviewPanel.dispose();
      return;
    }
    const source: DialogSource = {
      kind: 'api',
      profile,
      dialogId: state.dialogId,
      partyUrn: state.partyUrn,
      title: state.title,
    };
    // No network while VS Code starts, and no silent "seen": the restored panel waits for a click.
    this.adopt(webviewPanel, source, state).showRestored();
  }

  /**
   * Altinn Correspondence records Read when a message's content is fetched by its recipient, tells the sender and
   * adds an "opened" activity to the dialog (altinn-correspondence,
   * src/Altinn.Correspondence.Application/GetCorrespondenceOverview/GetCorrespondenceOverviewHandler.cs).
   */
  async confirmCorrespondenceRead(environment: AltinnEnvironment, title: string | undefined): Promise<void> {
    if (environment.isProduction) {
      await this.services
        .prompts()
        .confirm(
          vscode.l10n.t('Production: show the content of "{0}"?', title ?? vscode.l10n.t('this message')),
          vscode.l10n.t(
            'This is an Altinn message. Fetching its content from Altinn Correspondence marks it as read: the service records the status Read, the sender will see the message as read, and an "opened" activity is added to the dialog.',
          ),
          vscode.l10n.t('Show and Mark as Read'),
        );
      return;
    }
    if (this.readNoticeSaidIn.has(environment.id)) return;
    this.readNoticeSaidIn.add(environment.id);
    const message = vscode.l10n.t(
      "Showing an Altinn message's content marks it as read in Altinn Correspondence ({0}): the sender will see the message as read. Refreshing the dialog does not fetch it again.",
      environment.label,
    );
    this.readNotices.push(message);
    this.services.log.info(
      `[dialog panel] showing an Altinn message's content marks it as read in Altinn Correspondence (${environment.label})`,
    );
    void vscode.window.showInformationMessage(message);
  }

  onDidDispose(panel: DialogPanel): void {
    if (this.panels.get(panel.key) === panel) this.panels.delete(panel.key);
    if (this.lastActive === panel) this.lastActive = undefined;
  }

  onDidBecomeActive(panel: DialogPanel): void {
    this.lastActive = panel;
  }

  /** The open panels (for the test hooks). */
  all(): DialogPanel[] {
    return [...this.panels.values()];
  }

  /** The dialog panel the editor-title and palette commands act on: the active one, else the one last active. */
  activePanel(): DialogPanel {
    const panel = [...this.panels.values()].find((candidate) => candidate.panel.active) ?? this.lastActive;
    if (!panel) throw new Error(vscode.l10n.t('Open a dialog first (Altinn: Open Dialog…, or from the Inbox).'));
    return panel;
  }

  /** The dialog panel that is the active editor, if one is. */
  focused(): DialogPanel | undefined {
    return [...this.panels.values()].find((candidate) => candidate.panel.active);
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }

  private create(source: DialogSource): DialogPanel {
    const webviewPanel = createWebviewPanel(
      DIALOG_PANEL_VIEW_TYPE,
      source.title ?? vscode.l10n.t('Dialog'),
      this.services.context.extensionUri,
      vscode.ViewColumn.Active,
    );
    return this.adopt(webviewPanel, source);
  }

  private adopt(webviewPanel: vscode.WebviewPanel, source: DialogSource, restored?: PersistedPanelState): DialogPanel {
    const panel = new DialogPanel(this, webviewPanel, source, restored);
    this.panels.get(panel.key)?.dispose();
    this.panels.set(panel.key, panel);
    this.lastActive = panel;
    return panel;
  }

  private async resolveOpenRequest(
    arg: unknown,
  ): Promise<{ profile: ConnectionProfile; dialogId: string; partyUrn?: string; title?: string }> {
    if (isOpenDialogArgs(arg)) {
      return {
        profile: resolveProfile(this.services, arg.profileId),
        dialogId: checkDialogId(arg.dialogId),
        partyUrn: arg.partyUrn,
        title: arg.title,
      };
    }
    if (arg && typeof arg === 'object' && typeof (arg as { dialogId?: unknown }).dialogId === 'string') {
      const loose = arg as { dialogId: string; profileId?: unknown; title?: unknown };
      const profile =
        typeof loose.profileId === 'string'
          ? resolveProfile(this.services, loose.profileId)
          : await this.activeProfile();
      return {
        profile,
        dialogId: checkDialogId(loose.dialogId),
        title: typeof loose.title === 'string' ? loose.title : undefined,
      };
    }
    if (typeof arg === 'string' && parseDialogReference(arg))
      return this.resolveReference(await this.activeProfile(), arg);
    const profile = await this.activeProfile();
    const answer = await this.services.prompts().input({
      title: vscode.l10n.t('Open Dialog'),
      prompt: vscode.l10n.t(
        'A dialog id or a link holding one; an app instance ({partyId}/{instance id} or its link); a correspondence id as urn:altinn:correspondence-id:…. Opening marks the dialog as seen in Dialogporten.',
      ),
      placeHolder: '0194a1c2-…',
      validateInput: (value) =>
        parseDialogReference(value)
          ? undefined
          : vscode.l10n.t(
              'Paste a dialog id (a UUID), a link that holds one, an app instance reference or a correspondence id URN.',
            ),
    });
    return this.resolveReference(profile, answer);
  }

  /** A dialog id as it is; an app instance or correspondence reference through Dialogporten's dialoglookup. */
  private async resolveReference(
    profile: ConnectionProfile,
    text: string,
  ): Promise<{ profile: ConnectionProfile; dialogId: string; partyUrn?: string; title?: string }> {
    const reference = parseDialogReference(text);
    if (!reference) return { profile, dialogId: checkDialogId(text) };
    if (reference.kind === 'dialog') return { profile, dialogId: reference.dialogId };
    const clients = await createApiClients(this.services, profile);
    const found = await clients.dialogporten.lookupDialog(reference.instanceRef);
    this.services.log.info(`[dialog panel] ${reference.instanceRef} → dialog ${found.dialogId}`);
    return { profile, dialogId: checkDialogId(found.dialogId), partyUrn: found.party };
  }

  private async activeProfile(): Promise<ConnectionProfile> {
    const profile = await this.services.connections.ensureActiveProfile();
    if (!profile)
      throw new Error(vscode.l10n.t('No connection is active. Pick one in the Connections view (or use the sandbox).'));
    return profile;
  }
}

function checkDialogId(value: string): string {
  const match = GUID.exec(value);
  if (!match) throw new Error(vscode.l10n.t('"{0}" is not a dialog id (a UUID).', value.slice(0, 80)));
  return match[0].toLowerCase();
}

/** The dialog panel: `altinnInbox.openDialog`, `altinnInbox.previewDialogPayload`, `altinnInbox.executeGuiAction` and the serializer. */
export function registerDialogPanel(services: ExtensionServices): DialogPanelTestInternals {
  const { context, log } = services;
  const panels = new DialogPanels(services);
  context.subscriptions.push(panels);
  // The payload commands (raw JSON, request, curl) from the editor title or the palette act on the active panel.
  context.subscriptions.push(payloadDebugging(services).registerActiveSource(() => panels.focused()));
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(DIALOG_PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: (webviewPanel, state) => panels.restore(webviewPanel, state),
    }),
  );
  registerCommand(context, { log }, OPEN_DIALOG_COMMAND, (arg?: unknown) => panels.open(arg));
  registerCommand(context, { log }, PREVIEW_DIALOG_PAYLOAD_COMMAND, (arg?: unknown) => panels.preview(arg));
  registerCommand(context, { log }, EXECUTE_GUI_ACTION_COMMAND, (arg?: unknown) => panels.executeGuiAction(arg));
  // The panel's toolbar, also in the editor title bar and the palette while a dialog panel is active.
  registerCommand(context, { log }, 'altinnInbox.refreshDialog', () => panels.activePanel().runCommand('refresh'));
  registerCommand(context, { log }, 'altinnInbox.openDialogInAltinnInbox', () =>
    panels.activePanel().runCommand('openInInbox'),
  );
  return {
    panels: () => panels.all(),
    correspondenceReadNotices: () => [...panels.readNotices],
  };
}
