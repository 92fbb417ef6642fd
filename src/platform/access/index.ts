export { AuthorizedPartiesClient, flattenAuthorizedParties, partyUrnOf } from './authorizedPartiesClient';
export type {
  AuthorizedPartiesClientOptions,
  AuthorizedPartiesQuery,
  AccessTokenProvider,
  IncludeChoice,
} from './authorizedPartiesClient';
export type { AuthorizedParty, AuthorizedPartyType, AuthorizedPartiesPage } from './schemas';
export { AccessApiError, toAccessError } from './accessErrors';
export type { AccessErrorReason } from './accessErrors';
