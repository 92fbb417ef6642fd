import { createHash } from 'node:crypto';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError, CancelledError, InvalidInputError } from '../errors';
import type { HttpClient, Schema } from '../http';
import { lazySchema } from '../loadPayloadSchemas';
import { organizationUrn, personUrn, validateNationalIdentityNumber, validateOrganisationNumber } from '../identifiers';
import { openAttachmentStream, type AttachmentDownload } from './attachmentDownload';
import { toCorrespondenceError } from './correspondenceErrors';
import type {
  CorrespondenceDetails,
  CorrespondenceOverview,
  CorrespondenceRole,
  CorrespondenceStatus,
} from './schemas';
import { bareResourceId } from '../identifiers';

const correspondenceIdsSchema = lazySchema((schemas) => schemas.correspondenceIdsSchema);
const correspondenceOverviewSchema = lazySchema((schemas) => schemas.correspondenceOverviewSchema);
const correspondenceDetailsSchema = lazySchema((schemas) => schemas.correspondenceDetailsSchema);
const correspondenceIdResultSchema = lazySchema((schemas) => schemas.correspondenceIdResultSchema);

/** Returns an Altinn token carrying `altinn:correspondence.read`; `forceRefresh` after the API rejected the last one. */
export type CorrespondenceTokenProvider = (options?: {
  forceRefresh?: boolean;
  signal?: AbortSignal;
}) => Promise<string>;

export interface CorrespondenceClientOptions {
  /** E.g. `https://platform.tt02.altinn.no` or the sandbox's `platformBase`. */
  readonly platformBase: string;
  readonly getToken: CorrespondenceTokenProvider;
  readonly http: HttpClient;
  /** How long a download may take to start answering (default 30 s). */
  readonly downloadHeadersTimeoutMs?: number;
}

export interface ListCorrespondencesQuery {
  /** Bare (`skd-skattemelding`) or `urn:altinn:resource:…`; the API wants the bare id. */
  readonly resourceId: string;
  /** Default `Recipient`. */
  readonly role?: CorrespondenceRole;
  /** Matches the latest status event (Fetched included). */
  readonly status?: CorrespondenceStatus;
  /** Publish time after / before (exclusive). */
  readonly from?: Date | string;
  readonly to?: Date | string;
  /** The party to act for: organisation number, `0192:<orgno>`, national identity number, or a party URN. Default: the token's own party. */
  readonly onBehalfOf?: string;
  readonly sendersReference?: string;
  readonly idempotentKey?: string;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
}

export interface SavedAttachment {
  readonly bytes: number;
  /** Lower-case hex MD5 of what was written; compare with the attachment's `checksum`. */
  readonly md5: string;
  readonly contentType?: string;
  readonly fileName?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Altinn Correspondence, recipient side. Reading is not side-effect free in this API: `fetchOverview` and
 * `fetchDetails` record the status Fetched for the recipient (which `markAsRead` and `confirm` require), so they
 * are named for what they do. State changes are their own methods; there is no archive in the current API.
 */
export class CorrespondenceClient {
  private readonly base: string;

  constructor(private readonly options: CorrespondenceClientOptions) {
    this.base = `${options.platformBase.replace(/\/+$/, '')}/correspondence/api/v1/correspondence`;
  }

  /** GET /correspondence: ids only, newest publish time first, at most 1000 (the API has no paging). */
  async listIds(query: ListCorrespondencesQuery, options: CallOptions = {}): Promise<string[]> {
    const params = new URLSearchParams();
    const resourceId = bareResourceId(query.resourceId);
    if (!resourceId.trim())
      throw new InvalidInputError(
        'resourceId',
        'A resource id is required to list correspondences (Altinn checks access per resource).',
      );
    params.set('resourceId', resourceId);
    params.set('role', query.role ?? 'Recipient');
    if (query.status) params.set('status', query.status);
    if (query.from !== undefined) params.set('from', toIso(query.from, 'from'));
    if (query.to !== undefined) params.set('to', toIso(query.to, 'to'));
    if (query.onBehalfOf) params.set('onBehalfOf', onBehalfOfParameter(query.onBehalfOf));
    if (query.sendersReference) params.set('sendersReference', query.sendersReference);
    if (query.idempotentKey) params.set('idempotentKey', guid(query.idempotentKey, 'idempotentKey'));
    const result = await this.json(
      'GET',
      `${this.base}?${params}`,
      'Correspondence id list (CorrespondencesExt)',
      correspondenceIdsSchema,
      options,
    );
    return result.ids ?? [];
  }

  /** GET /correspondence/{id}. Records Fetched for the recipient, like opening it in the inbox. */
  async fetchOverview(correspondenceId: string, options: CallOptions = {}): Promise<CorrespondenceOverview> {
    return this.json(
      'GET',
      `${this.base}/${guid(correspondenceId, 'correspondenceId')}`,
      'Correspondence overview (CorrespondenceOverviewExt)',
      correspondenceOverviewSchema,
      options,
    );
  }

