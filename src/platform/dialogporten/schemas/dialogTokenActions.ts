/** The `a` claim as a list: `read;write;elementread,urn:altinn:subresource:x` → [{action, resource?}]. */
export function parseDialogTokenActions(claim: string): { action: string; resource?: string }[] {
  return claim
    .split(';')
    .filter(Boolean)
    .map((part) => {
      const [action, resource] = part.split(',');
      return resource ? { action, resource } : { action };
    });
}
