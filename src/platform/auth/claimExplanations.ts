/** What each claim means, in plain words (AUTH-AND-CORRESPONDENCE.md §A/§B, dialogporten/SUMMARY.md "Dialog token"). */
export const CLAIM_MEANINGS: Readonly<Record<string, string>> = {
  iss: 'Issuer: who made and signed the token.',
  aud: 'Audience: which API the token is meant for ("unspecified" when no resource was asked for).',
  sub: 'Subject: who the token is about.',
  exp: 'Expires at (seconds since 1970, UTC).',
  iat: 'Issued at (seconds since 1970, UTC).',
  nbf: 'Not valid before (seconds since 1970, UTC).',
  jti: 'Unique id of this token.',
  scope: 'Scopes: the APIs and operations this token may use (space-separated).',
  client_id: 'The Maskinporten client (integration) that asked for the token.',
  client_amr:
    'How the client authenticated: private_key_jwt (registered key), virksomhetssertifikat (business certificate) or an e-seal.',
  consumer: 'The organisation the token is issued to (0192:<organisation number>).',
  supplier: 'The supplier organisation acting for the consumer.',
  delegation_source: "Where the supplier's delegation came from.",
  token_type: 'How to send the token (Bearer).',
  pid: 'National identity number of the person the token is for.',
  acr: 'Authentication level of the person (idporten-loa-substantial = 3, idporten-loa-high = 4).',
  authorization_details:
    "Rich authorization details: for a system user, which system user (systemuser_id), which customer (systemuser_org) and which system (system_id). Maskinporten writes an array; Altinn's token exchange writes a single entry as an object. Both mean the same.",
  sid: 'Session id.',
  actual_iss: 'The real maker of the token (altinn-test-tools for Altinn test tokens).',
  'urn:altinn:orgNumber': 'Organisation number the Altinn token acts for.',
  'urn:altinn:org': 'Altinn service-owner code (e.g. skd, ttd).',
  'urn:altinn:authenticatemethod': 'How the user or client authenticated to Altinn.',
  'urn:altinn:authlevel': 'Authentication level (0–4).',
  'urn:altinn:userid': 'Altinn user id.',
  'urn:altinn:partyid': 'Altinn party id of the user.',
  'urn:altinn:party:uuid': 'Altinn party UUID of the user.',
};

/** Dialogporten's dialog tokens use one-letter claims to stay small. */
export const DIALOG_TOKEN_CLAIM_MEANINGS: Readonly<Record<string, string>> = {
  c: 'Authenticated party (person URN, or the consumer organisation for a system user).',
  l: 'Authentication level.',
  p: "The dialog's party (whose inbox it is in).",
  u: 'Supplier organisation (when a supplier acts for the party).',
  y: 'System user URN (system users only).',
  o: "System user's organisation (system users only).",
  s: 'Service resource of the dialog.',
  i: 'Dialog id.',
  a: 'Authorized actions (";"-separated, each optionally ",<subresource>").',
};
