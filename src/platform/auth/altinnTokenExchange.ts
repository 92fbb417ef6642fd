import { ResponseFormatError } from '../errors';
import type { HttpClient } from '../http';
import type { AccessToken } from './maskinportenTokenClient';
import { decodeJwtUnverified, isJwt } from './jwtDecode';

/**
 * Exchanges a Maskinporten token for an Altinn token (GET `<platform>/authentication/api/v1/exchange/maskinporten`).
 * The answer is a bare JWT, or a JSON string literal when the server honours `Accept: application/json`: both are accepted.
 */
export async function exchangeMaskinportenToken(
  http: HttpClient,
  options: {
    authenticationBase: string;
    maskinportenToken: string;
    test?: boolean;
    signal?: AbortSignal;
    timeoutMs?: number;
  },
): Promise<AccessToken> {
  const url = `${options.authenticationBase.replace(/\/+$/, '')}/exchange/maskinporten${options.test ? '?test=true' : ''}`;
  const obtainedAtMs = Date.now();
  const response = await http.request({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${options.maskinportenToken}`, accept: 'application/json, text/plain' },
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  const token = parseExchangeBody(response.text());
  if (!token) {
    throw new ResponseFormatError(
      response.request,
      response.status,
      response.headers['content-type'],
      'expected the Altinn token (a JWT, bare or as a JSON string) but got something else.',
    );
  }
  const exp = decodeJwtUnverified(token).claims.exp;
  const expiresAtMs = typeof exp === 'number' ? exp * 1000 : obtainedAtMs + 30 * 60_000;
  const scope = decodeJwtUnverified(token).claims.scope;
  return {
    accessToken: token,
    tokenType: 'Bearer',
    expiresInSeconds: Math.max(0, Math.round((expiresAtMs - obtainedAtMs) / 1000)),
    scopes: typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [],
    obtainedAtMs,
    expiresAtMs,
  };
}

/** Returns the JWT inside a bare or JSON-quoted body, or undefined. */
export function parseExchangeBody(body: string): string | undefined {
  let text = body.replace(/^\uFEFF/, '').trim();
  if (text.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'string') return undefined;
      text = parsed.trim();
    } catch {
      return undefined;
    }
  }
  return isJwt(text) ? text : undefined;
}
