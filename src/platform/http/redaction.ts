/** Query parameters that carry credentials; their values never reach a log. */
const SECRET_QUERY_PARAMS = new Set([
  'access_token', 'id_token', 'refresh_token', 'token', 'assertion', 'code', 'client_secret', 'password',
  'sig', 'signature', 'key', 'apikey', 'api_key', 'subscription-key', 'code_verifier',
]);

/** Paging cursors are called "token" but are not credentials; keeping them makes logs useful. */
const NON_SECRET_TOKEN_PARAMS = new Set(['continuationtoken']);

const SECRET_HEADERS = new Set(['cookie', 'set-cookie', 'proxy-authorization', 'ocp-apim-subscription-key', 'x-api-key', 'digdir-dialog-token']);

export const REDACTED = '<redacted>';

const JWT_LIKE = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

export function looksLikeJwt(value: string): boolean {
  return /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(value.trim());
}

/** Replaces anything JWT-shaped inside free text (error descriptions, bodies shown to the user). */
export function redactJwts(text: string): string {
  return text.replace(JWT_LIKE, REDACTED);
}

/** Keeps the query (useful when debugging filters) but blanks credential-like parameters and JWT-shaped values. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactJwts(url);
  }
  if (parsed.username || parsed.password) {
    parsed.username = parsed.username ? REDACTED : '';
    parsed.password = parsed.password ? REDACTED : '';
  }
  const entries = [...parsed.searchParams.entries()];
  if (entries.length === 0) return parsed.toString();
  const redacted = entries.map(([name, value]) => [name, isSecretParam(name, value) ? REDACTED : value] as const);
  parsed.search = '';
  const query = redacted.map(([n, v]) => `${encodeURIComponent(n)}=${v === REDACTED ? v : encodeURIComponent(v)}`).join('&');
  return `${parsed.toString()}?${query}`;
}

function isSecretParam(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (NON_SECRET_TOKEN_PARAMS.has(lower)) return looksLikeJwt(value);
  return SECRET_QUERY_PARAMS.has(lower) || /(^|[_-])(token|secret|password)$/.test(lower) || looksLikeJwt(value);
}

/** Authorization keeps its scheme ("Bearer <redacted>") so a reader still sees which kind of credential was sent. */
export function redactHeaders(headers: Readonly<Record<string, string | readonly string[] | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(', ') : String(raw);
    const lower = name.toLowerCase();
    if (lower === 'authorization') {
      const scheme = /^(\S+)\s/.exec(value)?.[1];
      out[name] = scheme ? `${scheme} ${REDACTED}` : REDACTED;
    } else if (SECRET_HEADERS.has(lower)) {
      out[name] = REDACTED;
    } else {
      out[name] = redactJwts(value);
    }
  }
  return out;
}
