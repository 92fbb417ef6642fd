import * as vscode from 'vscode';
import type { CorrespondenceAttachment, CorrespondenceOverview } from '../../platform/correspondence';
import type { RawRef } from '../payloads/rawJson';
import { consentRowOptions, type ConsentGated, type ConsentScope } from './correspondenceConsent';
import { dialogIdsOf } from './correspondenceRefs';
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
import {
  correspondenceTooltip,
  presentCorrespondence,
  presentCorrespondenceAttachment,
  presentStatusEvent,
} from './correspondencePresentation';
import type { FormatOptions } from './presentation';

/** The party a correspondence is listed for. */
export interface CorrespondenceOwner extends InboxNode {
  readonly partyUrn: string;
  readonly profileId: string;
}

/** One correspondence (its overview): attachments, status history, the dialog it was published as, reply links. */
export class CorrespondenceNode extends InboxNode {
  constructor(
    parent: InboxNode,
    public overview: CorrespondenceOverview,
    raw: RawRef | undefined,
    private readonly ctx: InboxContext,
  ) {
    super(`${parent.id}/c/${overview.correspondenceId}`, parent);
    this.raw = raw;
    this.rawTitle = `correspondence-${overview.content?.messageTitle ?? overview.correspondenceId}`;
  }

  get correspondenceId(): string {
    return this.overview.correspondenceId;
  }

  get owner(): CorrespondenceOwner | undefined {
    return ownerOf(this);
  }

  get profileId(): string {
    return this.owner?.profileId ?? this.ctx.profile.id;
  }

  row(): TreeRow {
    return presentationRow(this.id, presentCorrespondence(this.overview, this.ctx.format), 'collapsed');
  }

  override tooltip(): string {
    return correspondenceTooltip(this.overview, this.ctx.format);
  }

  update(overview: CorrespondenceOverview, raw?: RawRef): void {
    this.overview = overview;
    if (raw) this.raw = raw;
  }

  override children(): InboxNode[] {
    const attachments = this.overview.content?.attachments ?? [];
    const nodes: InboxNode[] = attachments.map(
      (attachment, index) =>
        new CorrespondenceAttachmentNode(
          this,
          attachment,
          this.raw ? { exchangeId: this.raw.exchangeId, pointer: ['content', 'attachments', index] } : undefined,
          this.ctx.format,
        ),
    );
    nodes.push(new StatusHistoryNode(this, this.ctx));
    for (const dialogId of dialogIdsOf(this.overview)) {
      nodes.push(
        new HintNode(`${this.id}/dialog/${dialogId}`, this, {
          label: vscode.l10n.t('Open the dialog in Dialogporten'),
          description: dialogId.slice(0, 8),
          icon: 'link',
          command: {
            command: 'altinnInbox.openDialogItem',
            title: vscode.l10n.t('Open dialog'),
            arguments: [
              { profileId: this.profileId, partyUrn: this.overview.recipient ?? this.owner?.partyUrn ?? '', dialogId },
            ],
          },
          tooltip: vscode.l10n.t(
            'Correspondence publishes each message as a Dialogporten dialog too. Opening it marks the dialog as seen.',
          ),
          contextValue: 'dialogRef',
        }),
      );
    }
    for (const [index, reply] of (this.overview.replyOptions ?? []).entries()) {
      if (!reply.linkURL || !/^https?:\/\//i.test(reply.linkURL)) continue;
      nodes.push(
        new HintNode(`${this.id}/reply/${index}`, this, {
          label: reply.linkText ?? reply.linkURL,
          description: vscode.l10n.t('reply option'),
          icon: 'link-external',
          command: {
            command: 'vscode.open',
            title: vscode.l10n.t('Open'),
            arguments: [vscode.Uri.parse(reply.linkURL)],
          },
          contextValue: 'replyOption',
        }),
      );
    }
    return nodes;
  }
}

export class CorrespondenceAttachmentNode extends InboxNode {
  constructor(
    readonly correspondence: CorrespondenceNode,
    readonly attachment: CorrespondenceAttachment,
    raw: RawRef | undefined,
    private readonly format: FormatOptions = {},
  ) {
    super(`${correspondence.id}/a/${attachment.id ?? attachment.fileName ?? 'attachment'}`, correspondence);
    this.raw = raw;
    this.rawTitle = `attachment-${attachment.fileName ?? attachment.id ?? ''}`;
  }

