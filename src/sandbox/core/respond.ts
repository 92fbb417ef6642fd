import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { jsonBytes } from './jsonBytes';

export const PROBLEM_JSON = 'application/problem+json; charset=utf-8';
export const JSON_UTF8 = 'application/json; charset=utf-8';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, jsonBytes(body), { 'content-type': JSON_UTF8, ...headers });
}

export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { 'content-length': String(payload.length), ...headers });
  res.end(payload);
}

export function sendNoContent(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(204, headers);
  res.end();
}

export interface Problem {
  status: number;
  title: string;
  detail?: string;
  type?: string;
  /** ASP.NET validation style: field → messages. */
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
}

const DEFAULT_TYPES: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  401: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
  403: 'https://tools.ietf.org/html/rfc9110#section-15.5.4',
  404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
  405: 'https://tools.ietf.org/html/rfc9110#section-15.5.6',
  409: 'https://tools.ietf.org/html/rfc9110#section-15.5.10',
  410: 'https://tools.ietf.org/html/rfc9110#section-15.5.11',
  412: 'https://tools.ietf.org/html/rfc9110#section-15.5.13',
  422: 'https://tools.ietf.org/html/rfc4918#section-11.2',
  429: 'https://tools.ietf.org/html/rfc6585#section-4',
  500: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
  503: 'https://tools.ietf.org/html/rfc9110#section-15.6.4',
};

/** Writes an RFC 9457 ProblemDetails body the way the ASP.NET-based Altinn services do (with a traceId). */
export function sendProblem(res: ServerResponse, problem: Problem, headers: Record<string, string> = {}): void {
  const body = { type: problem.type ?? DEFAULT_TYPES[problem.status] ?? 'about:blank', ...problem, traceId: traceId() };
  send(res, problem.status, JSON.stringify(body), { 'content-type': PROBLEM_JSON, ...headers });
}

export function traceId(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}
