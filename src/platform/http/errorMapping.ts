import { ApiError, type RequestDescription } from '../errors';
import { redactJwts } from './redaction';
import { parseRetryAfter } from './retryPolicy';

export interface ErrorResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

const MAX_DETAIL_CHARS = 500;

/**
 * Builds an ApiError from a non-success answer: RFC 9457 ProblemDetails (ASP.NET flavour with `errors` map and `traceId`),
 * Correspondence's `errorCode` extension, or any other body (its first characters become the detail).
 */
export function apiErrorFromResponse(response: ErrorResponse, request: RequestDescription): ApiError {
  const text = response.body.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = parseObject(text);
  const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
  const base = {
    status: response.status,
    request,
    requestId:
      response.headers['x-request-id'] ?? response.headers['request-id'] ?? response.headers['x-correlation-id'],
    retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
  };
  if (!parsed) {
    const detail = text.trim() && !/^\s*</.test(text) ? redactJwts(text.trim()).slice(0, MAX_DETAIL_CHARS) : undefined;
    const wwwAuthenticate = response.headers['www-authenticate'];
    return new ApiError({ ...base, detail: detail ?? describeWwwAuthenticate(wwwAuthenticate) });
  }
  return new ApiError({
    ...base,
    title: stringField(parsed.title) ?? stringField(parsed.error),
    detail: clip(stringField(parsed.detail) ?? stringField(parsed.error_description) ?? stringField(parsed.message)),
    type: stringField(parsed.type),
    fieldErrors: fieldErrors(parsed.errors),
    errorCode:
      typeof parsed.errorCode === 'number' || typeof parsed.errorCode === 'string' ? parsed.errorCode : undefined,
    traceId: stringField(parsed.traceId) ?? stringField(parsed.traceID),
  });
}

/** The body as a JSON object, or undefined when it is not one. */
export function parseObject(text: string): Record<string, unknown> | undefined {
  if (!/^\s*\{/.test(text)) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? redactJwts(value) : undefined;
}

function clip(value: string | undefined): string | undefined {
  return value && value.length > MAX_DETAIL_CHARS ? `${value.slice(0, MAX_DETAIL_CHARS)}…` : value;
}

/** `errors` is a map field → messages in ASP.NET; tolerate a single string per field and an array of {field, message}. */
function fieldErrors(value: unknown): Record<string, string[]> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const out: Record<string, string[]> = {};
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item && typeof item === 'object') {
        const record = item as Record<string, unknown>;
        const field = stringField(record.field) ?? stringField(record.propertyName) ?? '';
        const message = stringField(record.message) ?? stringField(record.errorMessage) ?? JSON.stringify(item);
        (out[field] ??= []).push(message);
      } else if (typeof item === 'string') {
        (out[''] ??= []).push(redactJwts(item));
      }
    }
    return out;
  }
  for (const [field, messages] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(messages)) out[field] = messages.map((m) => redactJwts(String(m)));
    else if (typeof messages === 'string') out[field] = [redactJwts(messages)];
  }
  return out;
}

function describeWwwAuthenticate(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const description = /error_description="([^"]*)"/.exec(header)?.[1];
  const error = /error="([^"]*)"/.exec(header)?.[1];
  if (!error && !description) return undefined;
  return [error, description].filter(Boolean).join(': ');
}
