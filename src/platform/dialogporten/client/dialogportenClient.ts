import { ApiError, InvalidInputError, ResponseFormatError } from '../../errors';
import { parseJsonBody, type HttpClient, type HttpResponse } from '../../http';
import { DialogRevisionConflictError } from '../errors';
import type { SystemLabel } from '../schemas/constants';
import { DIALOGPORTEN_PAYLOAD_NAMES } from '../schemas/payloadNames';
import { parseDialogportenPayload, type DialogportenPayload, type DialogportenShape } from '../schemas/validation';
import { fetchFrontChannelEmbed, type FrontChannelEmbed, type FrontChannelEmbedOptions } from './frontChannelEmbed';
import { toSearchParams, type DialogSearchFilters } from './searchFilters';

/** Returns a token with `digdir:dialogporten` (person or system user); `forceRefresh` after the API rejected the last one. */
export type DialogportenTokenProvider = (options?: { forceRefresh?: boolean; signal?: AbortSignal }) => Promise<string>;

export interface DialogportenClientOptions {
  /** The Dialogporten root, e.g. `https://platform.tt02.altinn.no/dialogporten` or the sandbox's `dialogportenBase`. */
  readonly baseUrl: string;
  readonly getToken: DialogportenTokenProvider;
  readonly http: HttpClient;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
}

export interface DialogWithMeta {
  readonly dialog: DialogportenPayload<'dialog'>;
  /** The `ETag` header (the dialog's revision). */
  readonly etag?: string;
  /** The body exactly as received, for a "raw JSON" view. */
  readonly raw: string;
}

export interface SystemLabelChange {
  readonly addLabels?: readonly SystemLabel[];
  readonly removeLabels?: readonly SystemLabel[];
}

/** One target of a bulk label change; with `endUserContextRevision` a concurrent change fails the call (412). */
export interface DialogRevisionRef {
  readonly dialogId: string;
  readonly endUserContextRevision?: string;
}

/** Dialogs per bulkset call (MaxDialogsPerRequest in Altinn/dialogporten's BulkSetDialogSystemLabelCommandValidator.cs). */
export const MAX_BULK_DIALOGS = 100;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PAGES = 100_000;

/**
 * The Dialogporten end-user API. Reading a dialog's details is not side-effect free there (it writes the seen log
 * and marks the content seen for this user), so that method says so in its name; everything else only reads,
 * except `setSystemLabels`.
 */
export class DialogportenClient {
  private readonly base: string;

  constructor(private readonly options: DialogportenClientOptions) {
    this.base = `${options.baseUrl.replace(/\/+$/, '')}/api/v1`;
  }

  /** GET /enduser/parties: the parties the token may act for, sub-units nested. */
  async getParties(options: CallOptions = {}): Promise<DialogportenPayload<'parties'>> {
    return this.getJson('parties', `${this.base}/enduser/parties`, options);
  }

  /** One page of GET /enduser/dialogs. */
  async searchDialogs(
    filters: DialogSearchFilters,
    options: CallOptions = {},
  ): Promise<DialogportenPayload<'dialogSearchPage'>> {
    const params = toSearchParams(filters);
    return this.getJson('dialogSearchPage', `${this.base}/enduser/dialogs?${params.toString()}`, options);
  }

  /** Every page, following `continuationToken` while `hasNextPage` (stops if the server repeats a token). */
  async *searchDialogPages(
    filters: DialogSearchFilters,
    options: CallOptions & { maxPages?: number } = {},
  ): AsyncGenerator<DialogportenPayload<'dialogSearchPage'>> {
    let continuationToken = filters.continuationToken;
    const seenTokens = new Set<string>();
    const maxPages = options.maxPages ?? MAX_PAGES;
    for (let page = 0; page < maxPages; page++) {
      const result = await this.searchDialogs({ ...filters, continuationToken }, options);
      yield result;
      if (!result.hasNextPage) return;
      const next = result.continuationToken ?? undefined;
      if (!next || seenTokens.has(next)) {
        throw new ResponseFormatError(
          { method: 'GET', url: `${this.base}/enduser/dialogs` },
          200,
          'application/json',
          'hasNextPage is true but the continuation token is missing or repeats; stopped paging.',
        );
      }
      seenTokens.add(next);
      continuationToken = next;
    }
  }

