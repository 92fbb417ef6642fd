export interface MaskinportenErrorExplanation {
  readonly summary: string;
  readonly likelyCause: string;
  readonly fix: string;
}

/** Every MP code in shared/reference/AUTH-AND-CORRESPONDENCE.md §A, in plain words. */
export const MP_CODE_EXPLANATIONS: Readonly<Record<string, MaskinportenErrorExplanation>> = {
  'MP-011': {
    summary: 'A request parameter has an invalid value.',
    likelyCause:
      'the assertion contains line breaks or is not a single compact JWT, a required parameter is missing, or consumer_org equals your own organisation.',
    fix: 'Send grant_type and assertion form-encoded, the assertion on one line.',
  },
  'MP-012': {
    summary: 'This grant was used before.',
    likelyCause: 'the same jti was sent twice (a grant was reused or retried).',
    fix: 'Make a new grant with a fresh jti for every token request.',
  },
  'MP-100': {
    summary: 'Client authentication failed: the client was not found.',
    likelyCause:
      "the grant's iss is not a client_id in this Maskinporten environment (typo, or the client was made in another environment than the audience).",
    fix: 'Copy the client_id from the client in self-service for this environment.',
  },
  'MP-110': {
    summary: "The grant's audience (aud) is wrong.",
    likelyCause: 'wrong environment, a typo, or the token URL used as aud.',
    fix: 'Use the Maskinporten issuer with trailing slash, e.g. https://test.maskinporten.no/ for tt02.',
  },
  'MP-120': {
    summary: 'The grant was signed with a key or certificate Maskinporten does not accept.',
    likelyCause:
      'the kid is not registered on this client, or the certificate is not a valid business certificate for this environment (test rejects production certificates).',
    fix: 'Check the kid against the keys on the client in self-service, or use a test certificate.',
  },
  'MP-121': {
    summary: 'The key registered on the client has expired.',
    likelyCause: 'keys uploaded to a client expire one year after upload.',
    fix: 'Generate a new key pair, upload the public key in self-service and use its kid.',
  },
  'MP-122': {
    summary: "The certificate belongs to another organisation than the client's owner.",
    likelyCause: "the business certificate's organisation number differs from the organisation that owns the client.",
    fix: 'Use the certificate of the organisation that owns the client.',
  },
  'MP-123': {
    summary: 'The x5c header is invalid.',
    likelyCause: 'x5c is not a JSON array of base64 DER certificates (a plain string, PEM text or a broken chain).',
    fix: 'Send x5c as an array, leaf certificate first.',
  },
  'MP-124': {
    summary: "The grant's signature is invalid.",
    likelyCause:
      'the grant was signed with another private key than the one registered (or in the certificate), or with an unsupported algorithm.',
    fix: 'Sign with RS256/RS384/RS512 and the private key that matches the registered public key.',
  },
  'MP-130': {
    summary: 'The grant is expired or not yet valid.',
    likelyCause:
      "the computer's clock is off (iat must be within ±10 s of Maskinporten's clock), exp is more than 120 s after iat, or the grant was sent late.",
    fix: 'Sync the clock (NTP) and make a fresh grant right before sending it.',
  },
  'MP-200': {
    summary: 'A requested scope is not registered on the client.',
    likelyCause: 'the scope was not added to the client in self-service (or was never granted to your organisation).',
    fix: 'Add the scope to the client; ask the API owner (for Altinn: servicedesk) for access first.',
  },
  'MP-201': {
    summary: "A requested scope is not allowed for this client's integration type.",
    likelyCause:
      'the scope belongs to another kind of integration (e.g. a service-owner scope on an end-user system client).',
    fix: 'Remove the scope, or use a client of the right integration type.',
  },
  'MP-250': {
    summary: 'Your organisation has not been granted this scope.',
    likelyCause: 'the API owner has not given your organisation access to the scope.',
    fix: 'Ask the API owner for access (for Altinn scopes: Altinn servicedesk).',
  },
  'MP-251': {
    summary: 'No delegation in Altinn gives the supplier this scope for the customer.',
    likelyCause:
      'the customer (consumer_org) has not delegated the API to you in Altinn (such delegations do not apply in tt02).',
    fix: 'Have the customer delegate the API access, or use a system user.',
  },
  'MP-301': {
    summary: 'Unknown authorization_details type.',
    likelyCause: 'the type is not "urn:altinn:systemuser", or authorization_details is not an array of one object.',
    fix: 'Send authorization_details as [{"type":"urn:altinn:systemuser","systemuser_org":{…}}].',
  },
  'MP-302': {
    summary: 'authorization_details has fields Maskinporten does not know.',
    likelyCause: 'a misspelt or extra field in the authorization_details object.',
    fix: 'Use only type, systemuser_org and (when needed) externalRef.',
  },
  'MP-303': {
    summary: 'The system-user details are invalid (invalid_altinn_customer_configuration).',
    likelyCause:
      'no system user exists for this client_id and customer organisation, the client_id is missing on the system, the externalRef does not match the system-user request, or systemuser_org is wrong.',
    fix: 'Check that the customer approved the system-user request for this system and organisation, and send externalRef only if the request used a non-default one.',
  },
};