  /** GET /correspondence/{id}/details: overview plus status history and notification details. Records Fetched too. */
  async fetchDetails(correspondenceId: string, options: CallOptions = {}): Promise<CorrespondenceDetails> {
    return this.json(
      'GET',
      `${this.base}/${guid(correspondenceId, 'correspondenceId')}/details`,
      'Correspondence details (CorrespondenceDetailsExt)',
      correspondenceDetailsSchema,
      options,
    );
  }

  /** POST …/markasread. Needs a prior fetch (error 1024) and fails if already read (1040). */
  async markAsRead(correspondenceId: string, options: CallOptions = {}): Promise<void> {
    await this.json(
      'POST',
      `${this.base}/${guid(correspondenceId, 'correspondenceId')}/markasread`,
      'mark-as-read result',
      correspondenceIdResultSchema,
      options,
    );
  }

  /** POST …/confirm. Needs a prior fetch (1025) and fails if already confirmed (1041). */
  async confirm(correspondenceId: string, options: CallOptions = {}): Promise<void> {
    await this.json(
      'POST',
      `${this.base}/${guid(correspondenceId, 'correspondenceId')}/confirm`,
      'confirm result',
      correspondenceIdResultSchema,
      options,
    );
  }

  /** DELETE …/purge: the recipient deletes it for good. Refused while a required confirmation is missing (1026). */
  async purge(correspondenceId: string, options: CallOptions = {}): Promise<void> {
    await this.json(
      'DELETE',
      `${this.base}/${guid(correspondenceId, 'correspondenceId')}/purge`,
      'purge result',
      correspondenceIdResultSchema,
      options,
    );
  }

  /** Starts downloading an attachment; the caller reads (or destroys) `stream`. Records AttachmentsDownloaded. */
  async downloadAttachment(
    correspondenceId: string,
    attachmentId: string,
    options: CallOptions = {},
  ): Promise<AttachmentDownload> {
    const url = this.attachmentUrl(correspondenceId, attachmentId);
    return this.withToken(options, (token) =>
      openAttachmentStream({
        http: this.options.http,
        url,
        token,
        signal: options.signal,
        headersTimeoutMs: this.options.downloadHeadersTimeoutMs ?? 30_000,
      }),
    );
  }

  /** Downloads an attachment into `destination` (e.g. a file stream), hashing it on the way. */
  async downloadAttachmentTo(
    correspondenceId: string,
    attachmentId: string,
    destination: Writable,
    options: CallOptions = {},
  ): Promise<SavedAttachment> {
    const download = await this.downloadAttachment(correspondenceId, attachmentId, options);
    const hash = createHash('md5');
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        bytes += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(download.stream, meter, destination, { signal: options.signal });
    } catch (error) {
      if (options.signal?.aborted)
        throw new CancelledError({ method: 'GET', url: this.attachmentUrl(correspondenceId, attachmentId) });
      throw error;
    }
    return { bytes, md5: hash.digest('hex'), contentType: download.contentType, fileName: download.fileName };
  }

  private attachmentUrl(correspondenceId: string, attachmentId: string): string {
    return `${this.base}/${guid(correspondenceId, 'correspondenceId')}/attachment/${guid(attachmentId, 'attachmentId')}/download`;
  }

  private json<T>(method: string, url: string, payload: string, schema: Schema<T>, options: CallOptions): Promise<T> {
    return this.withToken(options, (token) =>
      this.options.http.requestJson<T>(
        { method, url, headers: { authorization: `Bearer ${token}` }, signal: options.signal },
        { payload, schema },
      ),
    );
  }

  /** Runs `call` with a token; after a 401 from the auth layer (no Correspondence error code) refreshes the token once. */
  private async withToken<T>(options: CallOptions, call: (token: string) => Promise<T>): Promise<T> {
    try {
      return await call(await this.options.getToken({ signal: options.signal }));
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401 || error.errorCode !== undefined)
        throw toCorrespondenceError(error);
    }
    try {
      return await call(await this.options.getToken({ forceRefresh: true, signal: options.signal }));
    } catch (error) {
      throw toCorrespondenceError(error);
    }
  }
}

function guid(value: string, field: string): string {
  if (!GUID.test(value))
    throw new InvalidInputError(
      field,
      `${field} must be a UUID like 0195f1c2-7f3e-7a6b-9c1d-2e3f4a5b6c7d; got "${value}".`,
    );
  return value.toLowerCase();
}

function toIso(value: Date | string, field: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidInputError(field, `${field} is not a date: "${String(value)}".`);
  return date.toISOString();
}

/** Accepts an organisation number, `0192:<orgno>`, a national identity number or a party URN; sends the party URN. */
function onBehalfOfParameter(value: string): string {
  const trimmed = value
    .trim()
    .replace(/^0192:/, '')
    .replace(/^urn:altinn:(organization|person):identifier-no:/, '');
  const org = validateOrganisationNumber(trimmed);
  if (org.ok) return organizationUrn(org.value);
  const person = validateNationalIdentityNumber(trimmed);
  if (person.ok) return personUrn(person.value);
  throw new InvalidInputError(
    'onBehalfOf',
    `onBehalfOf must be an organisation number or a national identity number: ${/^\d{9}$/.test(trimmed) ? org.reason : person.reason}`,
  );
}
