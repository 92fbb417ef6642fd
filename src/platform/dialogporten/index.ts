export { DialogportenClient } from './client/dialogportenClient';
export type { DialogportenClientOptions, DialogportenTokenProvider, DialogWithMeta, SystemLabelChange, CallOptions } from './client/dialogportenClient';
export { toSearchParams, MIN_SEARCH_LENGTH } from './client/searchFilters';
export type { DialogSearchFilters, OrderBy, OrderField } from './client/searchFilters';
export { fetchFrontChannelEmbed, FCE_MAX_BYTES, FCE_TIMEOUT_MS } from './client/frontChannelEmbed';
export type { FrontChannelEmbed, FrontChannelEmbedOptions } from './client/frontChannelEmbed';
export { DialogRevisionConflictError } from './errors';
export * from './schemas';