const OAUTH_ERRORS: Readonly<Record<string, MaskinportenErrorExplanation>> = {
  invalid_grant: {
    summary: 'Maskinporten did not accept the grant.',
    likelyCause: 'wrong client_id, audience, key or clock.',
    fix: 'Check the error description for an MP code.',
  },
  invalid_request: {
    summary: 'The token request is malformed.',
    likelyCause: 'a missing or invalid parameter.',
    fix: 'Send grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer and assertion=<grant>, form-encoded.',
  },
  invalid_scope: {
    summary: 'A requested scope is not available to this client.',
    likelyCause: 'the scope is not registered on the client.',
    fix: 'Add the scope to the client in self-service.',
  },
  invalid_client: {
    summary: 'Client authentication failed.',
    likelyCause: 'unknown client or a key that is not registered.',
    fix: 'Check client_id and kid.',
  },
  unauthorized_client: {
    summary: 'The client may not use this grant type.',
    likelyCause: 'the client is not a Maskinporten client.',
    fix: 'Create a Maskinporten (machine-to-machine) client.',
  },
  unsupported_grant_type: {
    summary: 'The grant type is not supported.',
    likelyCause: 'grant_type is not urn:ietf:params:oauth:grant-type:jwt-bearer.',
    fix: 'Use the JWT-bearer grant type.',
  },
  access_denied: {
    summary: 'Access was denied.',
    likelyCause: 'the organisation lacks access to the scope or delegation.',
    fix: 'Ask the API owner for access.',
  },
  server_error: {
    summary: 'Maskinporten failed internally.',
    likelyCause: "a problem on Maskinporten's side.",
    fix: "Try again later; check Digdir's status page.",
  },
  temporarily_unavailable: {
    summary: 'Maskinporten is temporarily unavailable.',
    likelyCause: 'maintenance or overload.',
    fix: 'Try again later.',
  },
};

const ISSUED_IN_FUTURE: MaskinportenErrorExplanation = {
  summary: 'The grant was issued in the future as seen by Maskinporten ("Issue time is after now").',
  likelyCause: "this computer's clock is ahead of the real time.",
  fix: 'Sync the clock (NTP) and try again.',
};

export function findMpCode(text: string | undefined): string | undefined {
  return text ? /\bMP-\d{3}\b/.exec(text)?.[0] : undefined;
}

/** Plain words and the likely cause for a Maskinporten error body; falls back to the OAuth error when there is no MP code. */
export function explainMaskinportenError(error: {
  status?: number;
  error?: string;
  error_description?: string;
}): MaskinportenErrorExplanation & { mpCode?: string } {
  const mpCode = findMpCode(error.error_description) ?? findMpCode(error.error);
  if (/issue time is after now/i.test(error.error_description ?? '')) return { ...ISSUED_IN_FUTURE, mpCode };
  if (mpCode && MP_CODE_EXPLANATIONS[mpCode]) return { ...MP_CODE_EXPLANATIONS[mpCode], mpCode };
  const oauth = error.error ? OAUTH_ERRORS[error.error] : undefined;
  if (oauth) return { ...oauth, mpCode };
  if (error.status === 403) return { ...MP_CODE_EXPLANATIONS['MP-250'], mpCode };
  return {
    summary: 'Maskinporten refused the request.',
    likelyCause: error.error_description ?? error.error ?? `HTTP ${error.status ?? '?'}`,
    fix: 'Check client_id, audience, key and scopes.',
    mpCode,
  };
}
