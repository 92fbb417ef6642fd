import { ApiError } from '../errors';

/** Why a Correspondence call was refused, named from the service's `errorCode` (or the auth layer's answer). */
export type CorrespondenceErrorReason =
  | 'not-found'
  | 'attachment-not-found'
  | 'already-purged'
  | 'read-before-fetched'
  | 'confirm-before-fetched'
  | 'purge-before-confirmed'
  | 'invalid-date-range'
  | 'already-read'
  | 'already-confirmed'
  | 'no-access-to-resource'
  | 'party-lookup-failed'
  | 'caller-unknown'
  | 'maskinporten-token-not-accepted'
  | 'missing-scope'
  | 'token-rejected'
  | 'invalid-request'
  | 'other';

const BY_CODE: Record<number, { reason: CorrespondenceErrorReason; explanation: string }> = {
  1001: {
    reason: 'not-found',
    explanation:
      'The correspondence does not exist or is not visible to this token: it may not be published yet, be deleted (purged), or belong to another party.',
  },
  1014: { reason: 'already-purged', explanation: 'The correspondence has already been deleted (purged).' },
  1024: {
    reason: 'read-before-fetched',
    explanation:
      'Altinn only accepts "mark as read" after the recipient has fetched the correspondence: open it (overview or details) first.',
  },
  1025: {
    reason: 'confirm-before-fetched',
    explanation:
      'Altinn only accepts a confirmation after the recipient has fetched the correspondence: open it (overview or details) first.',
  },
  1026: {
    reason: 'purge-before-confirmed',
    explanation: 'This correspondence must be confirmed before it can be deleted.',
  },
  1027: { reason: 'invalid-date-range', explanation: 'The "from" date is after the "to" date.' },
  1040: { reason: 'already-read', explanation: 'The correspondence is already marked as read.' },
  1041: { reason: 'already-confirmed', explanation: 'The correspondence has already been confirmed.' },
  2001: { reason: 'attachment-not-found', explanation: 'The attachment does not exist on this correspondence.' },
  4001: {
    reason: 'no-access-to-resource',
    explanation:
      'The token is valid, but Altinn Authorization gives it no access to this resource for this party. A system user needs the resource (or an access package containing it) delegated by the customer; a person needs a role or delegation for the party. Altinn answers 401 here although the token itself is fine.',
  },
  4002: { reason: 'party-lookup-failed', explanation: 'Altinn could not look the party up in its register.' },
  4006: {
    reason: 'caller-unknown',
    explanation:
      'Altinn could not tell which party is calling: give onBehalfOf, or use a token for a system user, organisation or person.',
  },
};

/** An ApiError from Correspondence with the service's error code turned into a reason and a plain-words explanation. */
export class CorrespondenceApiError extends ApiError {
  override readonly name: string = 'CorrespondenceApiError';
  readonly reason: CorrespondenceErrorReason;
  readonly explanation: string;

  constructor(source: ApiError, reason: CorrespondenceErrorReason, explanation: string) {
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
    this.reason = reason;
    this.explanation = explanation;
    this.message = `${explanation} (${source.message})`;
  }
}

/** Maps any ApiError from the Correspondence API; other errors pass through unchanged. */
export function toCorrespondenceError(error: unknown): unknown {
  if (!(error instanceof ApiError) || error instanceof CorrespondenceApiError) return error;
  const code = typeof error.errorCode === 'string' ? Number(error.errorCode) : error.errorCode;
  const known = code === undefined ? undefined : BY_CODE[code];
  if (known) return new CorrespondenceApiError(error, known.reason, known.explanation);
  if (error.status === 403 && /IDX10205|Maskinporten token/i.test(`${error.title ?? ''} ${error.detail ?? ''}`)) {
    return new CorrespondenceApiError(
      error,
      'maskinporten-token-not-accepted',
      'Mark as read and confirm accept only Altinn tokens: exchange the Maskinporten token at /authentication/api/v1/exchange/maskinporten first.',
    );
  }
  if (error.status === 403) {
    return new CorrespondenceApiError(
      error,
      'missing-scope',
      'The token lacks the scope altinn:correspondence.read (order it from Altinn and add it to the Maskinporten client).',
    );
  }
  if (error.status === 401) {
    return new CorrespondenceApiError(
      error,
      'token-rejected',
      'The token is missing, expired or not issued for this environment.',
    );
  }
  if (error.status === 400 && Object.keys(error.fieldErrors).length > 0) {
    return new CorrespondenceApiError(error, 'invalid-request', 'Altinn rejected the request parameters.');
  }
  return new CorrespondenceApiError(error, 'other', `Correspondence answered ${error.status}.`);
}
