// Every zod schema the platform validates API payloads with. Bundled as dist/schemas.js and loaded on the first
// validation (loadPayloadSchemas.ts): zod and building these schemas would otherwise cost activation ~40 ms.
// Only schemas and pure checks belong here: a class exported from this chunk would be a second copy of it.
export { dialogportenSchemas } from './dialogporten/schemas/registry';
export { isUnchangedDialogSearchPage } from './dialogporten/schemas/dialogSearchPageCheck';
export {
  correspondenceDetailsSchema,
  correspondenceIdResultSchema,
  correspondenceIdsSchema,
  correspondenceOverviewSchema,
} from './correspondence/schemas';
export { authorizedPartiesPageSchema } from './access/schemas';
export { issuerJwksSchema, issuerMetadataSchema, tokenErrorBodySchema, tokenResponseSchema } from './auth/authSchemas';
export * as systemUserSchemas from './systemUsers/schemas';
