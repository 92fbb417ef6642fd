import { InvalidInputError, ResponseFormatError } from '../../errors';
import type { CallOptions, DialogportenClient } from '../client/dialogportenClient';
import type { DialogSearchFilters } from '../client/searchFilters';
import type { DialogListItem } from '../schemas';
import { DialogOrder, type SortKeys } from './dialogOrder';
import { partiesPerSearch, partyBatches } from './partyBatches';

export type AllPartiesClient = Pick<DialogportenClient, 'searchDialogs' | 'getLimits'>;

export interface AllPartiesSearchOptions {
  /** The parties to list across (URNs or bare numbers), each sent once. */
  readonly parties: readonly string[];
  /** Every other search filter; `orderBy` also orders the merge (default contentUpdatedAt_desc). */
  readonly filters?: Omit<DialogSearchFilters, 'party' | 'continuationToken' | 'limit'>;
  /** Dialogs per merged page (1–1000, default 100). */
  readonly pageSize?: number;
  /** Parties per request; read from GET /metadata/limits when not given. */
  readonly maxPartiesPerSearch?: number;
  /** Searches in flight at once (default 6). */
  readonly concurrency?: number;
}

/** A dialog of the merged list and the party it belongs to, as the caller named it (the dialog's `party`). */
export interface AllPartiesDialog {
  readonly dialog: DialogListItem;
  readonly party: string;
}

export interface AllPartiesPage {
  readonly items: readonly AllPartiesDialog[];
  readonly hasNextPage: boolean;
  /** Searches this page needed (each batch is fetched only when the merge reaches its end). */
  readonly requests: number;
}

const DEFAULT_PAGE_SIZE = 100;
const MIN_BATCH_LIMIT = 10;

interface Buffered {
  readonly dialog: DialogListItem;
  readonly keys: SortKeys;
}

/** One batch of parties: the dialogs fetched and not yet merged, and where its next page starts. */
class BatchCursor {
  items: Buffered[] = [];
  next = 0;
  token: string | undefined;
  done = false;
  limit: number;
  private readonly tokens = new Set<string>();

  constructor(
    readonly parties: readonly string[],
    initialLimit: number,
  ) {
    this.limit = initialLimit;
  }

  get head(): Buffered | undefined {
    return this.items[this.next];
  }

  get needsFetch(): boolean {
    return !this.done && this.next >= this.items.length;
  }

  accept(items: readonly DialogListItem[], hasNextPage: boolean, token: string | null | undefined, order: DialogOrder) {
    this.items = items.map((dialog) => ({ dialog, keys: order.keysOf(dialog) }));
    this.next = 0;
    this.done = !hasNextPage;
    if (hasNextPage) {
      if (!token || this.tokens.has(token))
        throw new ResponseFormatError(
          { method: 'GET', url: 'enduser/dialogs' },
          200,
          'application/json',
          'hasNextPage is true but the continuation token is missing or repeats; stopped paging.',
        );
      this.tokens.add(token);
      this.token = token;
    }
  }
}

/**
 * Lists dialogs across many parties as one list, newest first (or by `orderBy`), page by page. The parties go in
 * batches of as many as one search takes (GET /metadata/limits); every batch pages on its own with its continuation
 * token, and the batches are merged by the sort key. A batch is fetched only when the merge has used up what it
 * had, so a page costs about the same whatever the number of parties beyond the first round. Each dialog comes once:
 * every dialog has exactly one party and every party is in one batch, and Dialogporten's keyset paging never
 * repeats an item within a search.
 */
export class AllPartiesSearch {
  private cursors: BatchCursor[] | undefined;
  private byUrn = new Map<string, string>();
  private readonly order: DialogOrder;
  private readonly pageSize: number;
  private finished = false;
  private recentIds = new Set<string>();

  constructor(
    private readonly client: AllPartiesClient,
    private readonly options: AllPartiesSearchOptions,
  ) {
    this.order = DialogOrder.from(options.filters?.orderBy);
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(this.pageSize) || this.pageSize < 1 || this.pageSize > 1000)
      throw new InvalidInputError('pageSize', `pageSize must be a whole number from 1 to 1000; got ${this.pageSize}.`);
  }

  /** False once a page came back with everything that was left. */
  get hasNextPage(): boolean {
    return !this.finished;
  }

  /** How many batches (requests per round) the parties were split into; known after the first page. */
  get batchCount(): number | undefined {
    return this.cursors?.length;
  }

  async nextPage(call: CallOptions = {}): Promise<AllPartiesPage> {
    if (this.finished) return { items: [], hasNextPage: false, requests: 0 };
    const cursors = (this.cursors ??= await this.createCursors(call));
    const items: AllPartiesDialog[] = [];
    const pageIds = new Set<string>();
    let requests = 0;
    while (items.length < this.pageSize) {
      requests += await this.refill(cursors, call);
      let best: BatchCursor | undefined;
      for (const cursor of cursors) {
        const head = cursor.head;
        if (head && (!best || this.order.compare(head.keys, best.head!.keys) < 0)) best = cursor;
      }
      if (!best) break;
      const { dialog } = best.head!;
      best.next++;
      const id = dialog.id.toLowerCase();
      if (pageIds.has(id) || this.recentIds.has(id)) continue;
      pageIds.add(id);
      items.push({ dialog, party: this.byUrn.get(dialog.party.toLowerCase()) ?? dialog.party });
    }
    this.recentIds = pageIds;
    // Dialogporten's hasNextPage is exact (it reads one item more than it returns), so a batch that said no more
    // and has nothing left is finished without asking again.
    this.finished = cursors.every((c) => !c.head && c.done);
    return { items, hasNextPage: !this.finished, requests };
  }

  /** Every page until the end. */
  async *pages(call: CallOptions = {}): AsyncGenerator<AllPartiesPage> {
    while (this.hasNextPage) yield await this.nextPage(call);
  }

  private async createCursors(call: CallOptions): Promise<BatchCursor[]> {
    const size = this.options.maxPartiesPerSearch ?? (await partiesPerSearch(this.client, call));
    const { batches, byUrn } = partyBatches(this.options.parties, size);
    this.byUrn = byUrn;
    // The first round asks each batch for its share of a page (twice over, at least 10), not a whole page: with 50
    // batches that is 500 dialogs read for a page of 100, not 5,000. A batch that runs dry then asks for a whole
    // page, so that over a long walk there is about one search per page, as with a single batch.
    const initial = Math.min(this.pageSize, Math.max(MIN_BATCH_LIMIT, Math.ceil((2 * this.pageSize) / batches.length)));
    return batches.map((parties) => new BatchCursor(parties, initial));
  }

  /** Fetches the next page of every batch the merge has used up, a few at a time; returns how many it sent. */
  private async refill(cursors: readonly BatchCursor[], call: CallOptions): Promise<number> {
    const due = cursors.filter((c) => c.needsFetch);
    if (due.length === 0) return 0;
    const concurrency = Math.max(1, this.options.concurrency ?? 6);
    let index = 0;
    const worker = async (): Promise<void> => {
      while (index < due.length) {
        const cursor = due[index++];
        const page = await this.client.searchDialogs(
          {
            ...this.options.filters,
            party: cursor.parties,
            limit: cursor.limit,
            continuationToken: cursor.token,
          },
          call,
        );
        cursor.accept(page.items ?? [], page.hasNextPage, page.continuationToken, this.order);
        cursor.limit = this.pageSize;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
    return due.length;
  }
}
