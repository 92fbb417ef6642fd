import * as vscode from 'vscode';
import type { AuthorizedParty } from '../../platform/dialogporten/schemas/parties';
import type { DialogListItem } from '../../platform/dialogporten/schemas/dialogListItem';
import { CorrespondenceGroupNode } from './correspondenceNodes';
import type { ResourceDiscovery } from './correspondenceResources';
import { DialogNode } from './dialogNodes';
import { ErrorNode, HintNode, InboxNode, LoadMoreNode, LoadingNode, type InboxContext } from './inboxNode';
import type { TreeRow } from '../shared/treeRow';
import { describeFilter, filterProblem, isEmptyFilter, toSearchFilters } from './inboxFilter';
import { isPerson, partyIdentifierLabel, type PartyEntry } from './partyTree';
import { escapeMarkdown } from './presentation';

export type ResourcesForParty = (partyUrn: string) => Promise<ResourceDiscovery>;

/**
 * A party: its sub-units, its correspondence, then its dialogs newest first (`contentUpdatedAt`), a page at a time
 * with the party's filter, and "Load more…" while Dialogporten has a next page.
 */
export class PartyNode extends LoadingNode {
  readonly subUnits: PartyNode[];
  private dialogs: DialogNode[] = [];
  private continuationToken: string | undefined;
  private hasNextPage = false;
  private dialogError: ErrorNode | undefined;
  private listed = false;

  constructor(
    parent: InboxNode,
    readonly entry: PartyEntry,
    partiesExchangeId: string,
    ctx: InboxContext,
    private readonly resourcesFor: ResourcesForParty,
    private readonly expanded = false,
  ) {
    super(`p/${ctx.profile.id}/${entry.party.party}`, parent, ctx);
    this.raw = { exchangeId: partiesExchangeId, pointer: entry.path };
    this.rawTitle = `party-${entry.party.name}`;
    this.subUnits = entry.subUnits.map((sub) => new PartyNode(this, sub, partiesExchangeId, ctx, resourcesFor));
  }

  get party(): AuthorizedParty {
    return this.entry.party;
  }

  get partyUrn(): string {
    return this.entry.party.party;
  }

  get profileId(): string {
    return this.ctx.profile.id;
  }

  get isSubUnit(): boolean {
    return this.parent instanceof PartyNode;
  }

  get dialogNodes(): readonly DialogNode[] {
    return this.dialogs;
  }

  get canLoadMore(): boolean {
    return this.hasNextPage;
  }

  row(): TreeRow {
    const filter = this.ctx.filterFor(this.partyUrn);
    const filtered = !isEmptyFilter(filter);
    const parts = [partyIdentifierLabel(this.partyUrn)];
    if (this.party.isDeleted) parts.push(vscode.l10n.t('deleted'));
    if (this.party.hasOnlyAccessToSubParties) parts.push(vscode.l10n.t('sub-units only'));
    if (this.listed)
      parts.push(
        this.hasNextPage
          ? vscode.l10n.t('{0}+ dialogs', this.dialogs.length)
          : vscode.l10n.t('{0} dialogs', this.dialogs.length),
      );
    if (filtered) parts.push(vscode.l10n.t('filtered: {0}', describeFilter(filter, vscode.l10n)));
    const icon = this.party.isDeleted
      ? 'circle-slash'
      : isPerson(this.party)
        ? 'person'
        : this.isSubUnit
          ? 'symbol-structure'
          : 'organization';
    const contextValue = [
      'party',
      isPerson(this.party) ? 'person' : 'organization',
      this.isSubUnit ? 'subunit' : '',
      this.party.isDeleted ? 'deleted' : '',
      filtered ? 'filtered' : '',
      'raw',
    ]
      .filter(Boolean)
      .join(' ');
    return {
      id: this.id,
      label: this.party.name,
      description: parts.join(' · '),
      icon: { id: icon, color: filtered ? 'charts.blue' : undefined },
      contextValue,
      collapsible: this.expanded ? 'expanded' : 'collapsed',
    };
  }

  override tooltip(): string {
    const p = this.party;
    const rows = [
      `**${escapeMarkdown(p.name)}**`,
      '',
      `${vscode.l10n.t('Party')}: \`${p.party}\``,
      `${vscode.l10n.t('Type')}: ${escapeMarkdown(p.partyType)}${this.isSubUnit ? ` (${vscode.l10n.t('sub-unit')})` : ''}`,
    ];
    if (p.partyUuid) rows.push(`UUID: \`${p.partyUuid}\``);
    if (p.isCurrentEndUser) rows.push(vscode.l10n.t('This is you.'));
    if (p.isDeleted) rows.push(vscode.l10n.t('Deleted in the register.'));
    if (p.hasOnlyAccessToSubParties) rows.push(vscode.l10n.t('You have access to its sub-units only.'));
    const roles = [
      p.hasKeyRole ? 'key role' : '',
      p.isMainAdministrator ? 'main administrator' : '',
      p.isAccessManager ? 'access manager' : '',
    ].filter(Boolean);
    if (roles.length) rows.push(`${vscode.l10n.t('Roles')}: ${roles.join(', ')}`);
    const filter = this.ctx.filterFor(this.partyUrn);
    if (!isEmptyFilter(filter))
      rows.push('', `${vscode.l10n.t('Filter')}: ${escapeMarkdown(describeFilter(filter, vscode.l10n))}`);
    return rows.join('  \n');
  }

