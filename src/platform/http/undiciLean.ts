// The bundle maps `undici` to this module (esbuild.mjs): undici's index also loads fetch, WebSocket,
// EventSource, caches and mocks (~240 KB minified) while the clients only use an Agent and request().
// Both come from undici itself; only the URL-to-origin/path split of its top-level request() is done here.
import type { Dispatcher } from 'undici';

/* eslint-disable @typescript-eslint/no-require-imports */
const AgentClass = require('undici/lib/dispatcher/agent') as typeof import('undici').Agent;
const DispatcherBase = require('undici/lib/dispatcher/dispatcher') as { prototype: Record<string, unknown> };
const api = require('undici/lib/api') as Record<string, unknown>;
/* eslint-enable @typescript-eslint/no-require-imports */

// What undici's index does at load: give every dispatcher the request()/stream()/… API methods.
if (!('request' in DispatcherBase.prototype)) Object.assign(DispatcherBase.prototype, api);

export const Agent = AgentClass;
export type { Dispatcher };

type RequestOptions = { dispatcher: Dispatcher } & Omit<Dispatcher.RequestOptions, 'origin' | 'path' | 'method'> &
  Partial<Pick<Dispatcher.RequestOptions, 'method'>>;

/** undici's request(url, options) on `options.dispatcher` (HttpClient's agent: no request goes around it). */
export function request(url: string | URL, options: RequestOptions): Promise<Dispatcher.ResponseData> {
  const target = typeof url === 'string' ? new URL(url) : url;
  const { dispatcher, ...rest } = options;
  return dispatcher.request({
    ...rest,
    method: rest.method ?? 'GET',
    origin: target.origin,
    path: `${target.pathname}${target.search}`,
  });
}
