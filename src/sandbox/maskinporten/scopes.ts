// Follows Altinn/altinn-studio-docs: content/authorization/guides/system-vendor/system-user/usetoken/_index.en.md and content/dialogporten/user-guides/authenticating/_index.en.md
/** Scopes a system vendor (end-user system) may get on its Maskinporten client (AUTH-AND-CORRESPONDENCE.md §D, dialogporten/SUMMARY.md). */
export const VENDOR_SCOPES: readonly string[] = [
  'digdir:dialogporten',
  'digdir:dialogporten.noconsent',
  'altinn:correspondence.read',
  'altinn:events.subscribe',
  'altinn:accessmanagement/authorizedparties',
  'altinn:authentication/systemregister.write',
  'altinn:authentication/systemuser.request.write',
  'altinn:authentication/systemuser.request.read',
];

/** Scopes that exist but belong to service owners / API providers: asking for them on a vendor client gives MP-201. */
export const NOT_FOR_VENDOR_SCOPES: ReadonlySet<string> = new Set([
  'altinn:correspondence.write',
  'altinn:serviceowner',
  'digdir:dialogporten.serviceprovider',
  'digdir:dialogporten.serviceprovider.search',
  'digdir:dialogporten.serviceprovider.admin',
  'digdir:dialogporten.correspondence',
  'altinn:authorization/authorize',
  'altinn:maskinporten/systemuser.read',
  'altinn:accessmanagement/authorizedparties.resourceowner',
]);
