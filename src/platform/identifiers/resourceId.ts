/** The prefix of an Altinn resource as a URN (`urn:altinn:resource:skd-skattemelding`). */
export const RESOURCE_URN_PREFIX = 'urn:altinn:resource:';

/** A resource id without its URN prefix, as Correspondence and Access Management take it (`skd-skattemelding`). */
export function bareResourceId(resource: string): string {
  return resource.startsWith(RESOURCE_URN_PREFIX) ? resource.slice(RESOURCE_URN_PREFIX.length) : resource;
}
