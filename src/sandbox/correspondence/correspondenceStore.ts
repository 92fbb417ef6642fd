import type { SandboxClock } from '../core/clock';
import type { CorrespondenceStatus, SandboxCorrespondence, StatusEvent } from '../data/correspondenceTypes';

/** Statuses in which the recipient may see a correspondence (Correspondence's `IsAvailableForRecipient`). */
const AVAILABLE_FOR_RECIPIENT: ReadonlySet<CorrespondenceStatus> = new Set([
  'Published',
  'Fetched',
  'Read',
  'Replied',
  'Confirmed',
  'Archived',
  'Reserved',
  'AttachmentsDownloaded',
]);

/** Hidden from a recipient's list unless asked for by `status` (Correspondence's recipient blacklist). */
const HIDDEN_FROM_RECIPIENT_LIST: ReadonlySet<CorrespondenceStatus> = new Set([
  'Initialized',
  'ReadyForPublish',
  'Archived',
  'PurgedByAltinn',
  'PurgedByRecipient',
]);

/** Correspondence records Fetched at most once per message and caller party within this window. */
const FETCHED_DEBOUNCE_MS = 15_000;

/** An Altinn event Correspondence publishes to the sender (the sandbox keeps them; nobody subscribes). */
export interface PublishedEvent {
  readonly type: 'CorrespondenceReceiverRead';
  readonly resourceId: string;
  readonly correspondenceId: string;
  /** The sender's party URN: who the event is for. */
  readonly recipient: string;
  readonly at: string;
}

/** Holds the sandbox's correspondences and their status histories, which recipient calls extend. */
export class CorrespondenceStore {
  private readonly byId: ReadonlyMap<string, SandboxCorrespondence>;
  private readonly lastFetched = new Map<string, number>();
  readonly events: PublishedEvent[] = [];

  constructor(
    readonly items: readonly SandboxCorrespondence[],
    private readonly clock: SandboxClock,
  ) {
    this.byId = new Map(items.map((c) => [c.correspondenceId.toLowerCase(), c]));
  }

  get(id: string): SandboxCorrespondence | undefined {
    return this.byId.get(id.toLowerCase());
  }

  /** The status shown in overview/details: the latest event other than Fetched (Correspondence's `GetLatestStatus`). */
  currentStatus(c: SandboxCorrespondence): StatusEvent {
    for (let i = c.statusHistory.length - 1; i >= 0; i--) {
      if (c.statusHistory[i].status !== 'Fetched') return c.statusHistory[i];
    }
    return c.statusHistory[0];
  }

  /** The very last event, Fetched included: what the list's `status` filter compares with. */
  latestEvent(c: SandboxCorrespondence): StatusEvent {
    return c.statusHistory[c.statusHistory.length - 1];
  }

  isAvailableForRecipient(c: SandboxCorrespondence): boolean {
    return !this.isPurged(c) && AVAILABLE_FOR_RECIPIENT.has(this.currentStatus(c).status);
  }

  isListedForRecipient(c: SandboxCorrespondence): boolean {
    return !HIDDEN_FROM_RECIPIENT_LIST.has(this.latestEvent(c).status);
  }

  isPurged(c: SandboxCorrespondence): boolean {
    return c.statusHistory.some((e) => e.status === 'PurgedByRecipient' || e.status === 'PurgedByAltinn');
  }

  hasBeen(c: SandboxCorrespondence, status: CorrespondenceStatus): boolean {
    return c.statusHistory.some((e) => e.status === status);
  }

  /**
   * Fetched, debounced per message and caller party for 15 s as GetCorrespondenceOverviewHandler does with its cache
   * (altinn-correspondence, src/Altinn.Correspondence.Application/GetCorrespondenceOverview/GetCorrespondenceOverviewHandler.cs).
   */
  recordFetched(c: SandboxCorrespondence, callerParty: string): void {
    const key = `${c.correspondenceId}-${callerParty}`;
    const now = this.clock.nowMs();
    const last = this.lastFetched.get(key);
    if (last !== undefined && now - last >= 0 && now - last < FETCHED_DEBOUNCE_MS) return;
    this.lastFetched.set(key, now);
    this.record(c, 'Fetched');
  }

  publish(c: SandboxCorrespondence, type: PublishedEvent['type']): void {
    this.events.push({
      type,
      resourceId: c.resourceId,
      correspondenceId: c.correspondenceId,
      recipient: c.sender,
      at: new Date(this.clock.nowMs()).toISOString(),
    });
  }

  record(c: SandboxCorrespondence, status: CorrespondenceStatus, statusText: string = status): StatusEvent {
    const last = Date.parse(this.latestEvent(c).statusChanged);
    // Keep the history strictly ordered even when the sandbox clock was shifted backwards.
    const at = Math.max(this.clock.nowMs(), last + 1);
    const event: StatusEvent = { status, statusText, statusChanged: new Date(at).toISOString() };
    c.statusHistory.push(event);
    return event;
  }
}
