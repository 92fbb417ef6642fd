import type { ServerResponse } from 'node:http';
import type { SandboxContext } from '../context';
import { sendJson } from '../core/respond';
import type { RequestContext, Router } from '../core/router';
import type { DialogStore } from '../data/dialogStore';
import { verifyDialogToken } from './dialogToken';

const KEEP_ALIVE_MS = 15_000;
const SELECTABLE = new Set(['id', 'type', '__typename']);

interface Subscription {
  readonly dialogId: string;
  readonly fields: readonly string[];
}

/**
 * `subscription { dialogEvents(dialogId: …) { id type } }` over Server-Sent Events at `<base>/graphql/stream`,
 * authorised with the dialog token of that dialog, as Arbeidsflate uses it. Only this one subscription is served.
 */
export function registerGraphqlStream(router: Router, context: SandboxContext, store: DialogStore): void {
  const handle = async (request: RequestContext): Promise<void> => {
    const operation = await readOperation(request);
    if ('error' in operation) return graphqlError(request.res, 400, operation.error, 'GRAPHQL_VALIDATION_FAILED');
    const subscription = parseSubscription(operation.query, operation.variables);
    if ('error' in subscription) return graphqlError(request.res, 400, subscription.error, 'GRAPHQL_VALIDATION_FAILED');
    const claims = await verifyDialogToken(context, request.req.headers.authorization);
    if (!claims) return graphqlError(request.res, 401, 'The current user is not authorized to access this resource: a valid dialog token is required.', 'AUTH_NOT_AUTHENTICATED');
    if (String(claims.i).toLowerCase() !== subscription.dialogId.toLowerCase()) {
      return graphqlError(request.res, 403, 'The dialog token was issued for another dialog than dialogId.', 'AUTH_NOT_AUTHORIZED');
    }
    stream(request, store, subscription);
  };
  router.post('/dialogporten/graphql/stream', handle);
  router.get('/dialogporten/graphql/stream', handle);
}

function stream(request: RequestContext, store: DialogStore, subscription: Subscription): void {
  const { req, res } = request;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  res.write(': subscribed\n\n');
  const unsubscribe = store.onEvent((event) => {
    if (res.destroyed || event.dialogId.toLowerCase() !== subscription.dialogId.toLowerCase()) return;
    const payload: Record<string, string> = {};
    for (const field of subscription.fields) payload[field] = field === 'id' ? event.dialogId : field === 'type' ? event.type : 'DialogEventPayload';
    res.write(`event: next\ndata: ${JSON.stringify({ data: { dialogEvents: payload } })}\n\n`);
  });
  const keepAlive = setInterval(() => {
    if (!res.destroyed) res.write(':\n\n');
  }, KEEP_ALIVE_MS);
  keepAlive.unref();
  const close = (): void => {
    clearInterval(keepAlive);
    unsubscribe();
  };
  req.on('close', close);
  res.on('close', close);
  res.on('error', close);
}

async function readOperation(request: RequestContext): Promise<{ query: string; variables: Record<string, unknown> } | { error: string }> {
  let body: Record<string, unknown>;
  if (request.method === 'GET') {
    let variables: unknown;
    try {
      variables = JSON.parse(request.query.get('variables') || '{}');
    } catch {
      return { error: 'variables is not valid JSON' };
    }
    body = { query: request.query.get('query'), variables };
  } else {
    try {
      body = JSON.parse((await request.body()).toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return { error: 'The request body is not valid JSON.' };
    }
  }
  if (typeof body.query !== 'string' || !body.query.trim()) return { error: 'No query was given.' };
  const variables = body.variables && typeof body.variables === 'object' ? (body.variables as Record<string, unknown>) : {};
  return { query: body.query, variables };
}

/** Reads the one field this endpoint serves; enough GraphQL to accept what Arbeidsflate and hand-written queries send. */
export function parseSubscription(query: string, variables: Record<string, unknown>): Subscription | { error: string } {
  const text = query.replace(/#[^\n]*/g, '');
  if (!/^\s*subscription\b/.test(text)) return { error: 'Only subscription operations are served on /graphql/stream.' };
  const field = /dialogEvents\s*\(\s*dialogId\s*:\s*(?:"([^"]*)"|\$(\w+))\s*\)\s*\{([^{}]*)\}/.exec(text);
  if (!field) return { error: 'Expected the field dialogEvents(dialogId: …) { … }.' };
  const dialogId = field[1] ?? variables[field[2]];
  if (typeof dialogId !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(dialogId)) {
    return { error: `dialogId must be a UUID${field[2] ? ` (variable $${field[2]})` : ''}.` };
  }
  const fields = field[3].split(/[\s,]+/).filter(Boolean);
  const unknown = fields.find((f) => !SELECTABLE.has(f));
  if (unknown) return { error: `The field "${unknown}" does not exist on DialogEventPayload.` };
  return { dialogId, fields: fields.length ? fields : ['id', 'type'] };
}

function graphqlError(res: ServerResponse, status: number, message: string, code: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] }, { 'content-type': 'application/graphql-response+json; charset=utf-8' });
}
