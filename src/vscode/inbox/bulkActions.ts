import * as vscode from 'vscode';
import { bulkSetSystemLabels, type BulkLabelOutcome, type BulkLabelResult } from '../../platform/dialogporten/bulk';
import { withCancellableProgress } from '../cancellableProgress';
import type { PayloadDebugging } from '../payloads/payloadDebugging';
import type { ExtensionServices } from '../services';
import { createApiClients, resolveProfile } from '../shared/apiClients';
import { AllPartiesNode } from './allPartiesNode';
import { verbOf } from './dialogActions';
import { DialogNode } from './dialogNodes';
import { dialogTitle } from './dialogPresentation';
import type { InboxTreeProvider } from './inboxTreeProvider';
import { bulkLabelChange, type LabelAction } from './labelChanges';
import { PartyNode } from './partyNodes';
import { bulkReport } from './bulkReport';

/** One dialog of a bulk action: its id, and what the tree knows of it (for the report and the revision check). */
export const BULK_REPORT_SCHEME = 'altinn-bulk-report';

export interface BulkTarget {
  readonly dialogId: string;
  readonly revision?: string;
  readonly title?: string;
  readonly partyUrn?: string;
  readonly node?: DialogNode;
}

export interface BulkOutcome extends BulkLabelResult {
  readonly action: LabelAction;
  /** The report shown when something failed or the action was cancelled (markdown), else undefined. */
  readonly report?: string;
}

/**
 * Archive, bin, restore or mark as unopened many dialogs at once (a multi-selection, or every listed row) through
 * Dialogporten's bulkset, 100 per call; a call that fails for one dialog is narrowed down by the platform so the
 * others are still changed, and each failure is listed in a report. Production asks once, naming the count.
 */
export class BulkActions {
  private reports = 0;
  private readonly reportTexts = new Map<string, string>();

  constructor(
    private readonly services: ExtensionServices,
    private readonly provider: InboxTreeProvider,
    private readonly payloads: PayloadDebugging,
  ) {}

  /** The selection VS Code passes to a context-menu command, as targets (dialog rows only). */
  static targetsOf(nodes: readonly unknown[]): BulkTarget[] {
    return nodes.filter((n): n is DialogNode => n instanceof DialogNode).map(targetOf);
  }

  /** Every dialog row listed (loaded) under a party or All parties. */
  static listedIn(list: PartyNode | AllPartiesNode): BulkTarget[] {
    return list.dialogNodes.map(targetOf);
  }

  async run(profileId: string | undefined, targets: readonly BulkTarget[], action: LabelAction): Promise<BulkOutcome> {
    if (targets.length === 0)
      throw new Error(vscode.l10n.t('No dialogs to change: select dialogs in the Inbox first.'));
    const profile = resolveProfile(this.services, profileId);
    const environment = await this.services.connections.environmentFor(profile);
    const verb = verbOf(action);
    const count = new Set(targets.map((t) => t.dialogId.toLowerCase())).size;
    if (environment.isProduction) {
      await this.services
        .prompts()
        .confirm(
          vscode.l10n.t('{0}: {1} dialogs in Production?', verb, count),
          vscode.l10n.t(
            'System labels are shared: the change shows in the Altinn inbox for everyone who acts for these parties. Dialogs changed elsewhere since they were listed are left as they are and reported.',
          ),
          verb,
        );
    }
    const clients = await createApiClients(this.services, profile, { record: this.payloads.record });
    const result = await withCancellableProgress(vscode.l10n.t('{0}: {1} dialogs', verb, count), (signal, progress) => {
      let reported = 0;
      return bulkSetSystemLabels(
        clients.dialogporten,
        targets.map((t) => ({ dialogId: t.dialogId, endUserContextRevision: t.revision })),
        bulkLabelChange(action),
        {
          signal,
          onProgress: ({ total, done, failed }) => {
            const percent = total ? ((done + failed) / total) * 100 : 100;
            progress.report({
              increment: percent - reported,
              message: vscode.l10n.t('{0} of {1} done, {2} failed', done, total, failed),
            });
            reported = percent;
          },
        },
      );
    });
    this.services.log.info(
      `[inbox] bulk ${action}: ${result.succeeded} done, ${result.failed} failed, ${result.skipped} not tried, ${result.requests} request(s)${result.cancelled ? ', cancelled' : ''}`,
    );
    this.refreshLists(targets);
    const report = result.failed || result.cancelled ? bulkReport(verb, result, targets, environment.label) : undefined;
    if (report) {
      await this.showReport(report);
      void vscode.window.showWarningMessage(
        result.cancelled
          ? vscode.l10n.t(
              '{0} cancelled: {1} changed, {2} failed, {3} not tried. The report lists them.',
              verb,
              result.succeeded,
              result.failed,
              result.skipped,
            )
          : vscode.l10n.t(
              '{0}: {1} changed, {2} failed. The report lists why each failed.',
              verb,
              result.succeeded,
              result.failed,
            ),
      );
    } else {
      void vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) {0}: {1} dialogs', verb, result.succeeded), 5000);
    }
    return { ...result, action, report };
  }

  /** The report as a read-only document (nothing to save or discard when closing it; Save As keeps a copy). */
  private async showReport(report: string): Promise<void> {
    const uri = vscode.Uri.from({ scheme: BULK_REPORT_SCHEME, path: `/bulk-report-${++this.reports}.md` });
    this.reportTexts.set(uri.toString(), report);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    await vscode.window.showTextDocument(document, { preview: true });
  }

  /** Serves the reports' text to VS Code (registered once, with the commands). */
  readonly reportProvider: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: (uri) => this.reportTexts.get(uri.toString()) ?? '',
  };

  /** Lists that showed a changed dialog load again (labels, and whether it still matches their filter). */
  private refreshLists(targets: readonly BulkTarget[]): void {
    const lists = new Set<PartyNode | AllPartiesNode>();
    for (const target of targets) {
      const owner = target.node?.owner;
      if (owner instanceof PartyNode || owner instanceof AllPartiesNode) lists.add(owner);
    }
    const all = this.provider.rootNode?.allPartiesNode;
    if (all?.loaded) lists.add(all);
    for (const list of lists) this.provider.refreshNode(list);
  }
}

function targetOf(node: DialogNode): BulkTarget {
  return {
    dialogId: node.dialogId,
    revision: node.item.endUserContext?.revision ?? undefined,
    title: dialogTitle(node.item),
    partyUrn: node.partyUrn,
    node,
  };
}

export type { BulkLabelOutcome };