  /** Every matching dialog, page by page. */
  async *searchAllDialogs(
    filters: DialogSearchFilters,
    options: CallOptions & { maxPages?: number } = {},
  ): AsyncGenerator<DialogportenPayload<'dialogListItem'>> {
    for await (const page of this.searchDialogPages(filters, options)) yield* page.items;
  }

  /**
   * GET /enduser/dialogs/{id}. Side effect in Dialogporten: adds a seen-log entry for this end user and marks the
   * content seen (`isContentSeen`), exactly as opening it in the Altinn inbox would.
   */
  async getDialogAndMarkSeen(dialogId: string, options: CallOptions = {}): Promise<DialogWithMeta> {
    const url = `${this.base}/enduser/dialogs/${guid(dialogId, 'dialogId')}`;
    const response = await this.send('GET', url, options);
    const dialog = parseDialogportenPayload(
      'dialog',
      parseJsonBody(response, { payload: DIALOGPORTEN_PAYLOAD_NAMES.dialog }),
      response.request,
    );
    return { dialog, etag: unquote(response.headers.etag), raw: response.text().replace(/^\uFEFF/, '') };
  }

  async listTransmissions(dialogId: string, options: CallOptions = {}): Promise<DialogportenPayload<'transmissions'>> {
    return this.getJson('transmissions', `${this.dialogUrl(dialogId)}/transmissions`, options);
  }

  async getTransmission(
    dialogId: string,
    transmissionId: string,
    options: CallOptions = {},
  ): Promise<DialogportenPayload<'transmission'>> {
    return this.getJson(
      'transmission',
      `${this.dialogUrl(dialogId)}/transmissions/${guid(transmissionId, 'transmissionId')}`,
      options,
    );
  }

  async listActivities(dialogId: string, options: CallOptions = {}): Promise<DialogportenPayload<'activities'>> {
    return this.getJson('activities', `${this.dialogUrl(dialogId)}/activities`, options);
  }

  async getActivity(
    dialogId: string,
    activityId: string,
    options: CallOptions = {},
  ): Promise<DialogportenPayload<'activity'>> {
    return this.getJson(
      'activity',
      `${this.dialogUrl(dialogId)}/activities/${guid(activityId, 'activityId')}`,
      options,
    );
  }

  async listSeenLog(dialogId: string, options: CallOptions = {}): Promise<DialogportenPayload<'seenLogs'>> {
    return this.getJson('seenLogs', `${this.dialogUrl(dialogId)}/seenlog`, options);
  }

  async getSeenLogEntry(
    dialogId: string,
    seenLogId: string,
    options: CallOptions = {},
  ): Promise<DialogportenPayload<'seenLog'>> {
    return this.getJson('seenLog', `${this.dialogUrl(dialogId)}/seenlog/${guid(seenLogId, 'seenLogId')}`, options);
  }

  async getLabelLog(dialogId: string, options: CallOptions = {}): Promise<DialogportenPayload<'labelLog'>> {
    return this.getJson('labelLog', `${this.dialogUrl(dialogId)}/context/labellog`, options);
  }

