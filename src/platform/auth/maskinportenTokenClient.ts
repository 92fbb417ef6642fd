import type { z } from 'zod';
import { MaskinportenError, ResponseShapeError } from '../errors';
import type { HttpClient } from '../http';
import { isJsonContentType, parseJsonBody, redactJwts } from '../http';
import { apiErrorFromResponse } from '../http/errorMapping';
import { lazySchema } from '../loadPayloadSchemas';
import type { tokenErrorBodySchema } from './authSchemas';
import { explainMaskinportenError } from './maskinportenErrorExplanations';

export const JWT_BEARER_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

const tokenResponseSchema = lazySchema((schemas) => schemas.tokenResponseSchema);
const errorBodySchema = lazySchema((schemas) => schemas.tokenErrorBodySchema);

export interface AccessToken {
  readonly accessToken: string;
  readonly tokenType: string;
  readonly expiresInSeconds: number;
  /** Scopes granted (space-separated in the response). */
  readonly scopes: readonly string[];
  readonly obtainedAtMs: number;
  readonly expiresAtMs: number;
}

/** POSTs a signed grant to the token endpoint; a refusal becomes a MaskinportenError with a plain-words explanation. */
export async function requestMaskinportenToken(
  http: HttpClient,
  options: { tokenEndpoint: string; assertion: string; signal?: AbortSignal; timeoutMs?: number },
): Promise<AccessToken> {
  const body = new URLSearchParams({ grant_type: JWT_BEARER_GRANT_TYPE, assertion: options.assertion }).toString();
  const obtainedAtMs = Date.now();
  const response = await http.send({
    method: 'POST',
    url: options.tokenEndpoint,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  if (response.status >= 200 && response.status < 300) {
    const parsed = parseJsonBody(response, { payload: 'Maskinporten token response', schema: tokenResponseSchema });
    if (parsed.token_type.toLowerCase() !== 'bearer') {
      throw new ResponseShapeError(
        'Maskinporten token response',
        'token_type',
        `expected "Bearer", got "${parsed.token_type}"`,
        response.request,
      );
    }
    return {
      accessToken: parsed.access_token,
      tokenType: parsed.token_type,
      expiresInSeconds: parsed.expires_in,
      scopes: (parsed.scope ?? '').split(' ').filter(Boolean),
      obtainedAtMs,
      expiresAtMs: obtainedAtMs + parsed.expires_in * 1000,
    };
  }
  const errorBody = readErrorBody(response);
  if (!errorBody) throw apiErrorFromResponse(response, response.request);
  const description = errorBody.error_description === undefined ? undefined : redactJwts(errorBody.error_description);
  const { mpCode, ...explanation } = explainMaskinportenError({
    status: response.status,
    error: errorBody.error,
    error_description: description,
  });
  throw new MaskinportenError(response.status, errorBody.error, description, mpCode, explanation);
}

function readErrorBody(response: {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: Buffer;
  request: { method: string; url: string };
}): z.infer<typeof tokenErrorBodySchema> | undefined {
  if (!isJsonContentType(response.headers['content-type'])) return undefined;
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(response.body.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
