import assert from 'node:assert/strict';
import type { SandboxHandle } from '../../../src/sandbox';
import { openApiContract, PUBLISHED_SCHEMA } from '../dialogporten/helpers/openApiContract';
import { sandboxToken } from '../helpers/sandbox';

/** Parsed JSON as tests read it; the shapes are checked against the OpenAPI document, not by the type system. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface DpResponse<T = Json> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly text: string;
}

/** Every response fetched through here is checked against the official OpenAPI document (when it describes the endpoint). */
export interface DpInit {
  method?: string;
  token?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Why this answer is exempt from the OpenAPI check (captured payloads are served as captured). */
  notOfficialShape?: string;
}

export async function dpFetch<T = Json>(url: string, init: DpInit = {}): Promise<DpResponse<T>> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? undefined;
  const parsed = /json/i.test(contentType ?? '') && text ? JSON.parse(text) : text;
  const verdict = openApiContract().check(method, url, response.status, contentType, parsed);
  if (init.notOfficialShape) return { status: response.status, headers: response.headers, body: parsed as T, text };
  assert.deepEqual(
    verdict.errors,
    [],
    `${verdict.operation} answered ${response.status} against the OpenAPI of ${PUBLISHED_SCHEMA}: ${verdict.errors.join('; ')}`,
  );
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

export function endUser(handle: SandboxHandle, path: string): string {
  return `${handle.urls.dialogportenBase}/api/v1/enduser${path}`;
}

export const DIALOGPORTEN_SCOPE = 'digdir:dialogporten';

export function personToken(handle: SandboxHandle, pid: true | string = true): Promise<string> {
  return sandboxToken(handle, { scopes: [DIALOGPORTEN_SCOPE], person: pid });
}

export function defaultPersonParty(handle: SandboxHandle): string {
  return `urn:altinn:person:identifier-no:${handle.context.world.defaultPerson.nationalIdentityNumber}`;
}

/** Every item of a search, following continuation tokens (bounded). */
export async function searchAll(handle: SandboxHandle, token: string, query: string, maxPages = 200): Promise<Json[]> {
  const items: Json[] = [];
  let continuation: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const url = endUser(
      handle,
      `/dialogs?${query}${continuation ? `&continuationToken=${encodeURIComponent(continuation)}` : ''}`,
    );
    const response = await dpFetch(url, { token });
    assert.equal(response.status, 200, response.text);
    items.push(...response.body.items);
    if (!response.body.hasNextPage) return items;
    continuation = response.body.continuationToken;
  }
  throw new Error(`more than ${maxPages} pages`);
}
