import { ApiError, CancelledError, InvalidInputError } from '../../errors';
import {
  labelChangeBody,
  MAX_BULK_DIALOGS,
  type DialogportenClient,
  type DialogRevisionRef,
  type SystemLabelChange,
} from '../client/dialogportenClient';

export type BulkFailureReason = 'invalid-id' | 'not-found' | 'gone' | 'revision-conflict' | 'forbidden' | 'refused';

export type BulkLabelOutcome =
  | { readonly dialogId: string; readonly status: 'done' }
  | {
      readonly dialogId: string;
      readonly status: 'failed';
      readonly reason: BulkFailureReason;
      /** HTTP status of the call that failed for this dialog alone (or for its whole chunk, for `refused`). */
      readonly httpStatus?: number;
      readonly message: string;
    }
  /** Not tried: the action was cancelled first. */
  | { readonly dialogId: string; readonly status: 'skipped' };

export interface BulkLabelProgress {
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly requests: number;
}

export interface BulkLabelOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: BulkLabelProgress) => void;
  /** Dialogs per call, at most (and by default) Dialogporten's 100. */
  readonly chunkSize?: number;
}

export interface BulkLabelResult {
  /** One per distinct dialog, in the order given. */
  readonly outcomes: readonly BulkLabelOutcome[];
  readonly succeeded: number;
  readonly failed: number;
  readonly skipped: number;
  readonly cancelled: boolean;
  /** bulkset calls sent, including the ones that narrowed down a failed chunk. */
  readonly requests: number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Answers that name something about one of the dialogs, so halving the chunk finds the culprits. */
const PER_DIALOG: Readonly<Record<number, BulkFailureReason>> = {
  403: 'forbidden',
  404: 'not-found',
  410: 'gone',
  412: 'revision-conflict',
  422: 'refused',
};

/**
 * Adds and removes system labels on many dialogs (archive, bin, restore, mark as unopened) through bulkset, in
 * chunks of at most 100. A bulkset call is all or nothing: one unknown, hidden or deleted dialog fails it with 404,
 * one stale revision with 412 (Altinn/dialogporten .../EndUser/EndUserContext/Commands/BulkSetSystemLabels/
 * BulkSetSystemLabelCommand.cs), so a failed chunk is halved until the failing dialogs stand alone; they are
 * reported one by one and every other dialog is still changed. Stops between calls when `signal` aborts.
 */
export async function bulkSetSystemLabels(
  client: Pick<DialogportenClient, 'bulkSetSystemLabels'>,
  targets: readonly (string | DialogRevisionRef)[],
  change: SystemLabelChange,
  options: BulkLabelOptions = {},
): Promise<BulkLabelResult> {
  labelChangeBody(change);
  const chunkSize = Math.min(MAX_BULK_DIALOGS, Math.max(1, Math.floor(options.chunkSize ?? MAX_BULK_DIALOGS)));
  const outcomes = new Map<string, BulkLabelOutcome>();
  const valid: DialogRevisionRef[] = [];
  for (const target of targets) {
    const ref = typeof target === 'string' ? { dialogId: target } : target;
    const dialogId = ref.dialogId.trim().toLowerCase();
    if (outcomes.has(dialogId)) continue;
    if (!GUID.test(dialogId)) {
      outcomes.set(dialogId, {
        dialogId,
        status: 'failed',
        reason: 'invalid-id',
        message: `"${ref.dialogId}" is not a dialog id (a UUID).`,
      });
      continue;
    }
    outcomes.set(dialogId, { dialogId, status: 'skipped' });
    valid.push({ ...ref, dialogId });
  }

  let requests = 0;
  let cancelled = false;
  const count = (status: BulkLabelOutcome['status']): number =>
    [...outcomes.values()].filter((o) => o.status === status).length;
  const report = (): void =>
    options.onProgress?.({ total: outcomes.size, done: count('done'), failed: count('failed'), requests });
  const fail = (group: readonly DialogRevisionRef[], error: unknown, reason: BulkFailureReason): void => {
    const httpStatus = error instanceof ApiError ? error.status : undefined;
    const message = error instanceof Error ? error.message : String(error);
    for (const { dialogId } of group)
      outcomes.set(dialogId, { dialogId, status: 'failed', reason, httpStatus, message });
  };

  const apply = async (group: readonly DialogRevisionRef[]): Promise<void> => {
    if (cancelled || options.signal?.aborted) {
      cancelled = true;
      return;
    }
    try {
      requests++;
      await client.bulkSetSystemLabels(group, change, { signal: options.signal });
      for (const { dialogId } of group) outcomes.set(dialogId, { dialogId, status: 'done' });
    } catch (error) {
      if (error instanceof InvalidInputError) throw error;
      if (error instanceof CancelledError || options.signal?.aborted) {
        cancelled = true;
        return;
      }
      const reason = error instanceof ApiError ? PER_DIALOG[error.status] : undefined;
      if (reason && group.length > 1) {
        const half = Math.ceil(group.length / 2);
        await apply(group.slice(0, half));
        await apply(group.slice(half));
        return;
      }
      fail(group, error, reason ?? 'refused');
    } finally {
      report();
    }
  };

  report();
  for (let i = 0; i < valid.length && !cancelled; i += chunkSize) await apply(valid.slice(i, i + chunkSize));
  const all = [...outcomes.values()];
  return {
    outcomes: all,
    succeeded: count('done'),
    failed: count('failed'),
    skipped: count('skipped'),
    cancelled,
    requests,
  };
}
