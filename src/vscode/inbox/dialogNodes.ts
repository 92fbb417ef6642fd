import * as vscode from 'vscode';
import type { DialogWithMeta } from '../../platform/dialogporten';
import type { DialogAttachment } from '../../platform/dialogporten/schemas/attachments';
import type { DialogListItem } from '../../platform/dialogporten/schemas/dialogListItem';
import type { TransmissionListItem } from '../../platform/dialogporten/schemas/transmissions';
import type { RecordedExchange } from '../shared/exchangeRecorder';
import type { RawRef } from '../payloads/rawJson';
import { LinkedCorrespondenceNode } from './correspondenceMessageNodes';
import { correspondenceIdsIn } from './correspondenceRefs';
import {
  HintNode,
  InboxNode,
  LeafNode,
  LoadingNode,
  downloadCommand,
  presentationRow,
  type InboxContext,
} from './inboxNode';
import type { TreeRow } from '../shared/treeRow';
import { ListGroupNode, type ListSpec } from './listGroupNode';
import type { OpenDialogArgs } from '../shared/inboxTypes';
import { nestTransmissions, type TransmissionEntry } from '../../platform/presentation';
import {
  dialogAttachmentName,
  dialogSender,
  dialogTitle,
  dialogTooltip,
  presentActivity,
  presentDialog,
  presentDialogAttachment,
  presentLabelAssignment,
  presentSeenLogEntry,
  presentTransmission,
  transmissionTooltip,
} from './dialogPresentation';
import type { Presentation } from './presentation';

/** The party node a dialog belongs to (kept abstract here to avoid a module cycle). */
export interface DialogOwner extends InboxNode {
  readonly partyUrn: string;
  readonly profileId: string;
}

/** One dialog from a search page. Expanding it never opens it: the children come from endpoints that do not mark it seen. */
export class DialogNode extends LoadingNode {
  /** Set once the details were fetched here (explicitly; that marks the dialog as seen). */
  details?: DialogWithMeta & { exchange?: RecordedExchange };

  constructor(
    readonly owner: DialogOwner,
    public item: DialogListItem,
    raw: RawRef,
    ctx: InboxContext,
  ) {
    super(`${owner.id}/d/${item.id}`, owner, ctx);
    this.raw = raw;
    this.rawTitle = `dialog-${dialogTitle(item, ctx.format)}`;
  }

  get dialogId(): string {
    return this.item.id;
  }

  openArgs(): OpenDialogArgs {
    return {
      profileId: this.owner.profileId,
      partyUrn: this.owner.partyUrn,
      dialogId: this.item.id,
      title: dialogTitle(this.item, this.ctx.format),
    };
  }

  row(): TreeRow {
    const row = presentationRow(this.id, presentDialog(this.item, this.ctx.format), 'collapsed');
    return this.details ? { ...row, contextValue: `${row.contextValue} detailsLoaded` } : row;
  }

  override tooltip(): string {
    return dialogTooltip(this.item, this.ctx.format);
  }

  /** The list item changed (labels, seen): show the new one; the children (logs) may have changed too. */
  update(item: DialogListItem, raw?: RawRef): void {
    this.item = item;
    if (raw) this.raw = raw;
    this.invalidate();
  }

  protected whatFailed(): string {
    return vscode.l10n.t('the dialog');
  }

