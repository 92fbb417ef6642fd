/**
 * What each error code of Altinn Authentication's vendor APIs means for the vendor, in plain words with what to do.
 * Codes and statuses from Altinn/altinn-authentication src/Core/Problems/Problem.cs and src/Core/Errors/
 * ValidationErrors.cs; when they occur from the controllers and services that raise them.
 */
export const AUTH_CODE_EXPLANATIONS: Readonly<Record<string, string>> = {
  'AUTH-00000':
    "The customer's organisation number was not found in Altinn's register: check the number (and that it exists in this environment).",
  'AUTH-00001':
    'The requested rights are not all on the system, or cannot be delegated: ask only for rights the registered system lists (edit the system first to add one).',
  'AUTH-00004':
    'This customer already has a system user for this system and external reference: use it, or choose another external reference.',
  'AUTH-00010': 'No such system-user request (it never existed, was deleted, or its system user was deleted).',
  'AUTH-00011':
    'The system is not in the system register, or it belongs to another vendor than the organisation in your token: check the system id and that your Maskinporten client belongs to the vendor.',
  'AUTH-00012': 'The request could not be stored by Altinn; try again later.',
  'AUTH-00013':
    'The request is no longer New (it was already accepted, rejected or timed out): only a New request can be approved or rejected.',
  'AUTH-00015':
    'No such system user, or it is an agent system user (they cannot be changed: delete and request a new one).',
  'AUTH-00016':
    'The person may not approve for this organisation: an access manager (e.g. the general manager) must do it.',
  'AUTH-00017': 'The system has no Norwegian bokmål (nb) name; add one to the system before the customer approves.',
  'AUTH-00021':
    "The redirect URL is not one of the system's allowed redirect URLs (scheme, host, port and path must match).",
  'AUTH-00023':
    "The token names no vendor organisation (no `consumer` claim): use a Maskinporten token of the vendor's own client, not a person or system-user token.",
  'AUTH-00025': 'The id is not an agent request: read it as a standard request.',
  'AUTH-00026':
    'The system lists no allowed redirect URLs, so a request cannot name one: register one on the system or leave it out.',
  'AUTH-00058': 'An agent (client) request must name at least one access package.',
  'AUTH-00059': 'The request names neither rights nor access packages: ask for at least one.',
  'AUTH-00061': 'The change request is no longer New.',
  'AUTH-00063':
    'An access package in the request is not on the system: ask only for packages the registered system lists.',
  'AUTH-00064': 'An access package in the request cannot be assigned to a system user.',
  'AUTH-00065': 'An access package in the agent request is not meant for client relationships.',
  'AUTH.VLD-00000': 'The vendor must be written "0192:<organisation number>".',
  'AUTH.VLD-00001':
    'The system id must start with the vendor\'s organisation number and an underscore: "<orgno>_<name>".',
  'AUTH.VLD-00002': 'A system with this id already exists (a deleted system keeps its id): choose another name.',
  'AUTH.VLD-00003': 'A right names a resource that is not in the Resource Registry: check its id.',
  'AUTH.VLD-00004':
    'A client id already belongs to another system: a Maskinporten client can belong to one system only.',
  'AUTH.VLD-00005': 'Allowed redirect URLs must be absolute https URLs.',
  'AUTH.VLD-00006': 'The same right is listed twice.',
  'AUTH.VLD-00007': 'The same access package is listed twice.',
  'AUTH.VLD-00008': 'An access package does not exist or cannot be delegated.',
  'AUTH.VLD-00009': 'A right\'s resource attribute must be "urn:altinn:resource".',
  'AUTH.VLD-00011': 'The same client id is listed twice.',
  'AUTH.VLD-00012': 'The system id in the body is not the one in the address.',
  'AUTH.VLD-00013': 'The system id may not contain spaces.',
  'AUTH.VLD-00017': 'A right names a resource whose type cannot be delegated to a system user.',
  'AUTH.VLD-00018': 'A visible system (isVisible) cannot list an access package meant only for client relationships.',
};

/** The sentence for a code, or undefined for a code this table does not know. */
export function explainAuthCode(code: string | undefined): string | undefined {
  return code ? AUTH_CODE_EXPLANATIONS[code.toUpperCase()] : undefined;
}
