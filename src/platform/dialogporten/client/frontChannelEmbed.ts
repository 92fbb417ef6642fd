import {
  CancelledError,
  InvalidInputError,
  NetworkError,
  PlatformError,
  ResponseFormatError,
  TimeoutError,
  type RequestDescription,
} from '../../errors';
import { apiErrorFromResponse, readAtMost, redactUrl, type HttpClient } from '../../http';
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
  /**
   * The media type the dialog declares for this embed (`…frontchannelembed-url;type=text/markdown`). When it names
   * markdown or html, the body is read as that whatever the response's Content-Type says; otherwise the
   * Content-Type decides.
   */
  readonly declaredMediaType?: string;
  /** Sent as `Accept-Language` (see acceptLanguageFor). */
  readonly acceptLanguage?: string;
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
 * redirects are followed here (HttpClient never follows them), but the token is not sent on to another origin or from
 * https down to http. Each hop is one request in `http`'s log.
 */
export async function fetchFrontChannelEmbed(
  http: HttpClient,
  url: string,
  dialogToken: string,
  options: FrontChannelEmbedOptions = {},
): Promise<FrontChannelEmbed> {
  const maxBytes = options.maxBytes ?? FCE_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? FCE_TIMEOUT_MS;
  // One deadline for all hops and their bodies, so it is kept here rather than per request.
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
      const headers: Record<string, string> = {
        accept: 'text/markdown, text/html;q=0.9, text/plain;q=0.5, application/problem+json;q=0.1',
      };
      if (options.acceptLanguage) headers['accept-language'] = options.acceptLanguage;
      if (current.origin === origin) headers.authorization = `Bearer ${dialogToken}`;
      const response = await http.stream({
        method: 'GET',
        url: current.toString(),
        headers,
        signal: controller.signal,
        headersTimeoutMs: timeoutMs,
      });
      const { status, headers: responseHeaders } = response;
      if (status >= 300 && status < 400 && responseHeaders.location) {
        await readAtMost(response.body, maxBytes); // read and dropped, so the connection can be reused
        if (redirects >= FCE_MAX_REDIRECTS)
          throw new ResponseFormatError(description, status, undefined, `more than ${FCE_MAX_REDIRECTS} redirects`);
        const next = checkedUrl(new URL(responseHeaders.location, current).toString());
        if (current.protocol === 'https:' && next.protocol === 'http:')
          throw new ResponseFormatError(description, status, undefined, 'redirect from https to http refused');
        current = next;
        description = { method: 'GET', url: redactUrl(current.toString()) };
        continue;
      }
      const { bytes: body, overflowed } = await readAtMost(response.body, maxBytes);
      if (overflowed)
        throw new ResponseFormatError(
          description,
          status,
          undefined,
          `the embedded content is larger than ${Math.round(maxBytes / 1024)} KB`,
        );
      if (status < 200 || status > 299)
        throw apiErrorFromResponse({ status, headers: responseHeaders, body }, description);
      const finalUrl = current.toString();
      if (status === 204 || body.length === 0) return { kind: 'empty', finalUrl };
      const responseMediaType = (responseHeaders['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      const answered =
        responseMediaType === 'text/markdown'
          ? 'markdown'
          : responseMediaType === 'text/html'
            ? 'html'
            : responseMediaType === 'text/plain'
              ? 'plain'
              : undefined;
      // As in Arbeidsflate, the declared type decides; the answer's Content-Type only when nothing is declared.
      const format = declaredEmbedFormat(options.declaredMediaType) ?? answered;
      if (!format)
        throw new ResponseFormatError(
          description,
          status,
          responseHeaders['content-type'],
          'a front-channel embed must be text/markdown or text/html',
        );
      const text = body.toString('utf8').replace(/^\uFEFF/, '');
      return { kind: 'content', format, mediaType: `text/${format}`, responseMediaType, text, finalUrl };
    }
  } catch (error) {
    // The shared deadline ran out (http.stream() saw only its signal abort), or the caller cancelled while a body was read.
    if (timedOut && !options.signal?.aborted) throw new TimeoutError(description, timeoutMs);
    if (options.signal?.aborted) throw new CancelledError(description);
    if (error instanceof PlatformError) throw error;
    // The body broke off after the headers came.
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
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InvalidInputError('url', `Front-channel embeds are fetched over http(s) only, not ${url.protocol}`);
  return url;
}
