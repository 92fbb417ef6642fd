import * as vscode from 'vscode';
import { CorrespondenceApiError } from '../../platform/correspondence';
import type { PayloadDebugging } from '../payloads/payloadDebugging';
import type { ExtensionServices } from '../services';
import { createApiClients, resolveProfile } from '../shared/apiClients';
import { CorrespondenceNode } from './correspondenceMessageNodes';
import type { InboxTreeProvider } from './inboxTreeProvider';

export type CorrespondenceAction = 'confirm' | 'markAsRead';

/** A correspondence node, or its ids from elsewhere (e.g. a dialog panel). */
export type CorrespondenceTarget =
  CorrespondenceNode | { readonly profileId?: string; readonly correspondenceId: string; readonly title?: string };

export interface CorrespondenceOutcome {
  readonly action: CorrespondenceAction;
  readonly correspondenceId: string;
  /** `done`: Altinn recorded it now; `already`: it was recorded before (nothing changed). */
  readonly result: 'done' | 'already';
  /** The overview had to be fetched first (Altinn's precondition), with the user's consent. */
  readonly fetchedFirst: boolean;
  readonly status?: string;
}

interface Wording {
  readonly verb: string;
  readonly records: string;
  readonly done: string;
  readonly already: string;
  /** The Correspondence error reason when the message was not fetched first. */
  readonly notFetched: string;
}

function wording(action: CorrespondenceAction, title: string): Wording {
  return action === 'confirm'
    ? {
        verb: vscode.l10n.t('Confirm'),
        records: vscode.l10n.t(
          'Altinn records the status Confirmed for "{0}": the sender can see that you confirmed receiving it. This cannot be undone.',
          title,
        ),
        done: vscode.l10n.t('Confirmed "{0}": Altinn recorded the status Confirmed, which the sender can see.', title),
        already: vscode.l10n.t('"{0}" was already confirmed; nothing changed.', title),
        notFetched: 'confirm-before-fetched',
      }
    : {
        verb: vscode.l10n.t('Mark as Read'),
        records: vscode.l10n.t(
          'Altinn records the status Read for "{0}": the sender can see that it was read. This cannot be undone.',
          title,
        ),
        done: vscode.l10n.t('Marked "{0}" as read: Altinn recorded the status Read, which the sender can see.', title),
        already: vscode.l10n.t('"{0}" was already marked as read; nothing changed.', title),
        notFetched: 'read-before-fetched',
      };
}

/**
 * Confirm and mark-as-read: explicit actions that always say what they record; on Production they ask first.
 * Altinn accepts them only after the recipient fetched the message; when it has not been, the user is asked
 * whether to fetch it now (which itself records Fetched).
 */
export class CorrespondenceActions {
  constructor(
    private readonly services: ExtensionServices,
    private readonly provider: InboxTreeProvider,
    private readonly payloads: PayloadDebugging,
  ) {}

  async run(target: CorrespondenceTarget, action: CorrespondenceAction): Promise<CorrespondenceOutcome> {
    const node = target instanceof CorrespondenceNode ? target : undefined;
    const correspondenceId = node ? node.correspondenceId : (target as { correspondenceId: string }).correspondenceId;
    if (!correspondenceId) throw new Error(vscode.l10n.t('Pick a correspondence in the Inbox view.'));
    const profile = resolveProfile(this.services, node ? node.profileId : (target as { profileId?: string }).profileId);
    const environment = await this.services.connections.environmentFor(profile);
    const title = node?.overview.content?.messageTitle ?? (target as { title?: string }).title ?? correspondenceId;
    const what = wording(action, title);
    const verb = what.verb;
    const records = what.records;
    if (environment.isProduction) {
      await this.services.prompts().confirm(vscode.l10n.t('{0} "{1}" in Production?', verb, title), records, verb);
    }
    if (action === 'confirm' && node && node.overview.isConfirmationNeeded === false) {
      this.services.log.info(`[inbox] confirming ${correspondenceId} although the sender did not ask for confirmation`);
    }
    const clients = await createApiClients(this.services, profile, { record: this.payloads.record });
    const call = (): Promise<void> =>
      action === 'confirm'
        ? clients.correspondence.confirm(correspondenceId)
        : clients.correspondence.markAsRead(correspondenceId);
    let fetchedFirst = false;
    let result: CorrespondenceOutcome['result'] = 'done';
    try {
      await call();
    } catch (error) {
      if (!(error instanceof CorrespondenceApiError)) throw error;
      if (error.reason === what.notFetched) {
        await this.services
          .prompts()
          .confirm(
            vscode.l10n.t('Altinn needs "{0}" fetched before you can {1} it', title, verb.toLowerCase()),
            vscode.l10n.t(
              '{0} Fetching the overview first records the status Fetched (as opening it in an inbox does). Fetch it now and continue?',
              error.explanation,
            ),
            vscode.l10n.t('Fetch and Continue'),
          );
        await clients.correspondence.fetchOverview(correspondenceId);
        fetchedFirst = true;
        try {
          await call();
        } catch (retryError) {
          if (!(retryError instanceof CorrespondenceApiError) || !isAlready(retryError, action)) throw retryError;
          result = 'already';
        }
      } else if (isAlready(error, action)) {
        result = 'already';
      } else {
        throw error;
      }
    }
    const overview = await clients.correspondence.fetchOverview(correspondenceId).catch(() => undefined);
    const exchange = this.payloads.store
      .list()
      .reverse()
      .find((e) => e.status === 200 && e.url.endsWith(`/correspondence/${correspondenceId.toLowerCase()}`));
    if (node && overview) {
      node.update(overview, exchange ? { exchangeId: exchange.id, pointer: [] } : undefined);
      this.provider.changed(node);
    }
    const message = result === 'already' ? what.already : what.done;
    void vscode.window.showInformationMessage(message);
    this.services.log.info(`[inbox] ${action} ${correspondenceId}: ${result}${fetchedFirst ? ' (fetched first)' : ''}`);
    return { action, correspondenceId, result, fetchedFirst, status: overview?.status ?? undefined };
  }
}

function isAlready(error: CorrespondenceApiError, action: CorrespondenceAction): boolean {
  return action === 'confirm' ? error.reason === 'already-confirmed' : error.reason === 'already-read';
}
