/**
 * The system-user scopes a vendor gets through Digdir's registration form for end-user system vendors
 * ("Registreringsskjema for sluttbrukersystemleverandør", ticking "systembruker"), not by writing to
 * servicedesk: altinn-studio-docs, content/authorization/getting-started/systemuser/_index.nb.md
 * ("Få tilgang til systembruker-API") and content/api/authentication/systemuserapi/scopes/_index.nb.md.
 * Other Altinn scopes are still asked for at servicedesk (content/correspondence/getting-started/
 * developer-guides/systemprovider/_index.nb.md, "Tilgang til scopes").
 */
export const REGISTRATION_FORM_SCOPES: readonly string[] = [
  'altinn:authentication/systemregister.write',
  'altinn:authentication/systemuser.request.write',
  'altinn:authentication/systemuser.request.read',
];

/**
 * The docs page that links the registration form (the form itself is a Microsoft Forms link that the page
 * keeps current): altinn-studio-docs, content/authorization/getting-started/systemuser/_index.nb.md.
 */
export const REGISTRATION_FORM_PAGE = 'https://docs.altinn.studio/nb/authorization/getting-started/systemuser/';

export function comesWithRegistrationForm(scope: string): boolean {
  return REGISTRATION_FORM_SCOPES.includes(scope.trim());
}
