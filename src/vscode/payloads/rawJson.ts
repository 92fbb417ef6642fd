import { looksLikeJwt, redactUrl } from '../../platform/http';
import type { RecordedExchange } from '../shared/exchangeRecorder';

/** A path into a JSON response: property names and array indexes (`['items', 3]`). Empty = the whole body. */
export type JsonPointer = readonly (string | number)[];

/** Where a tree node's data came from: an exchange and the node's place in its response. */
export interface RawRef {
  readonly exchangeId: string;
  readonly pointer: JsonPointer;
}

export const REDACTED_JWT = '<redacted JWT: a bearer token; use "Copy as curl (with token)" if you need one>';

export function parseBody(exchange: Pick<RecordedExchange, 'responseBody'>): unknown {
  const text = exchange.responseBody?.toString('utf8').replace(/^\uFEFF/, '');
  if (text === undefined || text.trim() === '') return undefined;
  return JSON.parse(text);
}

/** The value at `pointer`, or undefined when the path does not exist. */
export function selectJson(value: unknown, pointer: JsonPointer): unknown {
  let current = value;
  for (const key of pointer) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/**
 * JWT-shaped strings (Dialogporten's `dialogToken`) are bearer credentials: they are replaced in every raw view.
 * Everything else is kept exactly as the API sent it (no schema transformation, unknown fields included).
 */
export function redactJsonTokens(value: unknown): unknown {
  if (typeof value === 'string') return looksLikeJwt(value) ? REDACTED_JWT : value;
  if (Array.isArray(value)) return value.map(redactJsonTokens);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactJsonTokens(v)]));
  return value;
}

/** The node's JSON as the editor shows it: the exact values, two-space indented, tokens redacted. */
export function rawJsonText(exchange: Pick<RecordedExchange, 'responseBody'>, pointer: JsonPointer): string {
  let body: unknown;
  try {
    body = parseBody(exchange);
  } catch {
    // Not JSON (an HTML error page, a truncated body): show it as text rather than nothing.
    return exchange.responseBody?.toString('utf8') ?? '';
  }
  const selected = selectJson(body, pointer);
  return `${JSON.stringify(redactJsonTokens(selected === undefined ? null : selected), null, 2)}\n`;
}

/** "Show request": what was sent and what came back, with credentials redacted. */
export function requestText(exchange: RecordedExchange): string {
  const lines = [`${exchange.method} ${redactUrl(exchange.url)}`];
  for (const [name, value] of Object.entries(exchange.requestHeaders)) lines.push(`${name}: ${value}`);
  if (exchange.requestBody) lines.push('', exchange.requestBody);
  lines.push('', '###', '');
  if (exchange.status === undefined) {
    lines.push(
      `No answer: ${exchange.error ?? 'failed'} after ${exchange.durationMs} ms (started ${exchange.startedAt})`,
    );
  } else {
    lines.push(
      `HTTP ${exchange.status} · ${exchange.durationMs} ms · ${exchange.responseBody?.length ?? 0} bytes · started ${exchange.startedAt}`,
    );
    for (const [name, value] of Object.entries(exchange.responseHeaders)) lines.push(`${name}: ${value}`);
  }
  if (exchange.profileId)
    lines.push(
      '',
      `# Token: ${exchange.audience ?? 'maskinporten'} token of connection profile ${exchange.profileId} (never stored here)`,
    );
  return `${lines.join('\n')}\n`;
}
