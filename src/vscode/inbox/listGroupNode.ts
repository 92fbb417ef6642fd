import type { RawRef } from '../payloads/rawJson';
import type { ApiClients } from '../shared/apiClients';
import type { TreeRow } from '../shared/treeRow';
import { HintNode, InboxNode, LoadingNode, type InboxContext } from './inboxNode';

/** What one list endpoint of a dialog gives and how its rows are made. */
export interface ListSpec<T> {
  readonly label: string;
  readonly icon: string;
  readonly what: string;
  readonly empty: string;
  fetch(clients: ApiClients, signal: AbortSignal): Promise<readonly T[]>;
  make(value: T, parent: InboxNode, raw: RawRef, index: number): InboxNode;
}

/** A group loaded from one list endpoint of the dialog (activities, seen log, label log). */
export class ListGroupNode<T> extends LoadingNode {
  private count: number | undefined;

  constructor(
    id: string,
    parent: InboxNode,
    private readonly spec: ListSpec<T>,
    ctx: InboxContext,
  ) {
    super(id, parent, ctx);
  }

  row(): TreeRow {
    return {
      id: this.id,
      label: this.spec.label,
      icon: { id: this.spec.icon },
      description: this.count === undefined ? undefined : String(this.count),
      contextValue: this.groupContext(),
      collapsible: 'collapsed',
    };
  }

  protected whatFailed(): string {
    return this.spec.what;
  }

  protected async loadChildren(): Promise<InboxNode[]> {
    const { value, exchange } = await this.ctx.load((clients, signal) => this.spec.fetch(clients, signal));
    this.showsResponse(exchange, this.id.split('/').pop());
    const first = this.count === undefined;
    this.count = value.length;
    if (first) setTimeout(() => this.ctx.changed(this), 0);
    if (value.length === 0)
      return [new HintNode(`${this.id}/empty`, this, { label: this.spec.empty, icon: 'circle-slash' })];
    return value.map((v, index) =>
      this.spec.make(v, this, { exchangeId: exchange?.id ?? '', pointer: [index] }, index),
    );
  }
}
