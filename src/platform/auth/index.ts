export type { SigningKey, CertificateSummary, MaskinportenAlgorithm } from './signingKey';
export { MASKINPORTEN_ALGORITHMS, MIN_RSA_BITS, describeSigningKey } from './signingKey';
export { importPrivateJwk, importPemKey, importPemKeyWithCertificates } from './keyImport';
export { importPkcs12 } from './pkcs12Import';
export { certificateOrganisationNumber } from './certificates';
export {
  createMaskinportenGrant,
  systemUserAuthorizationDetail,
  MAX_GRANT_LIFETIME_SECONDS,
} from './maskinportenGrant';
export type { GrantOptions, SystemUserCustomer, SystemUserAuthorizationDetail } from './maskinportenGrant';
export { requestMaskinportenToken, JWT_BEARER_GRANT_TYPE } from './maskinportenTokenClient';
export type { AccessToken } from './maskinportenTokenClient';
export { explainMaskinportenError, MP_CODE_EXPLANATIONS, findMpCode } from './maskinportenErrorExplanations';
export type { MaskinportenErrorExplanation } from './maskinportenErrorExplanations';
export { TokenCache, tokenCacheKey } from './tokenCache';
export type { TokenCacheKeyParts, TokenCacheOptions } from './tokenCache';
export { MaskinportenTokenProvider, AltinnTokenProvider, PastedTokenProvider } from './tokenProviders';
export type { TokenProvider, MaskinportenProviderOptions } from './tokenProviders';
export { withTokenRetry } from './tokenRetry';
export { exchangeMaskinportenToken, parseExchangeBody } from './altinnTokenExchange';
export { decodeJwtUnverified, isJwt, JwtDecodeError } from './jwtDecode';
export type { DecodedJwt } from './jwtDecode';
export { inspectJwt, expiryStatus, DEFAULT_CLOCK_SKEW_SECONDS } from './jwtInspection';
export type { TokenInspection, TokenKind, ClaimExplanation, ExpiryStatus } from './jwtInspection';
export { CLAIM_MEANINGS, DIALOG_TOKEN_CLAIM_MEANINGS } from './claimExplanations';
export { JwksVerifier, trustedIssuersFor } from './jwksVerification';
export type { VerificationVerdict, TrustedIssuer } from './jwksVerification';
export { authorizationDetailEntries, systemUserFromClaims } from './authorizationDetails';
export type { SystemUserClaim } from './authorizationDetails';
export { tokenUserType, isEndUser } from './userType';
export type { TokenUserType } from './userType';
export { identityFromClaims } from './tokenIdentity';
export type { TokenIdentity } from './tokenIdentity';
