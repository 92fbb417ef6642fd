import type { AppInstance } from './appInstance';

/**
 * The service-owner label of a dialog made for an app instance, `…{partyId}/{instanceGuid}` (Altinn/dialogporten
 * src/Digdir.Domain.Dialogporten.Domain/Common/Constants.cs, ServiceContextInstanceIdPrefix).
 */
export const STORAGE_LABEL_PREFIX = 'urn:altinn:integration:storage:';

/**
 * Dialogporten finds a dialog for `urn:altinn:correspondence-id:{uuid}` by a service-owner label holding exactly that
 * reference (Altinn/dialogporten Application/Features/V1/Common/IdentifierLookup/IdentifierLookupDialogResolver.cs),
 * so the sandbox gives correspondence-backed dialogs that label.
 */
export const CORRESPONDENCE_LABEL_PREFIX = 'urn:altinn:correspondence-id:';

export function storageLabelOf(instance: AppInstance): string {
  return `${STORAGE_LABEL_PREFIX}${instance.partyId}/${instance.instanceGuid}`;
}

/** The labels a generated dialog carries in its (service-owner only) `serviceOwnerContext`. */
export function generatedServiceOwnerLabels(plan: {
  readonly appInstance?: AppInstance;
  readonly correspondenceId?: string;
}): string[] {
  const labels: string[] = [];
  if (plan.appInstance) labels.push(storageLabelOf(plan.appInstance));
  if (plan.correspondenceId) labels.push(`${CORRESPONDENCE_LABEL_PREFIX}${plan.correspondenceId.toLowerCase()}`);
  return labels;
}
