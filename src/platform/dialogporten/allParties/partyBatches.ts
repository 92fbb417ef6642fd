import { InvalidInputError } from '../../errors';
import { toPartyUrn } from '../client/searchFilters';
import type { CallOptions, DialogportenClient } from '../client/dialogportenClient';

/** The party filter size before Dialogporten published its limits (older builds took 20). */
export const FALLBACK_PARTIES_PER_SEARCH = 20;

/**
 * How many `party` values one end-user search takes, from GET /metadata/limits; builds without that endpoint (or
 * an answer without the field) get the older builds' 20.
 */
export async function partiesPerSearch(
  client: Pick<DialogportenClient, 'getLimits'>,
  options: CallOptions = {},
): Promise<number> {
  try {
    const limits = await client.getLimits(options);
    return limits.endUserSearch?.maxPartyFilterValues ?? FALLBACK_PARTIES_PER_SEARCH;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return FALLBACK_PARTIES_PER_SEARCH;
  }
}

/**
 * The parties as URNs, each once (Dialogporten compares them lowercased: SearchDialogQuery.cs lowercases `party`),
 * cut into batches of at most `size`, keeping the caller's order. Also maps each lowercased URN back to the party
 * as the caller wrote it, so a dialog's `party` can be matched to the caller's party list.
 */
export function partyBatches(
  parties: readonly string[],
  size: number,
): { batches: string[][]; byUrn: Map<string, string> } {
  if (!Number.isInteger(size) || size < 1)
    throw new InvalidInputError('maxPartiesPerSearch', `Parties per search must be a whole number ≥ 1; got ${size}.`);
  const byUrn = new Map<string, string>();
  const urns: string[] = [];
  for (const party of parties) {
    const urn = toPartyUrn(party);
    const key = urn.toLowerCase();
    if (byUrn.has(key)) continue;
    byUrn.set(key, party);
    urns.push(urn);
  }
  if (urns.length === 0) throw new InvalidInputError('party', 'Pick at least one party to search across.');
  const batches: string[][] = [];
  for (let i = 0; i < urns.length; i += size) batches.push(urns.slice(i, i + size));
  return { batches, byUrn };
}
