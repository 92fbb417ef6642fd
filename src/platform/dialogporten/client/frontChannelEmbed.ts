import type { Dispatcher } from 'undici';
import { loadUndici } from '../../http/loadUndici';
import { ApiError, CancelledError, InvalidInputError, NetworkError, ResponseFormatError, TimeoutError, type RequestDescription } from '../../errors';
import { apiErrorFromResponse, redactHeaders, redactUrl, type RequestLogListener } from '../../http';
import { classifyMediaType, isFrontChannelEmbed } from '../../content/mediaType';

/** The FCE protocol's limits: at most 100 KB, 10 seconds, and a few redirects. */
export const FCE_MAX_BYTES = 100 * 1024;
export const FCE_TIMEOUT_MS = 10_000;
export const FCE_MAX_REDIRECTS = 10;

export type FrontChannelEmbed =
  | {
    readonly kind: 'content';
    readonly format: 'markdown' | 'html' | 'plain';
    /** What the text is rendered as: `text/markdown`, `text/html` or `text/plain`. */
    readonly mediaType: string;
    /** What the response's Content-Type said (without parameters); may differ from `mediaType`. */
    readonly responseMediaType: string;
    readonly text: string;
    readonly finalUrl: string;
  }
  /** 204 or an empty body: render nothing. */
  | { readonly kind: 'empty'; readonly finalUrl: string };

export interface FrontChannelEmbedOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly dispatcher?: Dispatcher;
  /**
   * The media type the dialog declares for this embed (`…frontchannelembed-url;type=text/markdown`). When it names
   * markdown or html, the body is read as that whatever the response's Content-Type says; otherwise the
   * Content-Type decides.
   */
  readonly declaredMediaType?: string;
  /** Sent as `Accept-Language` (see acceptLanguageFor). */
  readonly acceptLanguage?: string;
  /** Told about each request (one per redirect hop), as HttpClient's request log is. */
  readonly onRequest?: RequestLogListener;
}

/**
 * The format the dialog declares for an embed, if any. Arbeidsflate renders by this alone (dialogporten-frontend,
 * packages/frontend/src/components/MainContentReference/MainContentReference.tsx), which matters because Altinn
 * Correspondence serves markdown as `text/plain` (altinn-correspondence,
 * src/Altinn.Correspondence.API/Controllers/CorrespondenceController.cs, GetCorrespondenceContent).
 */
export function declaredEmbedFormat(mediaType: string | undefined): 'markdown' | 'html' | undefined {
  if (!mediaType || !isFrontChannelEmbed(mediaType)) return undefined;
  const format = classifyMediaType(mediaType);
  return format === 'markdown' || format === 'html' ? format : undefined;
}

/**
 * `Accept-Language` for embeds as Arbeidsflate builds it: the UI language first, then the other two of nb/nn/en
 * with falling q values (dialogporten-frontend, packages/frontend/src/i18n/acceptLanguage.ts).
 */
export function acceptLanguageFor(language: string): string {
  const order: Record<string, string[]> = { nb: ['nb', 'nn', 'en'], nn: ['nn', 'nb', 'en'], en: ['en', 'nb', 'nn'] };
  const primary = language.toLowerCase().split('-')[0];
  const languages = order[primary] ?? order.nb;
  return languages.map((code, index) => (index === 0 ? code : `${code};q=${(1 - index * 0.1).toFixed(1)}`)).join(', ');
}

/**
 * GETs a front-channel-embed URL with `Authorization: Bearer <dialog token>` as Arbeidsflate does. Only http(s);
 * redirects are followed, but the token is not sent on to another origin or from https down to http.
 */
export async function fetchFrontChannelEmbed(url: string, dialogToken: string, options: FrontChannelEmbedOptions = {}): Promise<FrontChannelEmbed> {
  const maxBytes = options.maxBytes ?? FCE_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? FCE_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let current = checkedUrl(url);
  const origin = current.origin;
  let description: RequestDescription = { method: 'GET', url: redactUrl(current.toString()) };
  try {
    for (let redirects = 0; ; redirects++) {
      if (options.signal?.aborted) throw new CancelledError(description);
      const headers: Record<string, string> = { accept: 'text/markdown, text/html;q=0.9, text/plain;q=0.5, application/problem+json;q=0.1' };
      if (options.acceptLanguage) headers['accept-language'] = options.acceptLanguage;
      if (current.origin === origin) headers.authorization = `Bearer ${dialogToken}`;
      const startedMs = Date.now();
      const response = await loadUndici().request(current, { method: 'GET', headers, signal: controller.signal, dispatcher: options.dispatcher });
      const status = response.statusCode;
      const responseHeaders = flatten(response.headers);
      options.onRequest?.({
        method: 'GET', url: description.url, status, durationMs: Date.now() - startedMs, requestBytes: 0,
        responseBytes: Number(responseHeaders['content-length'] ?? 0) || 0, retries: 0,
        requestHeaders: redactHeaders(headers), responseHeaders: redactHeaders(responseHeaders), startedAt: new Date(startedMs).toISOString(),
      });
      if (status >= 300 && status < 400 && responseHeaders.location) {
        await response.body.dump();
        if (redirects >= FCE_MAX_REDIRECTS) throw new ResponseFormatError(description, status, undefined, `more than ${FCE_MAX_REDIRECTS} redirects`);
        const next = checkedUrl(new URL(responseHeaders.location, current).toString());
        if (current.protocol === 'https:' && next.protocol === 'http:') throw new ResponseFormatError(description, status, undefined, 'redirect from https to http refused');
        current = next;
        description = { method: 'GET', url: redactUrl(current.toString()) };
        continue;
      }
      const body = await readLimited(response.body, maxBytes, description, status);
      if (status < 200 || status > 299) throw apiErrorFromResponse({ status, headers: responseHeaders, body }, description);
      const finalUrl = current.toString();
      if (status === 204 || body.length === 0) return { kind: 'empty', finalUrl };
      const responseMediaType = (responseHeaders['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      const answered = responseMediaType === 'text/markdown' ? 'markdown' : responseMediaType === 'text/html' ? 'html' : responseMediaType === 'text/plain' ? 'plain' : undefined;
      // As in Arbeidsflate, the declared type decides; the answer's Content-Type only when nothing is declared.
      const format = declaredEmbedFormat(options.declaredMediaType) ?? answered;
      if (!format) throw new ResponseFormatError(description, status, responseHeaders['content-type'], 'a front-channel embed must be text/markdown or text/html');
      const text = body.toString('utf8').replace(/^\uFEFF/, '');
      return { kind: 'content', format, mediaType: `text/${format}`, responseMediaType, text, finalUrl };
    }
  } catch (error) {
    if (error instanceof ResponseFormatError || error instanceof CancelledError || error instanceof ApiError || error instanceof InvalidInputError) throw error;
    if (options.signal?.aborted) throw new CancelledError(description);
    if (timedOut) throw new TimeoutError(description, timeoutMs);
    throw new NetworkError(description, (error as { code?: string }).code, (error as Error).message, { cause: error });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

function checkedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidInputError('url', `"${raw}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InvalidInputError('url', `Front-channel embeds are fetched over http(s) only, not ${url.protocol}`);
  return url;
}

async function readLimited(body: Dispatcher.ResponseData['body'], maxBytes: number, request: RequestDescription, status: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      body.destroy();
      throw new ResponseFormatError(request, status, undefined, `the embedded content is larger than ${Math.round(maxBytes / 1024)} KB`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}