  protected async loadChildren(): Promise<InboxNode[]> {
    const counts = (this.item.fromServiceOwnerTransmissionsCount ?? 0) + (this.item.fromPartyTransmissionsCount ?? 0);
    const hasCounts =
      this.item.fromServiceOwnerTransmissionsCount !== undefined || this.item.fromPartyTransmissionsCount !== undefined;
    const nodes: InboxNode[] = [
      new TransmissionsGroupNode(this, hasCounts ? counts : undefined, this.ctx),
      new DialogAttachmentsGroupNode(this, this.ctx),
      listGroup(
        this,
        'activities',
        {
          label: vscode.l10n.t('Activities'),
          icon: 'pulse',
          what: vscode.l10n.t('activities'),
          empty: vscode.l10n.t('No activities'),
          fetch: (c, signal) => c.dialogporten.listActivities(this.dialogId, { signal }),
          make: (a, parent, raw) =>
            leaf(`${parent.id}/${a.id}`, parent, presentActivity(a, this.ctx.format), raw, `activity-${a.type}`),
        },
        this.ctx,
      ),
      listGroup(
        this,
        'seenlog',
        {
          label: vscode.l10n.t('Seen log'),
          icon: 'eye',
          what: vscode.l10n.t('the seen log'),
          empty: vscode.l10n.t('Nobody has opened it'),
          fetch: (c, signal) => c.dialogporten.listSeenLog(this.dialogId, { signal }),
          make: (s, parent, raw) =>
            leaf(`${parent.id}/${s.id}`, parent, presentSeenLogEntry(s, this.ctx.format), raw, 'seen-log-entry'),
        },
        this.ctx,
      ),
      listGroup(
        this,
        'labellog',
        {
          label: vscode.l10n.t('Label log'),
          icon: 'tag',
          what: vscode.l10n.t('the label log'),
          empty: vscode.l10n.t('No label changes'),
          fetch: (c, signal) => c.dialogporten.getLabelLog(this.dialogId, { signal }),
          make: (l, parent, raw, index) =>
            leaf(`${parent.id}/${index}`, parent, presentLabelAssignment(l, this.ctx.format), raw, 'label-change'),
        },
        this.ctx,
      ),
    ];
    if (this.details) {
      for (const correspondenceId of correspondenceIdsIn(this.details.raw))
        nodes.push(new LinkedCorrespondenceNode(this, correspondenceId, this.ctx));
    }
    return nodes;
  }
}

function leaf(id: string, parent: InboxNode, p: Presentation, raw: RawRef, rawTitle: string): InboxNode {
  return new LeafNode(id, parent, p, raw, rawTitle);
}

function listGroup<T>(dialog: DialogNode, key: string, spec: ListSpec<T>, ctx: InboxContext): ListGroupNode<T> {
  return new ListGroupNode(`${dialog.id}/${key}`, dialog, spec, ctx);
}

/** GET …/transmissions, nested by relatedTransmissionId. */
export class TransmissionsGroupNode extends LoadingNode {
  constructor(
    private readonly dialog: DialogNode,
    private count: number | undefined,
    ctx: InboxContext,
  ) {
    super(`${dialog.id}/transmissions`, dialog, ctx);
  }

  row(): TreeRow {
    return {
      id: this.id,
      label: vscode.l10n.t('Transmissions'),
      icon: { id: 'comment-discussion' },
      description: this.count === undefined ? undefined : String(this.count),
      contextValue: this.groupContext('transmissions'),
      collapsible: this.count === 0 ? 'none' : 'collapsed',
    };
  }

  protected whatFailed(): string {
    return vscode.l10n.t('transmissions');
  }

  protected async loadChildren(): Promise<InboxNode[]> {
    const { value, exchange } = await this.ctx.load((clients, signal) =>
      clients.dialogporten.listTransmissions(this.dialog.dialogId, { signal }),
    );
    this.showsResponse(exchange, 'transmissions');
    if (this.count !== value.length) {
      this.count = value.length;
      setTimeout(() => this.ctx.changed(this), 0);
    }
    if (value.length === 0)
      return [
        new HintNode(`${this.id}/empty`, this, { label: vscode.l10n.t('No transmissions'), icon: 'circle-slash' }),
      ];
    return nestTransmissions(value).map((entry) => new TransmissionNode(this, entry, exchange?.id ?? '', this.ctx));
  }
}

/** One transmission; related transmissions and its attachments below it. */
export class TransmissionNode extends InboxNode {
  constructor(
    parent: InboxNode,
    readonly entry: TransmissionEntry<TransmissionListItem>,
    private readonly exchangeId: string,
    private readonly ctx: InboxContext,
  ) {
    super(`${parent.closest(DialogNode)?.id ?? parent.id}/t/${entry.transmission.id}`, parent);
    this.raw = { exchangeId, pointer: [entry.index] };
    this.rawTitle = `transmission-${entry.transmission.type}`;
  }

  get transmission(): TransmissionListItem {
    return this.entry.transmission;
  }

  row(): TreeRow {
    const hasChildren = this.entry.related.length > 0 || (this.transmission.attachments?.length ?? 0) > 0;
    const dialog = this.closest(DialogNode);
    const presentation = presentTransmission(
      this.transmission,
      this.ctx.format,
      dialog ? dialogSender(dialog.item, this.ctx.format) : undefined,
    );
    const description = this.entry.related.length
      ? `${presentation.description} · ${vscode.l10n.t('{0} related', this.entry.related.length)}`
      : presentation.description;
    return presentationRow(this.id, { ...presentation, description }, hasChildren ? 'collapsed' : 'none');
  }

