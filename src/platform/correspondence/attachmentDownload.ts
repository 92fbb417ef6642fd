import type { Readable } from 'node:stream';
import { apiErrorFromResponse, readAtMost, type HttpClient } from '../http';

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
 * GETs a file without buffering it (send() reads whole bodies, attachments may be up to 2 GB).
 * `headersTimeoutMs` bounds the wait for the answer to start; the body has no deadline, only `signal`.
 */
export async function openAttachmentStream(options: {
  http: HttpClient;
  url: string;
  token: string;
  signal?: AbortSignal;
  headersTimeoutMs: number;
}): Promise<AttachmentDownload> {
  const response = await options.http.stream({
    method: 'GET',
    url: options.url,
    headers: { authorization: `Bearer ${options.token}`, accept: '*/*' },
    signal: options.signal,
    headersTimeoutMs: options.headersTimeoutMs,
  });
  const { headers } = response;
  if (response.status < 200 || response.status > 299) {
    const { bytes } = await readAtMost(response.body, MAX_ERROR_BODY_BYTES);
    throw apiErrorFromResponse({ status: response.status, headers, body: bytes }, response.request);
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
