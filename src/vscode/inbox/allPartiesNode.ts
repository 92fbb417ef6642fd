import * as vscode from 'vscode';
import { AllPartiesSearch } from '../../platform/dialogporten/allParties';
import type { DialogListItem } from '../../platform/dialogporten/schemas/dialogListItem';
import { DialogNode } from './dialogNodes';
import { describeFilter, filterProblem, isEmptyFilter, toSearchFilters, type InboxFilter } from './inboxFilter';
import { ErrorNode, HintNode, InboxNode, LoadMoreNode, LoadingNode, type InboxContext } from './inboxNode';
import type { TreeRow } from '../shared/treeRow';
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
export class AllPartiesNode extends LoadingNode {
  readonly partyUrn = ALL_PARTIES_SCOPE;
  private dialogs: DialogNode[] = [];
  private search: AllPartiesSearch | undefined;
  private dialogError: ErrorNode | undefined;
  private listed = false;

  constructor(
    parent: InboxNode,
    ctx: InboxContext,
    readonly directory: PartyDirectory,
  ) {
    super(`all/${ctx.profile.id}`, parent, ctx);
  }

  get profileId(): string {
    return this.ctx.profile.id;
  }

  get dialogNodes(): readonly DialogNode[] {
    return this.dialogs;
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

  override invalidate(): void {
    super.invalidate();
    this.dialogs = [];
    this.search = undefined;
    this.dialogError = undefined;
    this.listed = false;
  }

  protected async loadChildren(): Promise<InboxNode[]> {
    this.dialogs = [];
    this.search = undefined;
    this.dialogError = undefined;
    await this.fetchPage();
    return this.rows();
  }

  async loadMore(): Promise<void> {
    if (!this.canLoadMore && !this.dialogError) return;
    await this.fetchPage();
    this.setChildren(this.rows());
    this.ctx.changed(this);
  }

  /** Replaces one dialog's row after a label change, or drops it when it left the filter. */
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

  /** The search filters the list uses (without party and paging), for export. */
  searchFilters(): ReturnType<typeof toSearchFilters> {
    return toSearchFilters('', this.filter(), this.ctx.pageSize());
  }

  private filter(): InboxFilter | undefined {
    return this.ctx.filterFor(ALL_PARTIES_SCOPE);
  }

  private async fetchPage(): Promise<void> {
    if (filterProblem(this.filter(), vscode.l10n) || this.parties.length === 0) {
      this.listed = true;
      return;
    }
    try {
      const { value } = await this.ctx.load(async (clients, signal) => {
        if (!this.search) {
          const { party: _party, limit: _limit, continuationToken: _token, ...filters } = this.searchFilters();
          this.search = new AllPartiesSearch(clients.dialogporten, {
            parties: this.parties,
            filters,
            pageSize: this.ctx.pageSize(),
          });
        }
        return this.search.nextPage({ signal });
      });
      const known = new Set(this.dialogs.map((d) => d.dialogId.toLowerCase()));
      for (const { dialog } of value.items) {
        if (known.has(dialog.id.toLowerCase())) continue;
        known.add(dialog.id.toLowerCase());
        // The page merges several responses: no one exchange holds the row, so it has no "Show raw JSON".
        this.dialogs.push(new DialogNode(this, dialog, undefined, this.ctx));
      }
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
    const rows: InboxNode[] = [...this.dialogs];
    const filter = this.filter();
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
        new HintNode(`${this.id}/empty`, this, {
          label: isEmptyFilter(filter) ? vscode.l10n.t('No dialogs') : vscode.l10n.t('No dialogs match the filter'),
          description: describeFilter(filter, vscode.l10n),
          icon: isEmptyFilter(filter) ? 'circle-slash' : 'filter',
          contextValue: 'hint',
        }),
      );
    }
    if (this.canLoadMore && !this.dialogError) rows.push(new LoadMoreNode(this, this.dialogs.length));
    return rows;
  }
}
