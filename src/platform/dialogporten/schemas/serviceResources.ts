import { z } from 'zod';
import { localizations } from './primitives';

/*
 * GET /api/v1/enduser/serviceresources (`V1EndUserServiceResourcesQueriesSearch_AuthorizedServiceResources` in
 * @digdir/dialogporten-schema's swagger.verified.json; `AuthorizedServiceResourceList` in the end-user OpenAPI).
 * Every field is optional there; Dialogporten always writes them. Ids, types and owner codes come lowercased.
 */

const metadataLink = z.looseObject({ metadata: z.string().optional() });

const subject = z.looseObject({
  urn: z.string(),
  name: localizations.nullish(),
  links: metadataLink.nullish(),
});

export const serviceResourceMetadataSchema = z.looseObject({
  id: z.string(),
  resourceType: z.string().optional(),
  status: z.string().optional(),
  isDelegable: z.boolean().optional(),
  minimumAuthenticationLevel: z.number().int().optional(),
  name: localizations.nullish(),
  links: metadataLink.nullish(),
});

export const serviceResourceItemSchema = z.looseObject({
  serviceResource: serviceResourceMetadataSchema,
  roles: z.array(subject).nullish(),
  accessPackages: z.array(subject).nullish(),
  serviceOwner: z
    .looseObject({
      orgNumber: z.string().optional(),
      code: z.string().optional(),
      name: localizations.nullish(),
    })
    .optional(),
});

export const authorizedServiceResourcesSchema = z.looseObject({
  /** True only when `items` is the whole referenced catalogue (a caller with very many parties, no party filter). */
  isFullCatalogueFallback: z.boolean().nullish(),
  items: z.array(serviceResourceItemSchema).nullish(),
});

export type ServiceResourceItem = z.infer<typeof serviceResourceItemSchema>;
export type AuthorizedServiceResources = z.infer<typeof authorizedServiceResourcesSchema>;
