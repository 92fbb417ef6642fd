// What "Open Dialog…" accepts. Dialogporten's dialoglookup resolves three instance references to a dialog
// (Altinn/dialogporten src/Digdir.Domain.Dialogporten.Application/Features/V1/EndUser/DialogLookup/Queries/Get/
// GetDialogLookupQuery.cs): urn:altinn:dialog-id:{uuid}, urn:altinn:correspondence-id:{uuid} and
// urn:altinn:instance-id:{partyId}/{uuid} (an Altinn app instance).

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A dialog id to open as it is, or an instance reference to resolve with dialoglookup first. */
export type DialogReference =
  { readonly kind: 'dialog'; readonly dialogId: string } | { readonly kind: 'lookup'; readonly instanceRef: string };

/**
 * Reads what a user pastes: a dialog id or a link holding one; an instance reference URN; an app instance as
 * `{partyId}/{instanceGuid}` or an app link holding `…/instance/{partyId}/{instanceGuid}`; a correspondence id as
 * its URN or a Correspondence API link (`…/correspondence/{uuid}`). Undefined when it holds none of these.
 */
export function parseDialogReference(text: string): DialogReference | undefined {
  const value = text.trim();
  const urn = new RegExp(`urn:altinn:(dialog-id|correspondence-id|instance-id):((?:\\d+/)?${GUID})`, 'i').exec(value);
  if (urn) {
    const [, kind, id] = urn;
    if (kind.toLowerCase() === 'dialog-id') return { kind: 'dialog', dialogId: id.toLowerCase() };
    if (kind.toLowerCase() === 'instance-id' && !id.includes('/')) return undefined;
    return { kind: 'lookup', instanceRef: `urn:altinn:${kind.toLowerCase()}:${id.toLowerCase()}` };
  }
  const instance = new RegExp(`(?:^|[/#=])(\\d{3,})/(${GUID})(?![0-9a-f-])`, 'i').exec(value);
  if (instance)
    return { kind: 'lookup', instanceRef: `urn:altinn:instance-id:${instance[1]}/${instance[2].toLowerCase()}` };
  const correspondence = new RegExp(`correspondence/(${GUID})`, 'i').exec(value);
  if (correspondence)
    return { kind: 'lookup', instanceRef: `urn:altinn:correspondence-id:${correspondence[1].toLowerCase()}` };
  const dialog = new RegExp(GUID, 'i').exec(value);
  return dialog ? { kind: 'dialog', dialogId: dialog[0].toLowerCase() } : undefined;
}
