import type { Dispatcher } from 'undici';
import { loadUndici } from '../../http/loadUndici';
import { redactJwts } from '../../http/redaction';

/** The HTTP side of the event stream: opening it, and reading what a refusing or failing answer says. */

export interface StreamRequest {
  readonly url: string;
  readonly method: 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly signal: AbortSignal;
}

export interface StreamResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: AsyncIterable<Uint8Array>;
}

/** Opens the HTTP stream; replaceable in tests. */
export type StreamConnector = (request: StreamRequest) => Promise<StreamResponse>;

export const undiciStreamConnector: StreamConnector = async (request) => {
  const response = await loadUndici().request(request.url, {
    method: request.method as Dispatcher.HttpMethod,
    headers: { ...request.headers, 'user-agent': 'altinn-inbox-inspector' },
    body: request.body,
    signal: request.signal,
    // The subscription's idle watchdog decides when a quiet stream is dead.
    bodyTimeout: 0,
    headersTimeout: 30_000,
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { status: response.statusCode, headers, body: response.body };
};

/** Retry-After in seconds or as an HTTP date, in milliseconds from now. */
export function retryAfterMs(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** What an error answer says (GraphQL errors or ProblemDetails), tokens masked, kept short. */
export async function readError(body: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of body) {
    text += decoder.decode(chunk, { stream: true });
    if (text.length > 8_192) break;
  }
  try {
    const parsed = JSON.parse(text) as { errors?: { message?: string }[]; title?: string; detail?: string };
    const message = parsed.errors?.map((e) => e.message).filter(Boolean).join('; ') || parsed.detail || parsed.title;
    if (message) return redactJwts(message).slice(0, 300);
  } catch {
    // not JSON
  }
  return '';
}

/** Reads and drops up to 64 KB of a body that is not the stream (so the connection can be reused). */
export async function drain(body: AsyncIterable<Uint8Array>): Promise<void> {
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > 65_536) break;
  }
}
