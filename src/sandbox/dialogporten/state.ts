import type { SandboxContext } from '../context';
import type { LoadReport } from '../data/capturedPayloads';
import type { DialogStore } from '../data/dialogStore';

const stores = new WeakMap<SandboxContext, DialogStore>();

export function attachDialogStore(context: SandboxContext, store: DialogStore): void {
  stores.set(context, store);
}

/** The dialogs of a running sandbox (for tests, benchmarks and the other emulated services). */
export function dialogStoreOf(context: SandboxContext): DialogStore {
  const store = stores.get(context);
  if (!store) throw new Error('Dialogporten is not registered on this sandbox');
  return store;
}

/** Makes a service-owner change to a dialog (new content, new revision) and notifies subscribers; false if unknown. */
export function touchDialog(context: SandboxContext, dialogId: string): boolean {
  return dialogStoreOf(context).touch(dialogId, context.clock.nowMs()) !== undefined;
}

/** Soft-deletes a dialog as its service owner would; subscribers get DIALOG_DELETED. */
export function deleteDialog(context: SandboxContext, dialogId: string): boolean {
  return dialogStoreOf(context).delete(dialogId) !== undefined;
}

/** What the `--data` loader made of the captured payloads. */
export function dialogLoadReport(context: SandboxContext): LoadReport {
  return dialogStoreOf(context).captured.report;
}

/** Correspondences that dialogs of this party were created for (their `urn:altinn:correspondence-id:` lookups resolve). */
export function correspondenceIdsFor(context: SandboxContext, partyUrn: string): string[] {
  return dialogStoreOf(context)
    .dialogsOf(partyUrn)
    .map((dialog) => (dialog as { plan?: { correspondenceId?: string } }).plan?.correspondenceId)
    .filter((id): id is string => typeof id === 'string');
}
