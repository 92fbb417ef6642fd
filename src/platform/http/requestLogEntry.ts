import type { CancelledError, NetworkError, RequestDescription, ResponseFormatError, TimeoutError } from '../errors';
import type { RequestLogEntry } from './requestLog';
import { redactHeaders, redactUrl } from './redaction';

/** How one attempt of a request ended: an answer, or the error it failed with (and whether trying again may help). */
export type AttemptOutcome =
  | { kind: 'response'; status: number; headers: Record<string, string>; body: Buffer }
  | { kind: 'failure'; error: NetworkError | TimeoutError | CancelledError | ResponseFormatError; retryable: boolean };

/** The request log's entry for a request, its headers and body sizes, redacted. */
export function logEntry(
  request: { readonly body?: string | Uint8Array },
  headers: Record<string, string>,
  description: RequestDescription,
  outcome: AttemptOutcome,
  retries: number,
  durationMs: number,
): RequestLogEntry {
  return {
    method: description.method,
    url: description.url,
    status: outcome.kind === 'response' ? outcome.status : undefined,
    durationMs,
    requestBytes:
      request.body === undefined
        ? 0
        : typeof request.body === 'string'
          ? Buffer.byteLength(request.body)
          : request.body.byteLength,
    responseBytes: outcome.kind === 'response' ? outcome.body.length : 0,
    retries,
    requestHeaders: redactHeaders(headers),
    responseHeaders: outcome.kind === 'response' ? redactHeaders(outcome.headers) : {},
    error: outcome.kind === 'failure' ? outcome.error.kind : undefined,
    startedAt: new Date(Date.now() - durationMs).toISOString(),
  };
}

/** The method and the redacted URL that errors and the log name a request by. */
export function describe(request: { readonly method: string; readonly url: string }): RequestDescription {
  return { method: request.method.toUpperCase(), url: redactUrl(request.url) };
}
