import { redactJwts, redactUrl, REDACTED } from './redaction';

export interface CurlOptions {
  /** Off by default: the command is often pasted into chats and tickets. */
  readonly includeToken?: boolean;
}

const TOKEN_HEADERS = new Set(['authorization', 'digdir-dialog-token', 'cookie', 'ocp-apim-subscription-key']);

/** A curl command that repeats the request; the token is replaced by a $TOKEN placeholder unless asked for. */
export function toCurl(
  request: { method: string; url: string; headers?: Readonly<Record<string, string>>; body?: string | Uint8Array },
  options: CurlOptions = {},
): string {
  const includeToken = options.includeToken === true;
  const parts = ['curl'];
  const method = request.method.toUpperCase();
  if (method !== 'GET') parts.push('-X', method);
  parts.push(quote(includeToken ? request.url : redactUrl(request.url).replaceAll(REDACTED, '$TOKEN')));
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'user-agent' || lower === 'content-length') continue;
    let shown = value;
    if (!includeToken && TOKEN_HEADERS.has(lower)) {
      const scheme = lower === 'authorization' ? /^(\S+)\s/.exec(value)?.[1] : undefined;
      shown = scheme ? `${scheme} $TOKEN` : '$TOKEN';
      parts.push('-H', `"${name}: ${shown}"`);
      continue;
    }
    parts.push('-H', quote(`${name}: ${shown}`));
  }
  if (request.body !== undefined) {
    const text = typeof request.body === 'string' ? request.body : Buffer.from(request.body).toString('utf8');
    parts.push('--data-raw', quote(includeToken ? text : redactFormSecrets(text)));
  }
  return parts.join(' ');
}

/** A Maskinporten grant body carries the signed assertion; hide it the same way as a token. */
function redactFormSecrets(body: string): string {
  const withoutFormSecrets = body.replace(
    /(^|&)(assertion|client_secret|access_token|refresh_token)=[^&]*/g,
    '$1$2=$TOKEN',
  );
  return redactJwts(withoutFormSecrets, '$TOKEN');
}

/** POSIX shell single quotes. */
function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
