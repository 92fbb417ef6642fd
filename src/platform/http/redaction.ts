/** Query parameters that carry credentials; their values never reach a log. */
const SECRET_QUERY_PARAMS = new Set([
  'access_token',
  'id_token',
  'refresh_token',
  'token',
  'assertion',
  'code',
  'client_secret',
  'password',
  'sig',
  'signature',
  'key',
  'apikey',
  'api_key',
  'subscription-key',
  'code_verifier',
]);

/** Paging cursors are called "token" but are not credentials; keeping them makes logs useful. */
const NON_SECRET_TOKEN_PARAMS = new Set(['continuationtoken']);

const SECRET_HEADERS = new Set([
  'cookie',
  'set-cookie',
  'proxy-authorization',
  'ocp-apim-subscription-key',
  'x-api-key',
  'digdir-dialog-token',
]);

export const REDACTED = '<redacted>';

/**
 * The one JWT shape every redaction uses (the request log, error texts, copy-as-curl, raw JSON views, messages shown
 * to the user): a base64url header starting `{"` (`eyJ`), a payload, and a signature that may be empty.
 */
const JWT_SOURCE = 'eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*';
const JWT_LIKE = new RegExp(JWT_SOURCE, 'g');
const JWT_ONLY = new RegExp(`^${JWT_SOURCE}$`);

/** Secrets other than JWTs that may turn up in free text: PEM private keys and a JWK's private exponent. */
const OTHER_SECRETS: readonly RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  /"d"\s*:\s*"[\w-]+"/g,
];

/** The whole value (surrounding spaces aside) is JWT-shaped. */
export function looksLikeJwt(value: string): boolean {
  return JWT_ONLY.test(value.trim());
}

/** Replaces anything JWT-shaped inside free text (error descriptions, bodies shown to the user), by `replacement`. */
export function redactJwts(text: string, replacement: string = REDACTED): string {
  return text.replace(JWT_LIKE, () => replacement);
}

/** Replaces JWTs, private keys and JWK private exponents in a message shown to the user or written to the log. */
export function redactSecrets(text: string): string {
  return OTHER_SECRETS.reduce((masked, pattern) => masked.replace(pattern, REDACTED), redactJwts(text));
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
  const query = redacted
    .map(([n, v]) => `${encodeURIComponent(n)}=${v === REDACTED ? v : encodeURIComponent(v)}`)
    .join('&');
  return `${parsed.toString()}?${query}`;
}

function isSecretParam(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (NON_SECRET_TOKEN_PARAMS.has(lower)) return looksLikeJwt(value);
  return SECRET_QUERY_PARAMS.has(lower) || /(^|[_-])(token|secret|password)$/.test(lower) || looksLikeJwt(value);
}

/** Authorization keeps its scheme ("Bearer <redacted>") so a reader still sees which kind of credential was sent. */
export function redactHeaders(
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
): Record<string, string> {
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
