import { isUserTypeRefusal } from '../../platform/dialogporten/errors';
import { ApiError, NetworkError, PlatformError } from '../../platform/errors';
import { plainLocalizer, type Localizer } from '../../platform/presentation';
import { TokenRequestError } from './tokenRequestError';

/** What an error node says and which actions it offers. Plain data so it can be unit-tested without VS Code. */
export interface ErrorAdvice {
  /** One line for the node's label. */
  readonly title: string;
  /** The error's own message (already free of secrets) and what to do, for the tooltip and description. */
  readonly detail: string;
  readonly retry: boolean;
  /** The connection (token, scopes, profile) is the likely cause. */
  readonly fixConnection: boolean;
  /** A scope is probably missing: offer drafting a scope request. */
  readonly missingScope: boolean;
  /** The API serves only a person or a system user and the token is neither: offer adding a system user to the profile. */
  readonly needsEndUser: boolean;
  /** The filter is what the service refused. */
  readonly editFilter: boolean;
}

interface Explained {
  readonly reason?: string;
  readonly explanation?: string;
}

export function adviseOnError(error: unknown, what: string, l10n: Localizer = plainLocalizer): ErrorAdvice {
  const message = error instanceof Error ? error.message : String(error);
  const base = {
    detail: message,
    retry: true,
    fixConnection: false,
    missingScope: false,
    needsEndUser: false,
    editFilter: false,
  };
  if (error instanceof TokenRequestError) return { ...base, title: tokenTitle(error, what, l10n), fixConnection: true };
  if (error instanceof ApiError) {
    const explained = error as ApiError & Explained;
    const reason = explained.reason;
    if (
      error.status === 401 ||
      reason === 'token-rejected' ||
      reason === 'maskinporten-token-not-accepted' ||
      reason === 'not-a-user'
    ) {
      return {
        ...base,
        title: l10n.t('Could not load {0}: the token was not accepted (401)', what),
        fixConnection: true,
      };
    }
    if (isUserTypeRefusal(error)) {
      return {
        ...base,
        title: l10n.t('Could not load {0}: this API needs a system user (or a person); add one to the profile', what),
        detail: `${l10n.t("Dialogporten's end-user API serves only a person or a system user; a plain Maskinporten token is neither, whatever its scopes. Add a system user (the customer organisation that approved your system) to the connection profile.")} (${message})`,
        fixConnection: true,
        needsEndUser: true,
      };
    }
    if (error.status === 403 || reason === 'missing-scope') {
      return {
        ...base,
        title: l10n.t('Could not load {0}: access denied (403); a scope is probably missing', what),
        fixConnection: true,
        missingScope: true,
      };
    }
    if (reason === 'no-access-to-resource') {
      return {
        ...base,
        title: l10n.t('Could not load {0}: no access to the resource for this party', what),
        fixConnection: true,
      };
    }
    if (error.status === 400 || error.status === 422) {
      return {
        ...base,
        title: l10n.t('The service refused the request for {0} ({1})', what, error.status),
        editFilter: true,
        retry: error.status === 422,
      };
    }
    if (error.status === 429 || error.status === 503) {
      return {
        ...base,
        title: error.retryAfterSeconds
          ? l10n.t('The service is busy ({0}); retry after {1} s', error.status, error.retryAfterSeconds)
          : l10n.t('The service is busy ({0})', error.status),
      };
    }
    if (error.status === 404 || error.status === 410)
      return { ...base, title: l10n.t('Could not load {0}: not found ({1})', what, error.status) };
    return { ...base, title: l10n.t('Could not load {0}: the service answered {1}', what, error.status) };
  }
  if (error instanceof PlatformError) {
    switch (error.kind) {
      case 'network':
        return {
          ...base,
          title:
            error instanceof NetworkError && error.truncated
              ? l10n.t('The answer for {0} was cut off', what)
              : l10n.t('Could not reach the service for {0}', what),
        };
      case 'timeout':
        return { ...base, title: l10n.t('No answer in time for {0}', what) };
      case 'maskinporten':
        return { ...base, title: l10n.t('Maskinporten refused the token request'), fixConnection: true };
      case 'token-expired':
        return { ...base, title: l10n.t('The pasted token has expired'), fixConnection: true, retry: false };
      case 'response-shape':
      case 'response-format':
        return { ...base, title: l10n.t('The answer for {0} was not what the API documents', what) };
      case 'invalid-input':
        return { ...base, title: message, editFilter: true, retry: false };
      default:
        return { ...base, title: l10n.t('Could not load {0}', what) };
    }
  }
  if (/SecretStorage|missing from|import it again|paste it again/i.test(message))
    return { ...base, title: l10n.t("The connection's credentials are missing"), fixConnection: true, retry: false };
  return { ...base, title: l10n.t('Could not load {0}', what) };
}

/** The token service, not the API, failed: say which one and how. */
function tokenTitle(error: TokenRequestError, what: string, l10n: Localizer): string {
  const cause = error.cause;
  if (cause instanceof ApiError) {
    if (cause.status === 429 || cause.status === 503) {
      return cause.retryAfterSeconds
        ? l10n.t(
            'No token for {0}: {1} is busy ({2}); retry after {3} s',
            what,
            error.issuer,
            cause.status,
            cause.retryAfterSeconds,
          )
        : l10n.t('No token for {0}: {1} is busy ({2})', what, error.issuer, cause.status);
    }
    return l10n.t('No token for {0}: {1} answered {2}', what, error.issuer, cause.status);
  }
  if (cause instanceof NetworkError && cause.truncated)
    return l10n.t('No token for {0}: the answer from {1} was cut off', what, error.issuer);
  if (cause instanceof PlatformError && cause.kind === 'network')
    return l10n.t('No token for {0}: {1} could not be reached', what, error.issuer);
  if (cause instanceof PlatformError && cause.kind === 'timeout')
    return l10n.t('No token for {0}: {1} did not answer in time', what, error.issuer);
  return l10n.t('No token for {0}: the answer from {1} was not what it documents', what, error.issuer);
}
