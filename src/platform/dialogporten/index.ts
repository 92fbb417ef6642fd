export { DialogportenClient } from './client/dialogportenClient';
export type {
  DialogportenClientOptions,
  DialogportenTokenProvider,
  DialogWithMeta,
  SystemLabelChange,
  CallOptions,
  DialogRevisionRef,
} from './client/dialogportenClient';
export { MAX_BULK_DIALOGS } from './client/dialogportenClient';
// Many parties at once: one list across parties, bulk label changes, CSV/JSON export (see each folder's index).
export * from './allParties';
export * from './bulk';
export * from './export';
export { toSearchParams, MIN_SEARCH_LENGTH } from './client/searchFilters';
export type { DialogSearchFilters, OrderBy, OrderField } from './client/searchFilters';
export {
  acceptLanguageFor,
  declaredEmbedFormat,
  fetchFrontChannelEmbed,
  FCE_MAX_BYTES,
  FCE_TIMEOUT_MS,
} from './client/frontChannelEmbed';
export type { FrontChannelEmbed, FrontChannelEmbedOptions } from './client/frontChannelEmbed';
export { DialogRevisionConflictError, isUserTypeRefusal } from './errors';
// Types of every payload; values only from the zod-free modules (the schemas themselves load on first use).
export type * from './schemas';
export * from './schemas/constants';
export { DIALOGPORTEN_PAYLOAD_NAMES } from './schemas/payloadNames';
export { parseDialogportenPayload, describeShapeProblems, formatPath } from './schemas/validation';
export { effectiveSystemLabels, normalizeFrontChannelMediaType } from './schemas/tolerance';
export { parseDialogTokenActions } from './schemas/dialogTokenActions';
