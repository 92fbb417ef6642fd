import { parseJsonBody, type HttpClient, type HttpResponse, type Schema } from '../http';
import { SYSTEM_USER_CALL_SCOPES, type SystemUserCall, type SystemUserScope } from '../scopes/systemUserCalls';
import { SystemUserApiError, systemUserErrorFromResponse } from './systemUserErrors';

/**
 * Returns a Maskinporten token of the vendor's own client carrying `scope` (the vendor is the token's `consumer`).
 * `forceRefresh` after the API rejected the last one.
 */
export type SystemUserTokenProvider = (request: {
  readonly scope: SystemUserScope;
  readonly forceRefresh?: boolean;
  readonly signal?: AbortSignal;
}) => Promise<string>;

export interface SystemUserClientOptions {
  /** E.g. `https://platform.tt02.altinn.no` or the sandbox's `platformBase`. */
  readonly platformBase: string;
  readonly http: HttpClient;
  readonly getToken: SystemUserTokenProvider;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
}

interface VendorCall<T> {
  readonly call: SystemUserCall;
  readonly method: string;
  /** Below `/authentication/api/v1/`, already encoded. */
  readonly path: string;
  readonly body?: unknown;
  readonly payload: string;
  /** Omitted for answers without a body (202). */
  readonly schema?: Schema<T>;
}

export interface VendorAnswer<T> {
  readonly status: number;
  readonly value: T;
  readonly location?: string;
}

/** Sends one vendor call with the token its scope needs, retrying once with a fresh token after a bare 401. */
export class VendorApi {
  readonly base: string;

  constructor(private readonly options: SystemUserClientOptions) {
    this.base = `${options.platformBase.replace(/\/+$/, '')}/authentication/api/v1`;
  }

  async send<T>(call: VendorCall<T>, options: CallOptions = {}): Promise<VendorAnswer<T>> {
    const scope = SYSTEM_USER_CALL_SCOPES[call.call];
    let response = await this.attempt(call, scope, false, options);
    // A 401 carrying an AUTH code (00023) is about the token's content; a bare one may be an expired token.
    if (response.status === 401 && response.body.length === 0)
      response = await this.attempt(call, scope, true, options);
    if (response.status < 200 || response.status > 299) throw systemUserErrorFromResponse(response, scope);
    const value = call.schema ? parseJsonBody(response, { payload: call.payload, schema: call.schema }) : undefined;
    return { status: response.status, value: value as T, location: response.headers.location };
  }

  private async attempt<T>(
    call: VendorCall<T>,
    scope: SystemUserScope,
    forceRefresh: boolean,
    options: CallOptions,
  ): Promise<HttpResponse> {
    const token = await this.options.getToken({ scope, forceRefresh, signal: options.signal });
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    return this.options.http.send({
      method: call.method,
      url: `${this.base}/${call.path}`,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: options.signal,
    });
  }
}

/** Encodes one path segment (system ids may hold characters that need it). */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

/** An empty 404 (no AUTH code): how byquery says "none". */
export function isBareNotFound(error: unknown): boolean {
  return error instanceof SystemUserApiError && error.status === 404 && error.authCode === undefined;
}
