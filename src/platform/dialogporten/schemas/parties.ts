import { z } from 'zod';
import { guid } from './primitives';

export interface AuthorizedParty {
  party: string;
  partyUuid?: string;
  partyId?: number;
  name: string;
  dateOfBirth?: string | null;
  partyType: string;
  isDeleted?: boolean;
  hasKeyRole?: boolean;
  isCurrentEndUser?: boolean;
  isMainAdministrator?: boolean;
  isAccessManager?: boolean;
  hasOnlyAccessToSubParties?: boolean;
  subParties?: AuthorizedParty[] | null;
  [unknown: string]: unknown;
}

/** A party the end user may act for; `partyUuid`, `partyId` and `dateOfBirth` are missing in the Feb-2025 API. */
export const authorizedPartySchema = z.looseObject({
  party: z.string().min(1),
  partyUuid: guid.optional(),
  partyId: z.number().int().optional(),
  name: z.string(),
  dateOfBirth: z.string().nullish(),
  partyType: z.string(),
  isDeleted: z.boolean().optional(),
  hasKeyRole: z.boolean().optional(),
  isCurrentEndUser: z.boolean().optional(),
  isMainAdministrator: z.boolean().optional(),
  isAccessManager: z.boolean().optional(),
  hasOnlyAccessToSubParties: z.boolean().optional(),
  get subParties() {
    return z.array(authorizedPartySchema as z.ZodType<AuthorizedParty>).nullish();
  },
});

export const partiesSchema = z.looseObject({
  /** Null in the document's terms; read as no parties. */
  authorizedParties: z
    .array(authorizedPartySchema)
    .nullish()
    .transform((parties) => parties ?? []),
});

export type Parties = z.infer<typeof partiesSchema>;
