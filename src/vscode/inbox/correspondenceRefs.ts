const CORRESPONDENCE_URL =
  /\/correspondence\/api\/v1\/correspondence\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi;
const CORRESPONDENCE_URN =
  /urn:altinn:correspondence-id:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi;

/**
 * Correspondence ids a dialog points at: Altinn Correspondence publishes each message as a dialog whose API
 * actions, main content or attachments link back to `…/correspondence/api/v1/correspondence/{id}`.
 * Reads the raw JSON text so unknown fields count too.
 */
export function correspondenceIdsIn(rawDialogJson: string): string[] {
  const ids = new Set<string>();
  for (const pattern of [CORRESPONDENCE_URL, CORRESPONDENCE_URN]) {
    for (const match of rawDialogJson.matchAll(pattern)) ids.add(match[1].toLowerCase());
  }
  return [...ids];
}

/** Dialog ids a correspondence names in its external references (`DialogportenDialogId`). */
export function dialogIdsOf(correspondence: {
  externalReferences?: readonly { referenceType: string; referenceValue: string | null }[] | null;
}): string[] {
  return (correspondence.externalReferences ?? [])
    .filter(
      (r) =>
        r.referenceType === 'DialogportenDialogId' &&
        typeof r.referenceValue === 'string' &&
        r.referenceValue.length > 0,
    )
    .map((r) => r.referenceValue as string);
}