  /**
   * PUT …/context/systemlabels. With `ifMatch` (the dialog's `endUserContext.revision`) a concurrent change gives
   * DialogRevisionConflictError instead of overwriting it. Returns the new end-user-context revision.
   */
  async setSystemLabels(
    dialogId: string,
    change: SystemLabelChange,
    options: CallOptions & { ifMatch?: string } = {},
  ): Promise<{ revision?: string }> {
    const body = JSON.stringify(labelChangeBody(change));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.ifMatch) headers['if-match'] = guid(options.ifMatch, 'ifMatch');
    try {
      const response = await this.send(
        'PUT',
        `${this.dialogUrl(dialogId)}/context/systemlabels`,
        options,
        body,
        headers,
      );
      return { revision: unquote(response.headers.etag) };
    } catch (error) {
      if (error instanceof ApiError && error.status === 412)
        throw new DialogRevisionConflictError(dialogId, options.ifMatch, { cause: error });
      throw error;
    }
  }

  /** GET /enduser/dialoglookup: `urn:altinn:dialog-id:…`, `urn:altinn:correspondence-id:…` or `urn:altinn:instance-id:{partyId}/{uuid}`. */
  async lookupDialog(instanceRef: string, options: CallOptions = {}): Promise<DialogportenPayload<'dialogLookup'>> {
    if (!/^urn:altinn:(dialog-id|correspondence-id|instance-id):\S+$/i.test(instanceRef.trim())) {
      throw new InvalidInputError(
        'instanceRef',
        `"${instanceRef}" is not an instance reference (urn:altinn:dialog-id:…, urn:altinn:correspondence-id:… or urn:altinn:instance-id:…).`,
      );
    }
    return this.getJson(
      'dialogLookup',
      `${this.base}/enduser/dialoglookup?instanceRef=${encodeURIComponent(instanceRef.trim())}`,
      options,
    );
  }

  /**
   * GET /enduser/serviceresources: the service resources the caller may use, by any route (roles, access packages,
   * direct delegations), among those Dialogporten's dialogs reference, with their metadata. `parties` (party URNs)
   * narrows it to those parties (unknown ones are ignored); without it a caller with very many parties may get the
   * whole catalogue instead (`isFullCatalogueFallback`).
   */
  async searchServiceResources(
    query: { parties?: readonly string[]; acceptLanguage?: string } = {},
    options: CallOptions = {},
  ): Promise<DialogportenPayload<'serviceResources'>> {
    const params = new URLSearchParams();
    for (const party of query.parties ?? []) params.append('party', party);
    const url = `${this.base}/enduser/serviceresources${params.size > 0 ? `?${params.toString()}` : ''}`;
    const response = await this.send(
      'GET',
      url,
      options,
      undefined,
      query.acceptLanguage ? { 'accept-language': query.acceptLanguage } : {},
    );
    return parseDialogportenPayload(
      'serviceResources',
      parseJsonBody(response, { payload: DIALOGPORTEN_PAYLOAD_NAMES.serviceResources }),
      response.request,
    );
  }

  /** The public keys that sign dialog tokens (anonymous). */
  async getDialogTokenKeys(options: CallOptions = {}): Promise<DialogportenPayload<'jwks'>> {
    return this.getAnonymousJson('jwks', `${this.base}/.well-known/jwks.json`, options);
  }

  /** GET /metadata/limits (anonymous): how many values each search filter takes, e.g. `party` per search. */
  async getLimits(options: CallOptions = {}): Promise<DialogportenPayload<'limits'>> {
    return this.getAnonymousJson('limits', `${this.base}/metadata/limits`, options);
  }

  /**
   * POST …/dialogs/context/systemlabels/actions/bulkset: 1–100 distinct dialogs, all or nothing (one unknown or
   * hidden dialog gives 404, one stale revision 412, and nothing is changed). Follows Altinn/dialogporten
   * src/Digdir.Domain.Dialogporten.Application/Features/V1/EndUser/EndUserContext/Commands/BulkSetSystemLabels/.
   */
  async bulkSetSystemLabels(
    dialogs: readonly DialogRevisionRef[],
    change: SystemLabelChange,
    options: CallOptions = {},
  ): Promise<void> {
    const body = labelChangeBody(change);
    if (dialogs.length === 0 || dialogs.length > MAX_BULK_DIALOGS)
      throw new InvalidInputError(
        'dialogs',
        `A bulk label change takes 1 to ${MAX_BULK_DIALOGS} dialogs per call; ${dialogs.length} were given.`,
      );
    const ids = new Set<string>();
    const targets = dialogs.map((d) => {
      const dialogId = guid(d.dialogId, 'dialogId').toLowerCase();
      if (ids.has(dialogId))
        throw new InvalidInputError('dialogs', `Dialog ${dialogId} is named twice; Dialogporten refuses duplicates.`);
      ids.add(dialogId);
      return d.endUserContextRevision
        ? { dialogId, endUserContextRevision: guid(d.endUserContextRevision, 'endUserContextRevision') }
        : { dialogId };
    });
    await this.send(
      'POST',
      `${this.base}/enduser/dialogs/context/systemlabels/actions/bulkset`,
      options,
      JSON.stringify({ dialogs: targets, ...body }),
      { 'content-type': 'application/json' },
    );
  }

  /** Fetches front-channel-embed content with the dialog token from the dialog details (≤ 100 KB, 10 s). */
  async fetchFrontChannelEmbed(
    url: string,
    dialogToken: string,
    options: FrontChannelEmbedOptions = {},
  ): Promise<FrontChannelEmbed> {
    return fetchFrontChannelEmbed(this.options.http, url, dialogToken, options);
  }

  private dialogUrl(dialogId: string): string {
    return `${this.base}/enduser/dialogs/${guid(dialogId, 'dialogId')}`;
  }

  private async getAnonymousJson<S extends DialogportenShape>(
    shape: S,
    url: string,
    options: CallOptions,
  ): Promise<DialogportenPayload<S>> {
    const response = await this.options.http.request({
      method: 'GET',
      url,
      headers: { accept: 'application/json' },
      signal: options.signal,
    });
    return parseDialogportenPayload(
      shape,
      parseJsonBody(response, { payload: DIALOGPORTEN_PAYLOAD_NAMES[shape] }),
      response.request,
    );
  }

  private async getJson<S extends DialogportenShape>(
    shape: S,
    url: string,
    options: CallOptions,
  ): Promise<DialogportenPayload<S>> {
    const response = await this.send('GET', url, options);
    return parseDialogportenPayload(
      shape,
      parseJsonBody(response, { payload: DIALOGPORTEN_PAYLOAD_NAMES[shape] }),
      response.request,
    );
  }

  /** Sends with the bearer token; a 401 gets one retry with a fresh token. */
  private async send(
    method: string,
    url: string,
    options: CallOptions,
    body?: string,
    headers: Record<string, string> = {},
  ): Promise<HttpResponse> {
    const attempt = async (forceRefresh: boolean): Promise<HttpResponse> => {
      const token = await this.options.getToken({ forceRefresh, signal: options.signal });
      return this.options.http.request({
        method,
        url,
        body,
        signal: options.signal,
        headers: { accept: 'application/json', ...headers, authorization: `Bearer ${token}` },
      });
    };
    try {
      return await attempt(false);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return attempt(true);
      throw error;
    }
  }
}

function guid(value: string, field: string): string {
  if (!GUID.test(value.trim())) throw new InvalidInputError(field, `${field} must be a UUID; "${value}" is not.`);
  return value.trim();
}

/** The body of a label change; throws InvalidInputError for no labels or for `Sent`. */
export function labelChangeBody(change: SystemLabelChange): { addLabels: SystemLabel[]; removeLabels: SystemLabel[] } {
  const labels = [...(change.addLabels ?? []), ...(change.removeLabels ?? [])];
  if (labels.length === 0) throw new InvalidInputError('labels', 'Name at least one system label to add or remove.');
  if (labels.includes('Sent'))
    throw new InvalidInputError(
      'labels',
      "The 'Sent' label is set by Dialogporten itself; it cannot be added or removed.",
    );
  return { addLabels: [...(change.addLabels ?? [])], removeLabels: [...(change.removeLabels ?? [])] };
}

function unquote(etag: string | undefined): string | undefined {
  return etag?.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}
