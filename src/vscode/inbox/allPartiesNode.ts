import * as vscode from 'vscode';
import { AllPartiesSearch } from '../../platform/dialogporten/allParties';
import type { ApiClients } from '../shared/apiClients';
import type { TreeRow } from '../shared/treeRow';
import { DialogListNode, type ListedDialog } from './dialogListNode';
import { describeFilter, isEmptyFilter, toSearchFilters, type InboxFilter } from './inboxFilter';
import type { InboxContext, InboxNode } from './inboxNode';
import { ALL_PARTIES_SCOPE } from './savedSearchStore';

/** The parties the All parties list may span, by URN, with their names (sub-units included, deleted ones left out). */
export interface PartyDirectory {
  readonly urns: readonly string[];
  nameOf(urn: string): string | undefined;
}

/**
 * One list across the parties (or those its filter names), newest content first, a page at a time with "Load
 * more…". Uses the platform's AllPartiesSearch: parties in batches of what one search takes, merged by the sort
 * key, each batch fetched only when the merge needs it. Each row says whose dialog it is.
 */
export class AllPartiesNode extends DialogListNode {
  private search: AllPartiesSearch | undefined;

  constructor(
    parent: InboxNode,
    ctx: InboxContext,
    readonly directory: PartyDirectory,
  ) {
    super(`all/${ctx.profile.id}`, parent, ctx);
  }

  get partyUrn(): string {
    return ALL_PARTIES_SCOPE;
  }

  get canLoadMore(): boolean {
    return !!this.search?.hasNextPage;
  }

  /** The parties this list spans: the filter's, or every party. */
  get parties(): readonly string[] {
    const chosen = this.ctx.filterFor(ALL_PARTIES_SCOPE)?.parties;
    return chosen?.length ? chosen : this.directory.urns;
  }

  partyNameOf(urn: string): string | undefined {
    return this.directory.nameOf(urn);
  }

  row(): TreeRow {
    const filter = this.ctx.filterFor(ALL_PARTIES_SCOPE);
    const filtered = !isEmptyFilter(filter);
    const parts = [vscode.l10n.t('{0} parties, newest first', this.parties.length)];
    if (this.listed)
      parts.push(
        this.canLoadMore
          ? vscode.l10n.t('{0}+ dialogs', this.dialogs.length)
          : vscode.l10n.t('{0} dialogs', this.dialogs.length),
      );
    if (filtered) parts.push(vscode.l10n.t('filtered: {0}', describeFilter(filter, vscode.l10n)));
    return {
      id: this.id,
      label: vscode.l10n.t('All parties'),
      description: parts.join(' · '),
      icon: { id: 'layers', color: filtered ? 'charts.blue' : undefined },
      contextValue: ['allParties', 'dialogList', filtered ? 'filtered' : ''].filter(Boolean).join(' '),
      collapsible: 'collapsed',
    };
  }

  override tooltip(): string {
    return vscode.l10n.t(
      'Dialogs of every party in one list, newest content first. Dialogporten takes a limited number of parties per search (GET /metadata/limits), so the parties are searched in batches and the answers merged; each row names its party. Filter Dialogs… narrows it, also to some parties.',
    );
  }

  protected whatFailed(): string {
    return vscode.l10n.t('dialogs');
  }

  protected resetPaging(): void {
    this.search = undefined;
  }

  protected emptyTooltip(): string {
    return vscode.l10n.t('Dialogporten has no dialogs for these parties that this token may see.');
  }

  protected override canList(): boolean {
    return this.parties.length > 0;
  }

  protected async loadChildren(): Promise<InboxNode[]> {
    this.startOver();
    await this.fetchPage();
    return this.rows();
  }

  /** The search filters the list uses (without party and paging), for export. */
  searchFilters(): ReturnType<typeof toSearchFilters> {
    return toSearchFilters('', this.filter(), this.ctx.pageSize());
  }

  private filter(): InboxFilter | undefined {
    return this.ctx.filterFor(ALL_PARTIES_SCOPE);
  }

  protected async fetchNext(
    clients: ApiClients,
    _filter: InboxFilter | undefined,
    signal: AbortSignal,
  ): Promise<ListedDialog[]> {
    if (!this.search) {
      const { party: _party, limit: _limit, continuationToken: _token, ...filters } = this.searchFilters();
      this.search = new AllPartiesSearch(clients.dialogporten, {
        parties: this.parties,
        filters,
        pageSize: this.ctx.pageSize(),
      });
    }
    const page = await this.search.nextPage({ signal });
    // The page merges several answers: no one exchange holds a row, so the rows have no "Show raw JSON".
    return page.items.map(({ dialog }) => ({ item: dialog }));
  }

  protected rows(): InboxNode[] {
    return this.dialogRows();
  }
}
