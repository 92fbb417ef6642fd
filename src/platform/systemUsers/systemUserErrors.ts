import { ApiError } from '../errors';
import { apiErrorFromResponse, parseObject, redactJwts } from '../http';
import type { HttpResponse } from '../http';
import type { SystemUserScope } from '../scopes/systemUserCalls';
import { explainAuthCode } from './authCodes';

/** One entry of a validation answer (`STD-00000`): `{"code":"AUTH.VLD-00001","title":"…","paths":["/…"]}`. */
export interface AuthValidationError {
  readonly code: string;
  readonly title?: string;
  readonly paths: readonly string[];
  /** The plain-words sentence for `code`, when known. */
  readonly explanation?: string;
}

export type SystemUserErrorReason =
  | 'problem'
  | 'validation'
  | 'missing-scope'
  | 'token-rejected'
  | 'not-found'
  | 'invalid-request'
  | 'conflict'
  | 'other';

/**
 * An answer of Altinn Authentication's vendor APIs in one of its three shapes (Problem with an AUTH code, validation
 * STD-00000 with AUTH.VLD codes, or a plain ASP.NET text/empty body), with what it means in plain words.
 */
export class SystemUserApiError extends ApiError {
  override readonly name: string = 'SystemUserApiError';
  constructor(
    source: ApiError,
    readonly reason: SystemUserErrorReason,
    readonly explanation: string,
    /** `AUTH-xxxxx` of a Problem answer, or `STD-00000` of a validation answer. */
    readonly authCode: string | undefined,
    readonly validationErrors: readonly AuthValidationError[],
    /** The scope the failed call needs (so a 403 can say which one is missing). */
    readonly requiredScope: SystemUserScope,
  ) {
    super({
      status: source.status,
      title: source.title,
      detail: source.detail,
      type: source.type,
      fieldErrors: { ...source.fieldErrors },
      errorCode: authCode,
      traceId: source.traceId,
      requestId: source.requestId,
      retryAfterSeconds: source.retryAfterSeconds,
      request: source.request,
    });
    this.message = `${explanation} (${source.message})`;
  }
}

/** Builds the error for a non-2xx answer of a call that needs `scope`. */
export function systemUserErrorFromResponse(response: HttpResponse, scope: SystemUserScope): SystemUserApiError {
  const base = apiErrorFromResponse(response, response.request);
  const body = parseObject(response.text());
  const code = typeof body?.code === 'string' ? body.code : undefined;
  if (code === 'STD-00000' || Array.isArray(body?.validationErrors)) {
    const errors = validationErrorsOf(body?.validationErrors);
    const sentences = errors.map((e) => e.explanation ?? e.title ?? e.code);
    const explanation = `Altinn refused the input: ${sentences.join(' ') || 'one or more validation errors occurred.'}`;
    return new SystemUserApiError(base, 'validation', explanation, code ?? 'STD-00000', errors, scope);
  }
  if (code) {
    const explanation = explainAuthCode(code) ?? `Altinn answered ${code}: ${base.title ?? 'no title'}.`;
    return new SystemUserApiError(base, 'problem', explanation, code, [], scope);
  }
  return new SystemUserApiError(base, ...plainReason(base, scope), undefined, [], scope);
}

function plainReason(error: ApiError, scope: SystemUserScope): [SystemUserErrorReason, string] {
  switch (error.status) {
    case 401:
      return [
        'token-rejected',
        "The token was not accepted: it is missing, expired, from another environment, or (for a change request) the system user belongs to another vendor's system.",
      ];
    case 403:
      return [
        'missing-scope',
        `The token lacks the scope ${scope}, or the system belongs to another vendor than the organisation in the token.`,
      ];
    case 404:
      return ['not-found', 'Not found: check the id (a system whose vendor is not in your token is not found either).'];
    case 409:
      return [
        'conflict',
        'Altinn refused the change because it conflicts with what is stored; read it again and retry.',
      ];
    case 400:
      return ['invalid-request', `Altinn refused the request${error.detail ? `: ${error.detail}` : '.'}`];
    default:
      return ['other', `Altinn Authentication answered ${error.status}.`];
  }
}

function validationErrorsOf(value: unknown): AuthValidationError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): AuthValidationError[] => {
    if (!item || typeof item !== 'object') return [];
    const record = item as Record<string, unknown>;
    const code = typeof record.code === 'string' ? record.code : '';
    const paths = Array.isArray(record.paths) ? record.paths.filter((p): p is string => typeof p === 'string') : [];
    const title = typeof record.title === 'string' ? redactJwts(record.title) : undefined;
    return [{ code, title, paths, explanation: explainAuthCode(code) }];
  });
}
