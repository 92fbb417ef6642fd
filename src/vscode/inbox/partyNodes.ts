import * as vscode from 'vscode';
import type { AuthorizedParty } from '../../platform/dialogporten/schemas/parties';
import type { ApiClients } from '../shared/apiClients';
import type { TreeRow } from '../shared/treeRow';
import { CorrespondenceGroupNode } from './correspondenceNodes';
import type { ResourceDiscovery } from './correspondenceResources';
import { DialogListNode, type ListedDialog } from './dialogListNode';
import { describeFilter, isEmptyFilter, toSearchFilters, type InboxFilter } from './inboxFilter';
import type { InboxContext, InboxNode } from './inboxNode';
import { isPerson, partyIdentifierLabel, type PartyEntry } from './partyTree';
import { escapeMarkdown } from '../shared/markdownText';

export type ResourcesForParty = (partyUrn: string) => Promise<ResourceDiscovery>;

/**
 * A party: its sub-units, its correspondence, then its dialogs newest first (`contentUpdatedAt`), a page at a time
 * with the party's filter, and "Load more…" while Dialogporten has a next page.
 */
export class PartyNode extends DialogListNode {
  readonly subUnits: PartyNode[];
  private continuationToken: string | undefined;
  private hasNextPage = false;

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

  get isSubUnit(): boolean {
    return this.parent instanceof PartyNode;
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

  protected resetPaging(): void {
    this.continuationToken = undefined;
    this.hasNextPage = false;
  }

  protected emptyTooltip(): string {
    return vscode.l10n.t('Dialogporten has no dialogs for this party that this token may see.');
  }

  protected async loadChildren(): Promise<InboxNode[]> {
    this.startOver();
    if (!this.party.hasOnlyAccessToSubParties) await this.fetchPage();
    return this.rows();
  }

  protected async fetchNext(
    clients: ApiClients,
    filter: InboxFilter | undefined,
    signal: AbortSignal,
  ): Promise<ListedDialog[]> {
    const page = await clients.dialogporten.searchDialogs(
      toSearchFilters(this.partyUrn, filter, this.ctx.pageSize(), this.continuationToken),
      { signal },
    );
    this.hasNextPage = page.hasNextPage && !!page.continuationToken;
    this.continuationToken = page.continuationToken ?? undefined;
    return (page.items ?? []).map((item, index) => ({ item, pointer: ['items', index] }));
  }

  protected rows(): InboxNode[] {
    if (this.party.hasOnlyAccessToSubParties) return [...this.subUnits];
    return [...this.subUnits, new CorrespondenceGroupNode(this, this.ctx, this.resourcesFor), ...this.dialogRows()];
  }
}
