import { readAtMost, redactJwts, type HttpClient } from '../../http';

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

/** Opens the HTTP stream; tests may script one. */
export type StreamConnector = (request: StreamRequest) => Promise<StreamResponse>;

/** The event stream over the extension's HttpClient (its connections, user agent and request log). */
export function httpStreamConnector(http: HttpClient): StreamConnector {
  return (request) =>
    http.stream({
      ...request,
      headersTimeoutMs: 30_000,
      // The subscription's idle watchdog decides when a quiet stream is dead.
      bodyTimeoutMs: 0,
    });
}

/** What an error answer says (GraphQL errors or ProblemDetails), tokens masked, kept short. */
export async function readError(body: AsyncIterable<Uint8Array>): Promise<string> {
  const { bytes } = await readAtMost(body, 8_192);
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as {
      errors?: { message?: string }[];
      title?: string;
      detail?: string;
    };
    const message =
      parsed.errors
        ?.map((e) => e.message)
        .filter(Boolean)
        .join('; ') ||
      parsed.detail ||
      parsed.title;
    if (message) return redactJwts(message).slice(0, 300);
  } catch {
    // not JSON
  }
  return '';
}

/** Reads and drops up to 64 KB of a body that is not the stream (so the connection can be reused). */
export async function drain(body: AsyncIterable<Uint8Array>): Promise<void> {
  await readAtMost(body, 65_536);
}
