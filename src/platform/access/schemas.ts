import { z } from 'zod';

/**
 * zod schemas for Access Management's authorized parties (`AuthorizedPartyDto`, from Altinn's contract source; there is
 * no official OpenAPI file in shared/reference for it). Unknown fields pass through; `type` may come as a name or
 * as the enum's number.
 */

export const AUTHORIZED_PARTY_TYPES = ['None', 'Person', 'Organization', 'SelfIdentified'] as const;
export type AuthorizedPartyType = (typeof AUTHORIZED_PARTY_TYPES)[number] | (string & {});

const stringList = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

export const authorizedInstanceSchema = z.looseObject({
  resourceId: z.string().nullish(),
  instanceId: z.string().nullish(),
  instanceRef: z.string().nullish(),
});

const partyType = z
  .union([z.string(), z.number().int()])
  .transform((v): AuthorizedPartyType => (typeof v === 'number' ? (AUTHORIZED_PARTY_TYPES[v] ?? String(v)) : v));

export interface AuthorizedParty {
  partyUuid: string;
  name: string;
  organizationNumber?: string | null;
  parentId?: string | null;
  personId?: string | null;
  dateOfBirth?: string | null;
  partyId?: number | null;
  emailId?: string | null;
  type: AuthorizedPartyType;
  unitType?: string | null;
  isDeleted: boolean;
  onlyHierarchyElementWithNoAccess: boolean;
  authorizedAccessPackages: string[];
  authorizedResources: string[];
  authorizedRoles: string[];
  authorizedInstances: z.infer<typeof authorizedInstanceSchema>[];
  subunits: AuthorizedParty[];
  [unknownField: string]: unknown;
}

export const authorizedPartySchema: z.ZodType<AuthorizedParty> = z.looseObject({
  partyUuid: z.string(),
  name: z.string(),
  organizationNumber: z.string().nullish(),
  parentId: z.string().nullish(),
  personId: z.string().nullish(),
  dateOfBirth: z.string().nullish(),
  partyId: z.number().int().nullish(),
  emailId: z.string().nullish(),
  type: partyType,
  unitType: z.string().nullish(),
  isDeleted: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  onlyHierarchyElementWithNoAccess: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  authorizedAccessPackages: stringList,
  authorizedResources: stringList,
  authorizedRoles: stringList,
  authorizedInstances: z
    .array(authorizedInstanceSchema)
    .nullish()
    .transform((v) => v ?? []),
  get subunits() {
    return z
      .array(authorizedPartySchema)
      .nullish()
      .transform((v) => v ?? []);
  },
}) as unknown as z.ZodType<AuthorizedParty>;

/**
 * The end-user endpoint answers `{ links: { next }, data: [...] }`; the older one a bare array; Altinn's docs show a
 * nested `[[...]]`. All three are read as a flat page.
 */
export const authorizedPartiesPageSchema = z
  .union([
    z.looseObject({
      links: z.looseObject({ next: z.string().nullish() }).nullish(),
      data: z.array(authorizedPartySchema),
    }),
    z.array(z.union([authorizedPartySchema, z.array(authorizedPartySchema)])),
  ])
  .transform((value) =>
    Array.isArray(value)
      ? { next: undefined, parties: value.flat() }
      : { next: value.links?.next ?? undefined, parties: value.data },
  );

export type AuthorizedPartiesPage = z.output<typeof authorizedPartiesPageSchema>;
