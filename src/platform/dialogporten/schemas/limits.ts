import { z } from 'zod';

/*
 * GET /api/v1/metadata/limits (`Limits` in the end-user OpenAPI; Altinn/dialogporten
 * src/Digdir.Domain.Dialogporten.WebApi/Endpoints/V1/Metadata/Limits/Get/GetLimitsEndpoint.cs). Anonymous.
 */
const maxValues = z.number().int().positive().optional();

export const limitsSchema = z.looseObject({
  endUserSearch: z
    .looseObject({
      maxPartyFilterValues: maxValues,
      maxServiceResourceFilterValues: maxValues,
      maxOrgFilterValues: maxValues,
      maxExtendedStatusFilterValues: maxValues,
    })
    .nullish(),
  serviceOwnerSearch: z
    .looseObject({
      maxPartyFilterValues: maxValues,
      maxServiceResourceFilterValues: maxValues,
      maxExtendedStatusFilterValues: maxValues,
    })
    .nullish(),
});

export type Limits = z.infer<typeof limitsSchema>;
