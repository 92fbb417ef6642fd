// Follows Altinn/dialogporten: src/Digdir.Domain.Dialogporten.Application/Externals/AltinnAuthorization/InstanceRef.cs
// (parsing, the label an app instance is found by, the reference a dialog answers with).
import { CORRESPONDENCE_LABEL_PREFIX, STORAGE_LABEL_PREFIX } from '../data/serviceOwnerLabels';
import { parseGuid } from './guid';

export const APP_INSTANCE_REF_PREFIX = 'urn:altinn:instance-id:';
export const CORRESPONDENCE_REF_PREFIX = CORRESPONDENCE_LABEL_PREFIX;
export const DIALOG_REF_PREFIX = 'urn:altinn:dialog-id:';

const INT32_MAX = 2_147_483_647;
/** .NET `int.TryParse` with NumberStyles.Integer: surrounding white space and one leading sign. */
const DOTNET_INTEGER = /^[\t\n\v\f\r ]*([+-]?)(\d+)[\t\n\v\f\r ]*$/;

export type InstanceRef =
  | { readonly type: 'appInstance'; readonly id: string; readonly value: string; readonly partyId: number }
  | { readonly type: 'correspondence' | 'dialog'; readonly id: string; readonly value: string };

/** Trimmed and lower-cased first; `value` keeps that normalised text, `id` is the GUID in `D` form. */
export function parseInstanceRef(text: string | null | undefined): InstanceRef | undefined {
  if (!text || !text.trim()) return undefined;
  const normalized = text.trim().toLowerCase();
  if (normalized.startsWith(APP_INSTANCE_REF_PREFIX)) return parseAppInstanceRef(normalized);
  if (normalized.startsWith(CORRESPONDENCE_REF_PREFIX))
    return withPrefix(normalized, CORRESPONDENCE_REF_PREFIX, 'correspondence');
  if (normalized.startsWith(DIALOG_REF_PREFIX)) return withPrefix(normalized, DIALOG_REF_PREFIX, 'dialog');
  return undefined;
}

/** The service-owner label a non-dialog reference is looked up by; an app instance by its storage label. */
export function lookupLabelOf(ref: InstanceRef): string {
  return ref.type === 'appInstance' ? `${STORAGE_LABEL_PREFIX}${ref.partyId}/${ref.id}` : ref.value;
}

/**
 * The reference a dialog answers with when asked by dialog id: its app instance (from a storage label), else its
 * correspondence label, else the dialog id itself. Among several candidates the ordinal-greatest valid one wins.
 */
export function instanceRefOfDialog(dialogId: string, serviceOwnerLabels: readonly string[]): string {
  const labels = serviceOwnerLabels.filter((l) => l.trim()).map((l) => l.trim().toLowerCase());
  const appRefs = labels.map(appInstanceRefOfLabel).filter((r): r is string => r !== undefined);
  const correspondenceRefs = labels.filter((l) => l.startsWith(CORRESPONDENCE_REF_PREFIX));
  return firstValid(appRefs) ?? firstValid(correspondenceRefs) ?? `${DIALOG_REF_PREFIX}${dialogId}`.toLowerCase();
}

function firstValid(candidates: readonly string[]): string | undefined {
  return [...candidates]
    .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
    .map(parseInstanceRef)
    .find((r) => r !== undefined)?.value;
}

function appInstanceRefOfLabel(label: string): string | undefined {
  if (label.startsWith(APP_INSTANCE_REF_PREFIX)) return label;
  if (!label.startsWith(STORAGE_LABEL_PREFIX)) return undefined;
  const separator = label.lastIndexOf('/');
  if (separator < 0 || separator === label.length - 1) return undefined;
  return `${APP_INSTANCE_REF_PREFIX}${label.slice(STORAGE_LABEL_PREFIX.length)}`;
}

function parseAppInstanceRef(normalized: string): InstanceRef | undefined {
  const suffix = normalized.slice(APP_INSTANCE_REF_PREFIX.length);
  const separator = suffix.indexOf('/');
  if (separator <= 0 || separator === suffix.length - 1) return undefined;
  const party = DOTNET_INTEGER.exec(suffix.slice(0, separator));
  const id = parseGuid(suffix.slice(separator + 1));
  if (!party || !id) return undefined;
  const partyId = Number(`${party[1]}${party[2]}`);
  if (!Number.isSafeInteger(partyId) || partyId <= 0 || partyId > INT32_MAX) return undefined;
  return { type: 'appInstance', id, value: normalized, partyId };
}

function withPrefix(normalized: string, prefix: string, type: 'correspondence' | 'dialog'): InstanceRef | undefined {
  const id = parseGuid(normalized.slice(prefix.length));
  return id ? { type, id, value: normalized } : undefined;
}
