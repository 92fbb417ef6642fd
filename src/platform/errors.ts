/**
 * Typed errors shared by every platform client. Messages are written for a person reading them in
 * VS Code; none of them ever contains a token, an assertion, a private key or a password.
 */
export abstract class PlatformError extends Error {
  abstract readonly kind: string;

  /** The class's name, spelled out: the bundle is minified without keeping names (it loads faster at activation). */
  abstract override readonly name: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** What a request was, in a form safe to show (query redacted). */
export interface RequestDescription {
  readonly method: string;
  readonly url: string;
}

/** A non-success HTTP answer from an Altinn API, with the ProblemDetails / Correspondence fields it carried. */
export class ApiError extends PlatformError {
  override readonly name: string = 'ApiError';
  readonly kind = 'api';
  readonly status: number;
  readonly title?: string;
  readonly detail?: string;
  readonly type?: string;
  /** ASP.NET validation errors: field → messages. */
  readonly fieldErrors: Readonly<Record<string, readonly string[]>>;
  /** Correspondence-style numeric error code (e.g. 1001, 4001). */
  readonly errorCode?: string | number;
  readonly traceId?: string;
  readonly requestId?: string;
  /** Seconds the server asked us to wait (429/503), when it said so. */
  readonly retryAfterSeconds?: number;
  readonly request: RequestDescription;

  constructor(init: {
    status: number;
    title?: string;
    detail?: string;
    type?: string;
    fieldErrors?: Record<string, readonly string[]>;
    errorCode?: string | number;
    traceId?: string;
    requestId?: string;
    retryAfterSeconds?: number;
    request: RequestDescription;
  }) {
    super(describeApiError(init));
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type;
    this.fieldErrors = init.fieldErrors ?? {};
    this.errorCode = init.errorCode;
    this.traceId = init.traceId;
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.request = init.request;
  }
}

const STATUS_HINTS: Record<number, string> = {
  400: 'the request was not accepted',
  401: 'the token is missing, expired or not accepted by this API',
  403: 'the token is valid but lacks a scope or the party/resource is not delegated to it',
  404: 'not found (or not visible to this token)',
  409: 'conflict with the current state',
  410: 'gone',
  412: 'the item changed since it was read (revision/ETag mismatch)',
  422: 'the request was understood but cannot be processed',
  429: 'too many requests; the service asked us to slow down',
  500: 'the service failed',
  502: 'a gateway in front of the service failed',
  503: 'the service is unavailable right now',
  504: 'a gateway timed out',
};

function describeApiError(init: {
  status: number;
  title?: string;
  detail?: string;
  fieldErrors?: Record<string, readonly string[]>;
  errorCode?: string | number;
  request: RequestDescription;
  traceId?: string;
}): string {
  const parts = [`${init.request.method} ${init.request.url} answered ${init.status}`];
  const what = init.title ?? STATUS_HINTS[init.status];
  if (what) parts[0] += `: ${what}`;
  if (init.detail && init.detail !== init.title) parts.push(init.detail);
  const fields = Object.entries(init.fieldErrors ?? {});
  if (fields.length) parts.push(fields.map(([field, messages]) => `${field}: ${messages.join(' ')}`).join('; '));
  if (init.errorCode !== undefined) parts.push(`error code ${init.errorCode}`);
  if (init.traceId) parts.push(`traceId ${init.traceId}`);
  return parts.join(' — ');
}

/** The server could not be reached or the connection broke (DNS, refused, reset, truncated body). */
export class NetworkError extends PlatformError {
  override readonly name: string = 'NetworkError';
  readonly kind = 'network';
  /** The service answered, but the connection broke before the whole body arrived. */
  readonly truncated: boolean;
  constructor(
    readonly request: RequestDescription,
    readonly code: string | undefined,
    reason: string,
    options?: { cause?: unknown; truncated?: boolean },
  ) {
    super(`${request.method} ${request.url} failed: ${reason}${code ? ` (${code})` : ''}`, options);
    this.truncated = options?.truncated ?? false;
  }
}

export class TimeoutError extends PlatformError {
  override readonly name: string = 'TimeoutError';
  readonly kind = 'timeout';
  constructor(
    readonly request: RequestDescription,
    readonly timeoutMs: number,
  ) {
    super(`${request.method} ${request.url} got no complete answer within ${timeoutMs} ms.`);
  }
}

export class CancelledError extends PlatformError {
  override readonly name: string = 'CancelledError';
  readonly kind = 'cancelled';
  constructor(readonly request: RequestDescription) {
    super(`${request.method} ${request.url} was cancelled.`);
  }
}

/** The body could not be read as the expected format: not JSON, wrong content type. */
export class ResponseFormatError extends PlatformError {
  override readonly name: string = 'ResponseFormatError';
  readonly kind = 'response-format';
  constructor(
    readonly request: RequestDescription,
    readonly status: number,
    readonly contentType: string | undefined,
    readonly reason: string,
  ) {
    super(`${request.method} ${request.url} (${status}) returned an unusable body: ${reason}`);
  }
}

/** The body was JSON but did not have the documented shape. */
export class ResponseShapeError extends PlatformError {
  override readonly name: string = 'ResponseShapeError';
  readonly kind = 'response-shape';
  constructor(
    /** Which payload, e.g. "Dialog" or "Maskinporten token response". */
    readonly payload: string,
    /** Which field, as a dotted path ("" for the root). */
    readonly field: string,
    /** Why it was rejected. */
    readonly reason: string,
    readonly request?: RequestDescription,
  ) {
    super(
      `${payload}${request ? ` from ${request.method} ${request.url}` : ''} has an unexpected shape at ${field || '(root)'}: ${reason}`,
    );
  }
}

/** A key or certificate that cannot be used for a Maskinporten grant; the message says what to do. */
export class KeyImportError extends PlatformError {
  override readonly name: string = 'KeyImportError';
  readonly kind = 'key-import';
  constructor(
    readonly reason:
      | 'unreadable'
      | 'truncated'
      | 'not-a-private-key'
      | 'missing-kid'
      | 'unsupported-key-type'
      | 'key-too-small'
      | 'wrong-password'
      | 'password-required'
      | 'certificate-without-key'
      | 'key-certificate-mismatch'
      | 'unsupported-algorithm',
    message: string,
  ) {
    super(message);
  }
}

/** Input the caller gave us that cannot be right (e.g. an organisation number with a wrong check digit). */
export class InvalidInputError extends PlatformError {
  override readonly name: string = 'InvalidInputError';
  readonly kind = 'invalid-input';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Maskinporten refused a grant; `explanation` says it in plain words with the likely cause. */
export class MaskinportenError extends PlatformError {
  override readonly name: string = 'MaskinportenError';
  readonly kind = 'maskinporten';
  constructor(
    readonly status: number,
    readonly error: string,
    readonly errorDescription: string | undefined,
    readonly mpCode: string | undefined,
    readonly explanation: { summary: string; likelyCause: string; fix: string },
  ) {
    super(
      `Maskinporten refused the token request (${status} ${error}${mpCode ? `, ${mpCode}` : ''}): ${explanation.summary} Likely cause: ${explanation.likelyCause} ${explanation.fix}`,
    );
  }
}

/** A pasted or cached token that cannot be used any more. */
export class TokenExpiredError extends PlatformError {
  override readonly name: string = 'TokenExpiredError';
  readonly kind = 'token-expired';
  constructor(
    readonly expiredAt: Date,
    source: string,
  ) {
    super(`The ${source} expired at ${expiredAt.toISOString()}; get or paste a new one.`);
  }
}
