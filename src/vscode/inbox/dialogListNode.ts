import * as vscode from 'vscode';
import type { DialogListItem } from '../../platform/dialogporten/schemas/dialogListItem';
import type { RawRef } from '../payloads/rawJson';
import type { ApiClients } from '../shared/apiClients';
import { DialogNode } from './dialogNodes';
import { describeFilter, filterProblem, isEmptyFilter, type InboxFilter } from './inboxFilter';
import { ErrorNode, HintNode, LoadMoreNode, LoadingNode, type InboxNode } from './inboxNode';

/** One dialog of a fetched page, and where it is in the answer (none when the page merges several answers). */
export interface ListedDialog {
  readonly item: DialogListItem;
  readonly pointer?: RawRef['pointer'];
}

/**
 * A list of dialogs fetched a page at a time with its filter, and "Load more…" while there is a next page: a
 * party's dialogs, or All parties. Subclasses say how a page is fetched; paging, de-duplication, errors (a failed
 * "Load more" keeps what was listed and retries the same page), filter problems and the empty hint are here.
 */
export abstract class DialogListNode extends LoadingNode {
  protected dialogs: DialogNode[] = [];
  protected dialogError: ErrorNode | undefined;
  /** True once the first page came (or there was nothing to ask for). */
  protected listed = false;

  /** The filter's key: the party's URN, or All parties' scope. */
  abstract get partyUrn(): string;

  abstract get canLoadMore(): boolean;

  get profileId(): string {
    return this.ctx.profile.id;
  }

  get dialogNodes(): readonly DialogNode[] {
    return this.dialogs;
  }

  /** The next page of the list (the first after `startOver`). */
  protected abstract fetchNext(
    clients: ApiClients,
    filter: InboxFilter | undefined,
    signal: AbortSignal,
  ): Promise<readonly ListedDialog[]>;

  /** Forgets where paging stands (the next fetch is the first page). */
  protected abstract resetPaging(): void;

  /** False when there is nothing to ask for (no parties chosen). */
  protected canList(): boolean {
    return true;
  }

  /** What the "No dialogs" row says when nothing was filtered out. */
  protected abstract emptyTooltip(): string;

  protected startOver(): void {
    this.dialogs = [];
    this.dialogError = undefined;
    this.listed = false;
    this.resetPaging();
  }

  override invalidate(): void {
    super.invalidate();
    this.startOver();
  }

  /** Appends the next page (no duplicates: an id already listed is skipped). */
  async loadMore(): Promise<void> {
    if (!this.canLoadMore && !this.dialogError) return;
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

  protected abstract rows(): InboxNode[];

  protected async fetchPage(): Promise<void> {
    const filter = this.ctx.filterFor(this.partyUrn);
    if (filterProblem(filter, vscode.l10n) || !this.canList()) {
      this.listed = true;
      return;
    }
    try {
      const { value, exchange } = await this.ctx.load((clients, signal) => this.fetchNext(clients, filter, signal));
      const known = new Set(this.dialogs.map((d) => d.dialogId.toLowerCase()));
      for (const { item, pointer } of value) {
        if (known.has(item.id.toLowerCase())) continue;
        known.add(item.id.toLowerCase());
        const raw = pointer ? { exchangeId: exchange?.id ?? '', pointer } : undefined;
        this.dialogs.push(new DialogNode(this, item, raw, this.ctx));
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

  /** The dialog rows and what follows them: the filter's problem, the error, or the empty hint; then "Load more…". */
  protected dialogRows(): InboxNode[] {
    const rows: InboxNode[] = [...this.dialogs];
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
              tooltip: this.emptyTooltip(),
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
    if (this.canLoadMore && !this.dialogError) rows.push(new LoadMoreNode(this, this.dialogs.length));
    return rows;
  }
}