  protected whatFailed(): string {
    return vscode.l10n.t('dialogs');
  }

  override invalidate(): void {
    super.invalidate();
    this.dialogs = [];
    this.continuationToken = undefined;
    this.hasNextPage = false;
    this.dialogError = undefined;
    this.listed = false;
  }

  protected async loadChildren(): Promise<InboxNode[]> {
    this.dialogs = [];
    this.continuationToken = undefined;
    this.hasNextPage = false;
    this.dialogError = undefined;
    if (!this.party.hasOnlyAccessToSubParties) await this.fetchPage();
    return this.rows();
  }

  /** Appends the next page (no duplicates: an id already listed is skipped). */
  async loadMore(): Promise<void> {
    if (!this.hasNextPage && !this.dialogError) return;
    await this.fetchPage();
    this.setChildren(this.rows());
    this.ctx.changed(this);
  }

  /** Replaces one dialog's row (after a label change), or drops it when it no longer matches the filter. */
  replaceDialog(node: DialogNode, item: DialogListItem | undefined): void {
    if (!item) {
      this.dialogs = this.dialogs.filter((d) => d !== node);
      this.setChildren(this.rows());
      this.ctx.changed(this);
      return;
    }
    node.update(item);
    this.ctx.changed(node);
  }

  private async fetchPage(): Promise<void> {
    const filter = this.ctx.filterFor(this.partyUrn);
    const problem = filterProblem(filter, vscode.l10n);
    if (problem) {
      this.listed = true;
      return;
    }
    try {
      const { value, exchange } = await this.ctx.load((clients, signal) =>
        clients.dialogporten.searchDialogs(
          toSearchFilters(this.partyUrn, filter, this.ctx.pageSize(), this.continuationToken),
          { signal },
        ),
      );
      const known = new Set(this.dialogs.map((d) => d.dialogId.toLowerCase()));
      (value.items ?? []).forEach((item, index) => {
        if (known.has(item.id.toLowerCase())) return;
        known.add(item.id.toLowerCase());
        this.dialogs.push(
          new DialogNode(this, item, { exchangeId: exchange?.id ?? '', pointer: ['items', index] }, this.ctx),
        );
      });
      this.hasNextPage = value.hasNextPage && !!value.continuationToken;
      this.continuationToken = value.continuationToken ?? undefined;
      this.dialogError = undefined;
      const first = !this.listed;
      this.listed = true;
      if (first) setTimeout(() => this.ctx.changed(this), 0);
    } catch (error) {
      if (this.ctx.signal.aborted) return;
      this.dialogError = this.dialogs.length
        ? new ErrorNode(this, error, vscode.l10n.t('more dialogs'), {
            command: 'altinnInbox.loadMore',
            title: vscode.l10n.t('Retry'),
            arguments: [this],
          })
        : new ErrorNode(this, error, vscode.l10n.t('dialogs'));
    }
  }

  private rows(): InboxNode[] {
    const rows: InboxNode[] = [...this.subUnits];
    if (this.party.hasOnlyAccessToSubParties) return rows;
    rows.push(new CorrespondenceGroupNode(this, this.ctx, this.resourcesFor));
    rows.push(...this.dialogs);
    const filter = this.ctx.filterFor(this.partyUrn);
    const problem = filterProblem(filter, vscode.l10n);
    if (problem) {
      rows.push(
        new HintNode(`${this.id}/filterProblem`, this, {
          label: problem,
          icon: 'filter',
          iconColor: 'list.warningForeground',
          command: { command: 'altinnInbox.filterDialogs', title: vscode.l10n.t('Edit filter'), arguments: [this] },
          contextValue: 'hint filterProblem',
        }),
      );
    } else if (this.dialogError) {
      rows.push(this.dialogError);
    } else if (this.dialogs.length === 0) {
      rows.push(
        isEmptyFilter(filter)
          ? new HintNode(`${this.id}/empty`, this, {
              label: vscode.l10n.t('No dialogs'),
              icon: 'circle-slash',
              tooltip: vscode.l10n.t('Dialogporten has no dialogs for this party that this token may see.'),
            })
          : new HintNode(`${this.id}/empty`, this, {
              label: vscode.l10n.t('No dialogs match the filter'),
              description: describeFilter(filter, vscode.l10n),
              icon: 'filter',
              command: {
                command: 'altinnInbox.clearDialogFilter',
                title: vscode.l10n.t('Clear filter'),
                arguments: [this],
              },
              contextValue: 'hint emptyFiltered',
            }),
      );
    }
    if (this.hasNextPage && !this.dialogError) rows.push(new LoadMoreNode(this, this.dialogs.length));
    return rows;
  }
}