  row(): TreeRow {
    const row = presentationRow(this.id, presentCorrespondenceAttachment(this.attachment, this.format), 'none');
    return row.contextValue?.includes('downloadable') && this.attachment.id
      ? { ...row, command: downloadCommand(this) }
      : row;
  }

  override tooltip(): string {
    const a = this.attachment;
    return [
      `**${(a.displayName ?? a.fileName ?? 'attachment').replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`)}**`,
      '',
      `${vscode.l10n.t('File')}: ${a.fileName ?? '—'}`,
      `${vscode.l10n.t('Checksum (MD5)')}: ${a.checksum ?? '—'}`,
      `${vscode.l10n.t('Status')}: ${a.status ?? '—'}`,
      '',
      `_${vscode.l10n.t('Click to download. Altinn records AttachmentsDownloaded.')}_`,
    ].join('  \n');
  }
}

/** GET …/details: the status history (reading it records Fetched, like the overview). */
export class StatusHistoryNode extends LoadingNode {
  constructor(
    private readonly correspondence: CorrespondenceNode,
    ctx: InboxContext,
  ) {
    super(`${correspondence.id}/history`, correspondence, ctx);
  }

  row(): TreeRow {
    return {
      id: this.id,
      label: vscode.l10n.t('Status history'),
      icon: { id: 'history' },
      contextValue: this.groupContext('statusHistory'),
      collapsible: 'collapsed',
    };
  }

  protected whatFailed(): string {
    return vscode.l10n.t('the status history');
  }

  protected async loadChildren(): Promise<InboxNode[]> {
    const { value, exchange } = await this.ctx.load((clients, signal) =>
      clients.correspondence.fetchDetails(this.correspondence.correspondenceId, { signal }),
    );
    this.showsResponse(exchange, 'correspondence-details');
    const events = value.statusHistory ?? [];
    if (events.length === 0)
      return [
        new HintNode(`${this.id}/empty`, this, { label: vscode.l10n.t('No status events'), icon: 'circle-slash' }),
      ];
    return events
      .map(
        (event, index) =>
          new LeafNode(
            `${this.id}/${index}`,
            this,
            presentStatusEvent(event, this.ctx.format),
            exchange ? { exchangeId: exchange.id, pointer: ['statusHistory', index] } : undefined,
            `status-${event.status ?? index}`,
          ),
      )
      .reverse();
  }
}

/** A correspondence a dialog links to (known once the dialog's details were loaded); on Production read only with consent. */
export class LinkedCorrespondenceNode extends LoadingNode implements ConsentGated {
  constructor(
    parent: InboxNode,
    readonly correspondenceId: string,
    ctx: InboxContext,
  ) {
    super(`${parent.id}/linked/${correspondenceId}`, parent, ctx);
  }

  get consentScope(): ConsentScope {
    const owner = ownerOf(this);
    return {
      profileId: owner?.profileId ?? this.ctx.profile.id,
      partyUrn: owner?.partyUrn ?? '',
      subject: `correspondence:${this.correspondenceId}`,
    };
  }

  get consentWhat(): ConsentGated['consentWhat'] {
    return { kind: 'message', name: this.correspondenceId, count: 1 };
  }

  row(): TreeRow {
    return {
      id: this.id,
      label: vscode.l10n.t('Correspondence'),
      description: this.correspondenceId,
      icon: { id: 'mail' },
      contextValue: 'group linkedCorrespondence',
      collapsible: 'collapsed',
    };
  }

  protected whatFailed(): string {
    return vscode.l10n.t('the correspondence');
  }

  protected async loadChildren(): Promise<InboxNode[]> {
    if (await needsConsent(this, this.ctx)) return [new HintNode(`${this.id}/consent`, this, consentRowOptions(this))];
    const { value, exchange } = await this.ctx.load((clients, signal) =>
      clients.correspondence.fetchOverview(this.correspondenceId, { signal }),
    );
    return [
      new CorrespondenceNode(this, value, exchange ? { exchangeId: exchange.id, pointer: [] } : undefined, this.ctx),
    ];
  }
}

/** The nearest ancestor that is a party (has a party URN and a profile). */
function ownerOf(node: InboxNode): CorrespondenceOwner | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if ('partyUrn' in current && 'profileId' in current) return current as CorrespondenceOwner;
  }
  return undefined;
}

/** On Production, overviews are read only after the user agreed this session; tt02 and the sandbox never ask. */
export async function needsConsent(node: ConsentGated, ctx: InboxContext): Promise<boolean> {
  return (await ctx.environment()).isProduction && !ctx.consent.has(node.consentScope);
}
