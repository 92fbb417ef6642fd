import { z } from 'zod';

/**
 * zod schemas for Altinn Authentication's vendor APIs (system register, system-user requests, change requests, system
 * users), after Altinn/altinn-authentication src/Core/Models/{SystemRegisters,SystemUsers}/*.cs and
 * src/Authentication/Model/Paginated.cs. The server leaves null properties out and writes camelCase, except
 * `vendor.ID`; unknown fields pass through so a new server field never breaks a read.
 */

const optionalList = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);

const localized = z.record(z.string(), z.string().nullable()).transform((map) => {
  const out: Record<string, string> = {};
  for (const [language, text] of Object.entries(map)) if (text !== null) out[language] = text;
  return out;
});

/** `{"id":"urn:altinn:resource","value":"<resource id>"}`: one attribute of a right's resource. */
export const attributePairSchema = z.looseObject({ id: z.string(), value: z.string() });

export const rightSchema = z.looseObject({
  action: z.string().nullish(),
  resource: optionalList(attributePairSchema),
});

export const accessPackageSchema = z.looseObject({ urn: z.string() });

/** `vendor` is `{"ID":"0192:<orgno>"}` (a C# field kept in upper case); `authority` is never written but tolerated. */
const vendorSchema = z
  .looseObject({ ID: z.string().optional(), id: z.string().optional(), authority: z.string().nullish() })
  .transform((v) => ({ ...v, ID: v.ID ?? v.id ?? '' }));

export const registeredSystemSchema = z.looseObject({
  id: z.string(),
  vendor: vendorSchema,
  name: localized.nullish().transform((v) => v ?? {}),
  description: localized.nullish().transform((v) => v ?? {}),
  rights: optionalList(rightSchema),
  accessPackages: optionalList(accessPackageSchema),
  clientId: optionalList(z.string()),
  isVisible: z
    .boolean()
    .nullish()
    .transform((v) => v ?? true),
  isDeleted: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  allowedRedirectUrls: optionalList(z.string()),
});

/** `GET systemregister/vendor` answers a different, shorter DTO (RegisteredSystemDTO) than the single GET. */
export const vendorSystemSummarySchema = z.looseObject({
  systemId: z.string(),
  systemVendorOrgNumber: z.string().nullish(),
  systemVendorOrgName: z.string().nullish(),
  name: localized.nullish().transform((v) => v ?? {}),
  description: localized.nullish().transform((v) => v ?? {}),
  rights: optionalList(rightSchema),
  accessPackages: optionalList(accessPackageSchema),
  isVisible: z.boolean().nullish(),
});

export const vendorSystemListSchema = z.array(vendorSystemSummarySchema);

/** POST systemregister/vendor answers the new system's internal GUID as a JSON string. */
export const createdSystemIdSchema = z.string();

export const succeededSchema = z.looseObject({ succeeded: z.boolean() });

const flag = z
  .boolean()
  .nullish()
  .transform((v) => v ?? false);

/** A standard (`rights`) or agent (no `rights`) system-user request (RequestSystemResponse / AgentRequestSystemResponse). */
export const systemUserRequestSchema = z.looseObject({
  id: z.string(),
  externalRef: z.string().nullish(),
  systemId: z.string(),
  partyOrgNo: z.string(),
  integrationTitle: z.string().nullish(),
  rights: optionalList(rightSchema),
  accessPackages: optionalList(accessPackageSchema),
  status: z.string(),
  redirectUrl: z.string().nullish(),
  confirmUrl: z.string().nullish(),
  escalated: flag,
  created: z.string().nullish(),
  timedOut: flag,
});

export const changeRequestSchema = z.looseObject({
  id: z.string(),
  externalRef: z.string().nullish(),
  systemId: z.string().nullish(),
  systemUserId: z.string().nullish(),
  partyOrgNo: z.string().nullish(),
  requiredRights: optionalList(rightSchema),
  unwantedRights: optionalList(rightSchema),
  requiredAccessPackages: optionalList(accessPackageSchema),
  unwantedAccessPackages: optionalList(accessPackageSchema),
  status: z.string(),
  redirectUrl: z.string().nullish(),
  confirmUrl: z.string().nullish(),
  created: z.string().nullish(),
  timedOut: flag,
});

/** SystemUserExternalDTO as the vendor endpoints write it. */
export const vendorSystemUserSchema = z.looseObject({
  id: z.string(),
  integrationTitle: z.string().nullish(),
  systemId: z.string(),
  productName: z.string().nullish(),
  reporteeOrgNo: z.string(),
  created: z.string().nullish(),
  isDeleted: flag,
  supplierName: z.string().nullish(),
  supplierOrgno: z.string().nullish(),
  externalRef: z.string().nullish(),
  userType: z
    .string()
    .nullish()
    .transform((v) => (v ? v.toLowerCase() : 'standard')),
});

/**
 * `{"links":{"next":"<absolute URL>"},"data":[...]}`; on the last page `links` is `{}`. Only the `token` query
 * parameter of `next` is kept: the link's host is whatever host the request reached (an internal one in tt02).
 */
const pageOf = <T extends z.ZodType>(item: T) =>
  z
    .looseObject({
      links: z.looseObject({ next: z.string().nullish() }).nullish(),
      data: optionalList(item),
    })
    .transform((page) => ({ items: page.data, nextToken: nextToken(page.links?.next) }));

function nextToken(next: string | null | undefined): string | undefined {
  if (!next) return undefined;
  try {
    return new URL(next, 'http://placeholder.invalid').searchParams.get('token') ?? undefined;
  } catch {
    return undefined;
  }
}

export const systemUserRequestPageSchema = pageOf(systemUserRequestSchema);
export const changeRequestPageSchema = pageOf(changeRequestSchema);
export const vendorSystemUserPageSchema = pageOf(vendorSystemUserSchema);

export type Right = z.output<typeof rightSchema>;
export type AccessPackage = z.output<typeof accessPackageSchema>;
export type RegisteredSystem = z.output<typeof registeredSystemSchema>;
export type VendorSystemSummary = z.output<typeof vendorSystemSummarySchema>;
export type SystemUserRequest = z.output<typeof systemUserRequestSchema>;
export type ChangeRequest = z.output<typeof changeRequestSchema>;
export type VendorSystemUser = z.output<typeof vendorSystemUserSchema>;
export interface Page<T> {
  readonly items: T[];
  /** The `token` to pass for the next page; undefined on the last page. */
  readonly nextToken?: string;
}
