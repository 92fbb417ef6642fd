import * as vscode from 'vscode';
import type { AltinnEnvironment } from '../../platform/environments';
import type { RecordedExchange } from '../shared/exchangeRecorder';
import type { RawRef } from '../payloads/rawJson';
import type { ConnectionProfile } from '../profiles/profile';
import type { ApiClients } from '../shared/apiClients';
import type { CorrespondenceConsent } from './correspondenceConsent';
import { adviseOnError } from '../shared/errorAdvice';
import type { InboxFilter } from './inboxFilter';
import type { FormatOptions, Presentation } from './presentation';
import type { RowCollapsible, RowCommand, TreeRow } from '../shared/treeRow';

/** A loaded value and the API exchange it came from (for "show raw JSON" / "show request"). */
export interface Loaded<T> {
  readonly value: T;
  /** The last successful exchange of the load. */
  readonly exchange?: RecordedExchange;
}

/** A load failed; keeps the exchange of the failing request so its answer can be shown. */
export class InboxLoadError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly exchange?: RecordedExchange,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** What nodes need from the tree: the profile, API access with recording and view progress, settings, refresh. */
export interface InboxContext {
  readonly profile: ConnectionProfile;
  readonly format: FormatOptions;
  /** Aborted when the tree is rebuilt (refresh, profile switch). */
  readonly signal: AbortSignal;
  environment(): Promise<AltinnEnvironment>;
  /** Runs `fn` with recording clients and progress on the Inbox view; errors become InboxLoadError. */
  load<T>(fn: (clients: ApiClients, signal: AbortSignal) => Promise<T>): Promise<Loaded<T>>;
  /** Redraws `node` (or the whole tree). */
  changed(node?: InboxNode): void;
  filterFor(partyUrn: string): InboxFilter | undefined;
  pageSize(): number;
  showDeletedParties(): boolean;
  correspondenceResources(): readonly string[];
  /** Which correspondence the user agreed to have fetched on Production this session. */
  readonly consent: CorrespondenceConsent;
}

/** Every node of the Inbox tree. `id` is stable across refreshes so VS Code keeps expansion and selection. */
export abstract class InboxNode {
  /** Where the node's data is in a recorded response; nodes without one have no "Show raw JSON". */
  raw?: RawRef;
  rawTitle?: string;

  constructor(
    readonly id: string,
    readonly parent: InboxNode | undefined,
  ) {}

  /** What the row says; `InboxTreeProvider` turns it into a TreeItem (shared/treeItems.ts). */
  abstract row(): TreeRow;

  children(): Promise<InboxNode[]> | InboxNode[] {
    return [];
  }

  /** Markdown for the tooltip, computed only when the user hovers (resolveTreeItem). */
  tooltip(): string | undefined {
    return undefined;
  }

  /** Forget loaded children so the next expansion loads again. */
  invalidate(): void {
    // Leaf nodes hold nothing.
  }

  /** The nearest ancestor (or self) of a type. */
  closest<T extends InboxNode>(type: abstract new (...args: never[]) => T): T | undefined {
    if (this instanceof type) return this as T;
    return this.parent?.closest(type);
  }
}

/** The row of an item the presentation code describes. */
export function presentationRow(id: string, p: Presentation, collapsible: RowCollapsible): TreeRow {
  return { ...p, id, collapsible };
}

/** Clicking an attachment row downloads it. */
export function downloadCommand(node: InboxNode): RowCommand {
  return { command: 'altinnInbox.downloadAttachment', title: vscode.l10n.t('Download…'), arguments: [node] };
}

/** A node whose children are loaded once (shared while loading) and kept until invalidated; failures become an error node. */
export abstract class LoadingNode extends InboxNode {
  private cached: InboxNode[] | undefined;
  private pending: Promise<InboxNode[]> | undefined;

  constructor(
    id: string,
    parent: InboxNode | undefined,
    protected readonly ctx: InboxContext,
  ) {
    super(id, parent);
  }

  /** True once children were loaded (successfully or not). */
  get loaded(): boolean {
    return this.cached !== undefined;
  }

  override children(): Promise<InboxNode[]> {
    if (this.cached) return Promise.resolve(this.cached);
    this.pending ??= this.loadChildren()
      .then(
        (children) => children,
        (error: unknown) => (this.ctx.signal.aborted ? [] : [new ErrorNode(this, error, this.whatFailed())]),
      )
      .then((children) => {
        if (!this.ctx.signal.aborted) this.cached = children;
        this.pending = undefined;
        return children;
      });
    return this.pending;
  }

  /** Replace the children shown (e.g. after "Load more"). */
  protected setChildren(children: InboxNode[]): void {
    this.cached = children;
  }

  override invalidate(): void {
    this.cached = undefined;
  }

  /** The response these children came from, for this node's "Show raw JSON" (the whole body). */
  protected showsResponse(exchange: RecordedExchange | undefined, title: string | undefined): void {
    if (!exchange) return;
    this.raw = { exchangeId: exchange.id, pointer: [] };
    this.rawTitle = title;
  }

  /** A group row's context tokens: `group`, its kinds, and `raw` once it shows its response (`showsResponse`). */
  protected groupContext(...kinds: string[]): string {
    return ['group', ...kinds, this.raw ? 'raw' : ''].filter(Boolean).join(' ');
  }

