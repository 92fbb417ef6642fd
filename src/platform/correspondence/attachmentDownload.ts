import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { loadUndici } from '../http/loadUndici';
import { CancelledError, NetworkError, TimeoutError, type RequestDescription } from '../errors';
import { apiErrorFromResponse, redactUrl } from '../http';

/** An attachment being downloaded: read `stream` (or destroy it to stop). */
export interface AttachmentDownload {
  readonly stream: Readable;
  readonly contentType?: string;
  /** From Content-Length, when the service sent it. */
  readonly size?: number;
  /** From Content-Disposition (`filename*` preferred). */
  readonly fileName?: string;
  /** `inline` or `attachment`, as the service marked it. */
  readonly disposition?: string;
}

const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * GETs a file without buffering it (HttpClient reads whole bodies, attachments may be up to 2 GB).
 * `headersTimeoutMs` bounds the wait for the answer to start; the body has no deadline, only `signal`.
 */
export async function openAttachmentStream(options: {
  url: string; token: string; signal?: AbortSignal; dispatcher?: Dispatcher; headersTimeoutMs: number; userAgent?: string;
}): Promise<AttachmentDownload> {
  const description: RequestDescription = { method: 'GET', url: redactUrl(options.url) };
  if (options.signal?.aborted) throw new CancelledError(description);
  let response: Dispatcher.ResponseData;
  try {
    response = await loadUndici().request(options.url, {
      method: 'GET',
      headers: { authorization: `Bearer ${options.token}`, accept: '*/*', 'user-agent': options.userAgent ?? 'altinn-inbox-inspector' },
      signal: options.signal,
      dispatcher: options.dispatcher,
      headersTimeout: options.headersTimeoutMs,
    });
  } catch (error) {
    if (options.signal?.aborted) throw new CancelledError(description);
    const code = (error as { code?: string }).code;
    if (code === 'UND_ERR_HEADERS_TIMEOUT') throw new TimeoutError(description, options.headersTimeoutMs);
    throw new NetworkError(description, code, (error as Error).message, { cause: error });
  }
  const headers = flatten(response.headers);
  if (response.statusCode < 200 || response.statusCode > 299) {
    const body = await readBounded(response.body);
    throw apiErrorFromResponse({ status: response.statusCode, headers, body }, description);
  }
  const length = Number(headers['content-length']);
  const disposition = headers['content-disposition'];
  return {
    stream: response.body,
    contentType: headers['content-type'],
    size: Number.isFinite(length) && headers['content-length'] !== undefined ? length : undefined,
    fileName: disposition ? fileNameFrom(disposition) : undefined,
    disposition: disposition?.split(';')[0].trim().toLowerCase(),
  };
}

/** RFC 6266: `filename*=UTF-8''…` wins over `filename=`. */
export function fileNameFrom(disposition: string): string | undefined {
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[2].trim());
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]+)/i.exec(disposition);
  if (!plain) return undefined;
  return plain[2] !== undefined ? plain[2].replace(/\\(.)/g, '$1') : plain[1].trim();
}

async function readBounded(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > MAX_ERROR_BODY_BYTES) {
      body.destroy();
      break;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
