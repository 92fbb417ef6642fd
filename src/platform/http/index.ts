export { HttpClient, DEFAULT_TIMEOUT_MS } from './httpClient';
export type {
  HttpRequest,
  HttpResponse,
  HttpStreamRequest,
  HttpStreamResponse,
  HttpClientOptions,
} from './httpMessages';
export type { HttpExchange, ExchangeListener } from './exchange';
export type { RequestLogEntry, RequestLogListener } from './requestLog';
export { toCurl } from './curl';
export type { CurlOptions } from './curl';
export { parseJsonBody, isJsonContentType } from './jsonBody';
export type { Schema } from './jsonBody';
export { readAtMost } from './readAtMost';
export { redactUrl, redactHeaders, redactJwts, redactSecrets, looksLikeJwt, REDACTED } from './redaction';
export { DEFAULT_RETRY, isIdempotentMethod, parseRetryAfter } from './retryPolicy';
export type { RetryOptions } from './retryPolicy';
export { sleep } from './sleep';
export { apiErrorFromResponse, parseObject } from './errorMapping';
