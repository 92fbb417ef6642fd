import { ApiError } from '../errors';

export type AccessErrorReason = 'missing-scope' | 'not-a-user' | 'token-rejected' | 'invalid-request' | 'other';

/** An ApiError from Access Management with what it most likely means for a system vendor. */
export class AccessApiError extends ApiError {
  override readonly name: string = 'AccessApiError';
  constructor(
    source: ApiError,
    readonly reason: AccessErrorReason,
    readonly explanation: string,
  ) {
    super({
      status: source.status,
      title: source.title,
      detail: source.detail,
      type: source.type,
      fieldErrors: { ...source.fieldErrors },
      errorCode: source.errorCode,
      traceId: source.traceId,
      requestId: source.requestId,
      retryAfterSeconds: source.retryAfterSeconds,
      request: source.request,
    });
    this.message = `${explanation} (${source.message})`;
  }
}

export function toAccessError(error: unknown): unknown {
  if (!(error instanceof ApiError) || error instanceof AccessApiError) return error;
  if (error.status === 401 && /unknown user type/i.test(error.detail ?? '')) {
    return new AccessApiError(
      error,
      'not-a-user',
      "Authorized parties exist only for a person or a system user; an organisation's own Maskinporten token has none. Use a system-user token (authorization_details) or a person token.",
    );
  }
  if (error.status === 401) {
    return new AccessApiError(
      error,
      'token-rejected',
      'Access Management accepts only Altinn tokens: exchange the Maskinporten token at /authentication/api/v1/exchange/maskinporten, and check that it has not expired.',
    );
  }
  if (error.status === 403) {
    return new AccessApiError(
      error,
      'missing-scope',
      'The token lacks the scope altinn:accessmanagement/authorizedparties.',
    );
  }
  if (error.status === 400)
    return new AccessApiError(error, 'invalid-request', 'Access Management rejected the query parameters.');
  return new AccessApiError(error, 'other', `Access Management answered ${error.status}.`);
}