  protected abstract loadChildren(): Promise<InboxNode[]>;

  /** "dialogs", "transmissions"… for error titles. */
  protected abstract whatFailed(): string;
}

/** A row for one item of a list response. */
export class LeafNode extends InboxNode {
  constructor(
    id: string,
    parent: InboxNode,
    private readonly presentation: Presentation,
    raw?: RawRef,
    rawTitle?: string,
  ) {
    super(id, parent);
    this.raw = raw;
    this.rawTitle = rawTitle;
  }

  row(): TreeRow {
    return presentationRow(this.id, this.presentation, 'none');
  }
}

/** A short explanation or an action as a row (empty states, hints, error actions). */
export class HintNode extends InboxNode {
  constructor(
    id: string,
    parent: InboxNode | undefined,
    private readonly options: {
      label: string;
      description?: string;
      icon?: string;
      iconColor?: string;
      command?: RowCommand;
      tooltip?: string;
      contextValue?: string;
    },
  ) {
    super(id, parent);
  }

  row(): TreeRow {
    const { label, description, icon, iconColor, command, contextValue } = this.options;
    return {
      id: this.id,
      label,
      description,
      icon: { id: icon ?? 'info', color: iconColor },
      command,
      contextValue: contextValue ?? 'hint',
      collapsible: 'none',
    };
  }

  override tooltip(): string | undefined {
    return this.options.tooltip;
  }
}

/**
 * A failed load, shown where its result would be: what failed, and actions as child rows (Retry, Fix connection,
 * Show log, Show the answer). Clicking the error itself retries.
 */
export class ErrorNode extends InboxNode {
  readonly error: unknown;
  readonly advice: ReturnType<typeof adviseOnError>;

  /** What Retry runs: reload the target, or (for a failed "Load more…") fetch the same page again. */
  readonly retryCommand: RowCommand;

  /** `retry` defaults to reloading `target`. */
  constructor(
    readonly target: InboxNode,
    error: unknown,
    what: string,
    retry?: RowCommand,
  ) {
    super(`${target.id}/error`, target);
    this.retryCommand = retry ?? {
      command: 'altinnInbox.refreshNode',
      title: vscode.l10n.t('Retry'),
      arguments: [target],
    };
    this.error = error instanceof InboxLoadError ? error.cause : error;
    this.advice = adviseOnError(this.error, what, vscode.l10n);
    const exchange = error instanceof InboxLoadError ? error.exchange : undefined;
    if (exchange?.status !== undefined) {
      this.raw = { exchangeId: exchange.id, pointer: [] };
      this.rawTitle = 'error-response';
    }
  }

  row(): TreeRow {
    const contextValue = [
      'error',
      this.advice.retry ? 'retry' : '',
      this.advice.fixConnection ? 'fixConnection' : '',
      this.raw ? 'raw' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return {
      id: this.id,
      label: this.advice.title,
      icon: { id: 'error', color: 'errorForeground' },
      contextValue,
      command: this.retryCommand,
      collapsible: 'expanded',
    };
  }

  override tooltip(): string {
    return `**${this.advice.title}**\n\n${this.advice.detail.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`)}`;
  }

  override children(): InboxNode[] {
    const rows: InboxNode[] = [];
    const add = (key: string, label: string, icon: string, command: string, args: readonly unknown[] = []): void => {
      rows.push(
        new HintNode(`${this.id}/${key}`, this, {
          label,
          icon,
          command: { command, title: label, arguments: args },
          contextValue: 'errorAction',
        }),
      );
    };
    rows.push(
      new HintNode(`${this.id}/detail`, this, {
        label: this.advice.detail.slice(0, 200),
        icon: 'blank',
        tooltip: this.advice.detail.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`),
        contextValue: 'errorDetail',
      }),
    );
    if (this.advice.retry)
      add('retry', vscode.l10n.t('Retry'), 'refresh', this.retryCommand.command, this.retryCommand.arguments ?? []);
    if (this.advice.editFilter)
      add('filter', vscode.l10n.t('Edit or clear the filter…'), 'filter', 'altinnInbox.filterDialogs', [this.target]);
    if (this.advice.needsEndUser)
      add('fix', vscode.l10n.t('Add a system user to the profile…'), 'person-add', 'altinnInbox.fixConnection', [this]);
    else if (this.advice.fixConnection)
      add('fix', vscode.l10n.t('Fix the connection…'), 'plug', 'altinnInbox.fixConnection', [this]);
    if (this.raw) add('answer', vscode.l10n.t('Show the answer'), 'json', 'altinnInbox.showRawJson', [this]);
    add('log', vscode.l10n.t('Show log'), 'output', 'altinnInbox.showLog');
    return rows;
  }
}

/** The trailing "Load more…" row of a paged list. */
export class LoadMoreNode extends InboxNode {
  constructor(
    readonly owner: InboxNode & { loadMore(): Promise<void> },
    private readonly loadedCount: number,
  ) {
    super(`${owner.id}/more`, owner);
  }

  row(): TreeRow {
    const label = vscode.l10n.t('Load more…');
    return {
      id: this.id,
      label,
      description: vscode.l10n.t('{0} loaded', this.loadedCount),
      icon: { id: 'ellipsis' },
      contextValue: 'loadMore',
      command: { command: 'altinnInbox.loadMore', title: label, arguments: [this] },
      collapsible: 'none',
    };
  }
}
