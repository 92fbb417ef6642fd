import * as vscode from 'vscode';
import { parseDialogportenPayload, type Dialog } from '../../platform/dialogporten';
import type { AltinnEnvironment } from '../../platform/environments';
import type { ApiClients } from '../shared/apiClients';
import type { RecordedExchange } from '../shared/exchangeRecorder';
import { redactJsonTokens } from '../payloads/rawJson';
import type { ConnectionProfile } from '../profiles/profile';
import type { ExtensionServices } from '../services';
import type { DialogPanel } from './dialogPanel';
import type { PanelLanguage, PanelTab, PersistedPanelState } from './protocol';

export const DIALOG_PANEL_VIEW_TYPE = 'altinnInbox.dialog';

/** Bigger responses open as plain JSON in an editor instead of being rendered (a webview would freeze). */
export const LARGE_PAYLOAD_BYTES = 2 * 1024 * 1024;

/** Where the panel's dialog comes from. */
export type DialogSource =
  | {
      readonly kind: 'api';
      readonly profile: ConnectionProfile;
      readonly dialogId: string;
      readonly partyUrn?: string;
      readonly title?: string;
    }
  | { readonly kind: 'payload'; readonly uri: vscode.Uri; readonly dialogId: string; readonly title?: string };

export function panelKey(source: {
  kind: 'api' | 'payload';
  dialogId: string;
  profile?: { id: string };
  uri?: vscode.Uri;
}): string {
  return source.kind === 'api'
    ? `api:${source.profile?.id ?? ''}:${source.dialogId.toLowerCase()}`
    : `payload:${source.uri?.toString() ?? ''}:${source.dialogId.toLowerCase()}`;
}

/** What the webview keeps (setState) and hands back after a window reload. */
export function persistedState(
  source: DialogSource,
  shown: {
    readonly title?: string;
    readonly language: PanelLanguage;
    readonly tab?: PanelTab;
    readonly party?: string;
  },
): PersistedPanelState {
  const base = {
    v: 1 as const,
    dialogId: source.dialogId,
    title: shown.title,
    language: shown.language,
    tab: shown.tab,
  };
  return source.kind === 'api'
    ? { ...base, kind: 'api', profileId: source.profile.id, partyUrn: source.partyUrn ?? shown.party }
    : { ...base, kind: 'payload', payloadUri: source.uri.toString() };
}

/** What the panels need from the registry that owns them (registerDialogPanel.ts). */
export interface DialogPanelHost {
  readonly services: ExtensionServices;
  /**
   * Before an Altinn Correspondence message's content is fetched (which marks it as read for the sender): asks on
   * Production, says it once per session elsewhere. Throws UserCancelledError.
   */
  confirmCorrespondenceRead(environment: AltinnEnvironment, title: string | undefined): Promise<void>;
  onDidDispose(panel: DialogPanel): void;
  onDidBecomeActive(panel: DialogPanel): void;
}

/** What the panel's parts (embeds, live updates) read from the panel. */
export interface PanelState {
  readonly log: vscode.LogOutputChannel;
  /** The panel's lifetime: closing it cancels what it started. */
  readonly signal: AbortSignal;
  /** Whether the dialog came from Dialogporten (a saved payload has no fresh dialog token and no live updates). */
  readonly isApi: boolean;
  /** The dialog shown now; a different object once it is fetched again (work for the old one is dropped). */
  loaded(): LoadedDialog | undefined;
  environment(): AltinnEnvironment | undefined;
  clients(): ApiClients | undefined;
  isDisposed(): boolean;
}

/** The dialog a panel shows. */
export interface LoadedDialog {
  readonly dialog: Dialog;
  /** The response JSON for the raw tab, dialog token replaced. */
  readonly rawJson: string;
  readonly rawBytes: number;
  readonly dialogToken?: string;
  readonly fetchedAt: string;
  /** The recorded GET behind it (raw JSON, the request, curl); none for a saved payload. */
  readonly exchange?: RecordedExchange;
}

export function loadedDialog(dialog: Dialog, raw: string, exchange: RecordedExchange | undefined): LoadedDialog {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    body = dialog;
  }
  return {
    dialog,
    rawJson: `${JSON.stringify(redactJsonTokens(body), null, 2)}\n`,
    rawBytes: Buffer.byteLength(raw),
    dialogToken: dialog.dialogToken ?? undefined,
    fetchedAt: new Date().toISOString(),
    exchange,
  };
}

/** A saved Dialog JSON (GET /api/v1/enduser/dialogs/{id}), checked against the Dialog shape. */
export async function readDialogPayload(uri: vscode.Uri): Promise<{ readonly dialog: Dialog; readonly raw: string }> {
  const document = await vscode.workspace.openTextDocument(uri);
  const raw = document.getText().replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new Error(
      vscode.l10n.t(
        '{0} is not valid JSON: {1}',
        uri.path.split('/').pop() ?? uri.toString(),
        (error as Error).message,
      ),
      { cause: error },
    );
  }
  return { dialog: parseDialogportenPayload('dialog', value), raw };
}