  override tooltip(): string {
    return transmissionTooltip(this.transmission, this.ctx.format);
  }

  override children(): InboxNode[] {
    return [
      ...this.entry.related.map((related) => new TransmissionNode(this, related, this.exchangeId, this.ctx)),
      ...(this.transmission.attachments ?? []).map(
        (attachment, index) =>
          new DialogAttachmentNode(
            this,
            attachment,
            { exchangeId: this.exchangeId, pointer: [this.entry.index, 'attachments', index] },
            this.ctx,
          ),
      ),
    ];
  }
}

/**
 * The dialog's own attachments are only in its details, and fetching the details marks the dialog as seen:
 * until the user asks, this group says so and offers to load them.
 */
export class DialogAttachmentsGroupNode extends InboxNode {
  constructor(
    private readonly dialog: DialogNode,
    private readonly ctx: InboxContext,
  ) {
    super(`${dialog.id}/attachments`, dialog);
  }

  row(): TreeRow {
    const count = this.dialog.details?.dialog.attachments?.length ?? this.dialog.item.guiAttachmentCount ?? undefined;
    return {
      id: this.id,
      label: vscode.l10n.t('Attachments'),
      icon: { id: 'paperclip' },
      description: count === undefined ? undefined : String(count),
      contextValue: 'group attachments',
      collapsible: count === 0 ? 'none' : 'collapsed',
    };
  }

  override children(): InboxNode[] {
    const details = this.dialog.details;
    if (!details) {
      return [
        new HintNode(`${this.id}/load`, this, {
          label: vscode.l10n.t("Load the dialog's attachments…"),
          description: vscode.l10n.t('fetches its details: marks it as seen'),
          icon: 'cloud-download',
          command: {
            command: 'altinnInbox.loadDialogDetails',
            title: vscode.l10n.t('Load details'),
            arguments: [this.dialog],
          },
          tooltip: vscode.l10n.t(
            "Dialogporten lists dialog-level attachments only in the dialog details (GET /dialogs/{id}), and that request records you in the seen log. Transmissions' attachments are under Transmissions and do not need it.",
          ),
          contextValue: 'hint loadDetails',
        }),
      ];
    }
    const attachments = details.dialog.attachments ?? [];
    const exchangeId = details.exchange?.id ?? '';
    if (attachments.length === 0)
      return [new HintNode(`${this.id}/empty`, this, { label: vscode.l10n.t('No attachments'), icon: 'circle-slash' })];
    return attachments.map(
      (attachment, index) =>
        new DialogAttachmentNode(this, attachment, { exchangeId, pointer: ['attachments', index] }, this.ctx),
    );
  }
}

/** A dialog or transmission attachment; downloading it needs the dialog token from the details. */
export class DialogAttachmentNode extends InboxNode {
  constructor(
    parent: InboxNode,
    readonly attachment: DialogAttachment,
    raw: RawRef,
    private readonly ctx: InboxContext,
  ) {
    super(`${parent.id}/a/${attachment.id}`, parent);
    this.raw = raw;
    this.rawTitle = `attachment-${attachment.name ?? attachment.id}`;
  }

  get dialog(): DialogNode | undefined {
    return this.closest(DialogNode);
  }

  get displayName(): string {
    return dialogAttachmentName(this.attachment, this.ctx.format);
  }

  row(): TreeRow {
    const row = presentationRow(this.id, presentDialogAttachment(this.attachment, this.ctx.format), 'none');
    return row.contextValue?.includes('downloadable') ? { ...row, command: downloadCommand(this) } : row;
  }

  override tooltip(): string {
    const urls = (this.attachment.urls ?? [])
      .map((u) => `- ${u.consumerType ?? '?'} · ${u.mediaType ?? '?'} · \`${u.url.replace(/`/g, '')}\``)
      .join('\n');
    return `**${this.displayName.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`)}**\n\n${urls}\n\n_${vscode.l10n.t('Click to download (needs the dialog token from the details, which marks the dialog as seen).')}_`;
  }
}
