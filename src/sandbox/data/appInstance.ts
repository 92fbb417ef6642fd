// How the platform ties a dialog to an Altinn app instance. Altinn/altinn-dialogporten-adapter
// (src/Altinn.DialogportenAdapter.WebApi/Features/Command/Sync/ISyncInstanceToDialogService.cs) names the dialog
// `instanceGuid.ToVersion7(instance.Created)` (Common/Extensions/GuidExtensions.cs: the first 48 bits become the
// creation time in Unix milliseconds, the version nibble 7, the variant bits 10) and
// (Features/Command/Sync/StorageDialogportenDataMerger.cs) labels it `urn:altinn:integration:storage:{instance.Id}`,
// where Altinn Storage's instance id is `{instanceOwnerPartyId}/{instanceGuid}`.
import { createHash } from 'node:crypto';

export interface AppInstance {
  /** The instance owner's Altinn party id. */
  readonly partyId: number;
  /** Altinn Storage's instance GUID (a version-4 UUID there, Guid.NewGuid()). */
  readonly instanceGuid: string;
}

/** GuidExtensions.ToVersion7: the dialog id the storage adapter gives the dialog of this instance. */
export function dialogIdOfInstance(instanceGuid: string, createdAtMs: number): string {
  const hex = instanceGuid.replace(/-/g, '').toLowerCase();
  const time = Math.floor(createdAtMs).toString(16).padStart(12, '0').slice(-12);
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const out = `${time}7${hex.slice(13, 16)}${variant}${hex.slice(17)}`;
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}-${out.slice(16, 20)}-${out.slice(20)}`;
}

/**
 * The app instance behind a generated UUIDv7 dialog id: the bits ToVersion7 keeps come from the dialog id, the 48
 * bits it overwrites from a hash of it, so `dialogIdOfInstance(instanceGuid, createdAtMs)` gives the id back and
 * the seeded dialog stays as it was.
 */
export function appInstanceOfDialog(dialogId: string, partyId: number): AppInstance {
  const kept = dialogId.replace(/-/g, '').toLowerCase().slice(13);
  const overwritten = createHash('sha256').update(`app-instance:${dialogId.toLowerCase()}`).digest('hex').slice(0, 12);
  const hex = `${overwritten}4${kept}`;
  return {
    partyId,
    instanceGuid: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
  };
}
