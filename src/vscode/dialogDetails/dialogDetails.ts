import * as vscode from 'vscode';
import type { DialogWithMeta } from '../../platform/dialogporten';
import type { AltinnEnvironment } from '../../platform/environments';
import { createApiClients } from '../shared/apiClients';
import type { RecordedExchange } from '../shared/exchangeRecorder';
import { payloadDebugging, type PayloadDebugging } from '../payloads/payloadDebugging';
import type { ConnectionProfile } from '../profiles/profile';
import type { ExtensionServices } from '../services';
import { isDialogTokenFresh } from './dialogToken';

/**
 * Why a dialog's details are fetched: the panel opens, refreshes or needs a new dialog token; the Inbox loads the
 * details into the tree. Each marks the dialog as seen in Dialogporten.
 */
export type FetchReason = 'open' | 'refresh' | 'token' | 'details';

/** The details as received, and the recorded exchange behind them (for raw JSON, the request and curl). */
export interface FetchedDialog extends DialogWithMeta {
  readonly exchange?: RecordedExchange;
}

/**
 * Fetching a dialog's details (GET /enduser/dialogs/{id}) for the Inbox's actions and the dialog panel alike: the
 * one "this marks it as seen" notice (said once per window, asked every time on Production), the recorded request,
 * and fresh dialog tokens. One instance per extension (see dialogDetails()).
 */
export class DialogDetailsService {
  private seenNoticeSaid = false;

  constructor(
    private readonly services: ExtensionServices,
    private readonly payloads: PayloadDebugging,
  ) {}

  /** Says once per window that fetching marks the dialog as seen; on Production asks every time. Throws UserCancelledError. */
  async confirmMarkSeen(environment: AltinnEnvironment, title: string | undefined, reason: FetchReason): Promise<void> {
    if (environment.isProduction) {
      await this.askInProduction(title, reason);
      return;
    }
    if (this.seenNoticeSaid) return;
    this.seenNoticeSaid = true;
    this.services.log.info("[dialogs] fetching a dialog's details marks it as seen in Dialogporten");
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        "Fetching a dialog's details (opening it, or loading them in the Inbox) marks it as seen in Dialogporten ({0}), as opening it in the Altinn inbox does: the seen log records it and it no longer counts as unread. Listing and expanding in the Inbox do not.",
        environment.label,
      ),
    );
  }

  /** GET the details with the profile's token, recorded like every other request. Ask with confirmMarkSeen first. */
  async fetch(
    profile: ConnectionProfile,
    dialogId: string,
    options: { readonly signal?: AbortSignal; readonly inProgress?: <T>(task: () => Promise<T>) => Thenable<T> } = {},
  ): Promise<FetchedDialog> {
    let exchange: RecordedExchange | undefined;
    const clients = await createApiClients(this.services, profile, {
      record: (recorded) => {
        exchange = this.payloads.store.add(recorded);
        return exchange;
      },
    });
    const task = () => clients.dialogporten.getDialogAndMarkSeen(dialogId, { signal: options.signal });
    const details = await (options.inProgress ? options.inProgress(task) : task());
    return { ...details, exchange };
  }

  /**
   * `current` while it is fresh (isDialogTokenFresh); otherwise the token `refetch` brings (it fetches the details
   * again). Throws when the details carried none.
   */
  async freshToken(
    current: string | null | undefined,
    refetch: () => Promise<string | null | undefined>,
  ): Promise<string> {
    if (isDialogTokenFresh(current)) return current;
    const token = await refetch();
    if (!token) throw new Error(vscode.l10n.t('The dialog details carried no dialog token.'));
    return token;
  }

  private async askInProduction(title: string | undefined, reason: FetchReason): Promise<void> {
    const name = title ?? vscode.l10n.t('this dialog');
    if (reason === 'details') {
      await this.services
        .prompts()
        .confirm(
          vscode.l10n.t('Fetch the details of "{0}" in Production?', name),
          vscode.l10n.t(
            "Dialogporten records this in the dialog's seen log: it stops being unread for everyone acting for this party, and the service owner can see it was opened.",
          ),
          vscode.l10n.t('Fetch Details'),
        );
      return;
    }
    await this.services
      .prompts()
      .confirm(
        reason === 'open'
          ? vscode.l10n.t('Open "{0}" in Production?', name)
          : vscode.l10n.t('Fetch "{0}" again in Production?', name),
        vscode.l10n.t(
          "Fetching a dialog's details marks it as seen in Dialogporten for the party: your system is recorded in its seen log and the Altinn inbox no longer shows it as unread to the people who read it there. An Altinn message's content is fetched only if you ask for it (that marks the message as read).",
        ),
        vscode.l10n.t('Open and Mark as Seen'),
      );
  }
}

const instances = new WeakMap<ExtensionServices, DialogDetailsService>();

/** The one DialogDetailsService of this extension. */
export function dialogDetails(services: ExtensionServices): DialogDetailsService {
  let instance = instances.get(services);
  if (!instance) {
    instance = new DialogDetailsService(services, payloadDebugging(services));
    instances.set(services, instance);
  }
  return instance;
}
