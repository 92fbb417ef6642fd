import { z } from 'zod';

// partiesSchema (parties.ts) written out as plain checks, as dialogSearchPageCheck.ts does for search pages: it
// accepts only what the zod schema accepts unchanged. A null `authorizedParties` (which the schema turns into []) is
// left to the schema. An agent system user's GET /parties lists thousands of parties; zod took ~50 ms of a
// 5,000-party response where these checks take a few. test/unit/dialogporten/partiesCheck.test.ts keeps the two in step.

type Fields = Record<string, unknown>;

const GUID = z.regexes.guid;
const MAX_DEPTH = 16;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.hasOwn(value, '__proto__');
const isOptionalBoolean = (value: unknown): boolean => value === undefined || typeof value === 'boolean';

function isAuthorizedParty(value: unknown, depth: number): boolean {
  if (!isObject(value)) return false;
  if (typeof value.party !== 'string' || value.party.length === 0) return false;
  if (value.partyUuid !== undefined && !(typeof value.partyUuid === 'string' && GUID.test(value.partyUuid)))
    return false;
  if (value.partyId !== undefined && !(typeof value.partyId === 'number' && Number.isSafeInteger(value.partyId)))
    return false;
  if (typeof value.name !== 'string' || typeof value.partyType !== 'string') return false;
  if (!(value.dateOfBirth === undefined || value.dateOfBirth === null || typeof value.dateOfBirth === 'string'))
    return false;
  if (
    !isOptionalBoolean(value.isDeleted) ||
    !isOptionalBoolean(value.hasKeyRole) ||
    !isOptionalBoolean(value.isCurrentEndUser) ||
    !isOptionalBoolean(value.isMainAdministrator) ||
    !isOptionalBoolean(value.isAccessManager) ||
    !isOptionalBoolean(value.hasOnlyAccessToSubParties)
  )
    return false;
  const sub = value.subParties;
  if (sub === undefined || sub === null) return true;
  if (!Array.isArray(sub) || depth >= MAX_DEPTH) return false;
  for (const party of sub) if (!isAuthorizedParty(party, depth + 1)) return false;
  return true;
}

/** True when `data` is a parties response that partiesSchema would return unchanged. */
export function isUnchangedParties(data: unknown): boolean {
  if (!isObject(data) || !Array.isArray(data.authorizedParties)) return false;
  for (const party of data.authorizedParties) if (!isAuthorizedParty(party, 0)) return false;
  return true;
}
