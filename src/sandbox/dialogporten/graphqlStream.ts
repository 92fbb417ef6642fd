import type { ServerResponse } from 'node:http';
import type { SandboxContext } from '../context';
import { isPrincipal } from '../core/principal';
import { send, sendJson } from '../core/respond';
import type { RequestContext, Router } from '../core/router';
import type { DialogStore } from '../data/dialogStore';
import { verifyDialogToken } from './dialogToken';
import { parseGuid } from './guid';

const KEEP_ALIVE_MS = 15_000;
const SELECTABLE = new Set(['id', 'type', '__typename']);
const MAX_ATTEMPTS_KEPT = 2_000;
/** HotChocolate's AuthCoreResources.AuthorizeMiddleware_NotAuthorized. */
const NOT_AUTHORIZED = 'The current user is not authorized to access this resource.';

interface Subscription {
  readonly dialogId: string;
  readonly fields: readonly string[];
}

/** What the policy sees of the operation, and what the subscription would stream. */
interface ParsedSubscription {
  /**
   * The `dialogId` argument's value node as written: a string literal's text, or for a variable the variable's
   * *name* (HotChocolate's VariableNode.Value is its name, not the value sent in `variables`).
   */
  readonly argumentValue: string;
  /** The id the topic is built from once authorised (the literal, or the variable's value). */
  readonly topicId: string | undefined;
  readonly fields: readonly string[];
}

export interface StreamAttempt {
  /** Wall-clock ms (connection attempts per minute are about real time, not the sandbox clock). */
  readonly at: number;
  /** The id the subscription asked for, when one could be read. */
  readonly dialogId?: string;
  readonly outcome: 'streaming' | 'refused' | 'unauthenticated' | 'invalid';
}

/** Test hooks for the stream (served under /__sandbox/graphql/stream, never on the real API's paths). */
export class StreamMonitor {
  private readonly log: StreamAttempt[] = [];
  /** When set, every subscription is refused as the real policy refuses one, whatever it asks for. */
  refuseAll = false;

  record(attempt: Omit<StreamAttempt, 'at'>): void {
    this.log.push({ at: Date.now(), ...attempt });
    if (this.log.length > MAX_ATTEMPTS_KEPT) this.log.splice(0, this.log.length - MAX_ATTEMPTS_KEPT);
  }

  attempts(filter: { dialogId?: string; sinceMs?: number } = {}): StreamAttempt[] {
    return this.log.filter(
      (a) =>
        (!filter.dialogId || a.dialogId?.toLowerCase() === filter.dialogId.toLowerCase()) &&
        (filter.sinceMs === undefined || a.at >= filter.sinceMs),
    );
  }

  clear(): void {
    this.log.length = 0;
  }
}

/**
 * `subscription { dialogEvents(dialogId: "…") { id type } }` over Server-Sent Events at `<base>/graphql/stream`,
 * authorised with the dialog token of that dialog, as Arbeidsflate uses it. Only this one subscription is served.
 *
 * Authorisation follows Dialogporten's GraphQL project: the endpoint requires an authenticated caller
 * (Program.cs, `MapGraphQL().RequireAuthorization()`: no or a bad token is a plain 401), then the
 * `enduserSubscription` policy (Common/Authorization/AuthorizationOptionsSetup.cs) must find the dialog id in the
 * operation (Common/Extensions/HotChocolate/AuthorizationHandlerContextExtensions.cs: the first definition is a
 * subscription, its `dialogEvents` field's `dialogId` argument's *literal* value parses as a Guid) and it must equal
 * the token's `i` claim. A variable fails that: its value node's value is the variable's name. HotChocolate runs the
 * policy in the validation phase (`ApplyPolicy.Validation`), so a refusal is a single error result, which its
 * DefaultHttpResponseFormatter answers for `Accept: text/event-stream` with HTTP 200 and EventStreamResultFormatter
 * writes as one `next` carrying only `errors`, then `complete` (ChilliCream/graphql-platform,
 * HotChocolate/AspNetCore …/Formatters/DefaultHttpResponseFormatter.cs, Transport.Formatters/EventStreamResultFormatter.cs).
 */
export function registerGraphqlStream(router: Router, context: SandboxContext, store: DialogStore): StreamMonitor {
  const monitor = new StreamMonitor();
  const handle = async (request: RequestContext): Promise<void> => {
    const eventStream = /text\/event-stream/i.test(String(request.req.headers.accept ?? ''));
    const claims = await verifyDialogToken(context, request.req.headers.authorization);
    if (!claims && !isPrincipal(await context.verifier.authenticate(request.req))) {
      // The endpoint's RequireAuthorization: ASP.NET's JWT bearer challenge, no GraphQL body.
      monitor.record({ outcome: 'unauthenticated' });
      return send(request.res, 401, '', { 'www-authenticate': 'Bearer' });
    }
    const operation = await readOperation(request);
    if ('error' in operation) {
      monitor.record({ outcome: 'invalid' });
      return graphqlErrors(request.res, eventStream, 400, operation.error, 'GRAPHQL_VALIDATION_FAILED');
    }
    const parsed = parseSubscription(operation.query, operation.variables);
    if ('error' in parsed) {
      monitor.record({ outcome: 'invalid' });
      return graphqlErrors(request.res, eventStream, 400, parsed.error, 'GRAPHQL_VALIDATION_FAILED');
    }
    const topicId = parseGuid(parsed.topicId ?? '');
    const policyId = parseGuid(parsed.argumentValue);
    const claimId = typeof claims?.i === 'string' ? parseGuid(claims.i) : undefined;
    if (monitor.refuseAll || !policyId || !claimId || policyId !== claimId || !topicId) {
      monitor.record({ outcome: 'refused', ...((topicId ?? policyId) ? { dialogId: topicId ?? policyId } : {}) });
      // The aggregator sets status 401 for the JSON formats; the event-stream format answers 200 regardless.
      return graphqlErrors(request.res, eventStream, 401, NOT_AUTHORIZED, 'AUTH_NOT_AUTHORIZED');
    }
    monitor.record({ outcome: 'streaming', dialogId: topicId });
    stream(request, store, { dialogId: topicId, fields: parsed.fields });
  };
  router.post('/dialogporten/graphql/stream', handle);
  router.get('/dialogporten/graphql/stream', handle);
  return monitor;
}

function stream(request: RequestContext, store: DialogStore, subscription: Subscription): void {
  const { req, res } = request;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(':\n\n');
  const unsubscribe = store.onEvent((event) => {
    if (res.destroyed || event.dialogId.toLowerCase() !== subscription.dialogId.toLowerCase()) return;
    const payload: Record<string, string> = {};
    for (const field of subscription.fields)
      payload[field] = field === 'id' ? event.dialogId : field === 'type' ? event.type : 'DialogEventPayload';
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

async function readOperation(
  request: RequestContext,
): Promise<{ query: string; variables: Record<string, unknown> } | { error: string }> {
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
  const variables =
    body.variables && typeof body.variables === 'object' ? (body.variables as Record<string, unknown>) : {};
  return { query: body.query, variables };
}

/**
 * Reads the one field this endpoint serves, as the policy reads it: the first definition must be a subscription
 * whose `dialogEvents` field has a `dialogId` argument. Enough GraphQL for what Arbeidsflate and hand-written
 * queries send; what is not GraphQL the schema accepts is a validation error.
 */
export function parseSubscription(
  query: string,
  variables: Record<string, unknown>,
): ParsedSubscription | { error: string } {
  const text = query.replace(/#[^\n]*/g, '');
  if (!/^\s*subscription\b/.test(text)) return { error: 'Only subscription operations are served on /graphql/stream.' };
  const field =
    /^\s*subscription\b[^{]*\{\s*(?:\w+\s*:\s*)?dialogEvents\s*\(\s*dialogId\s*:\s*(?:"([^"\\]*)"|\$(\w+))\s*\)\s*\{([^{}]*)\}/.exec(
      text,
    );
  if (!field)
    return { error: "Expected the field dialogEvents(dialogId: …) { … } as the subscription's first selection." };
  const [, literal, variable, selection] = field;
  if (literal !== undefined && !parseGuid(literal))
    return { error: `dialogId: "${literal.slice(0, 60)}" is not a UUID.` };
  if (
    variable !== undefined &&
    !new RegExp(`\\$${variable}\\s*:\\s*UUID!?`).test(text.slice(0, field.index + field[0].indexOf('{')))
  ) {
    return { error: `The variable $${variable} is not declared as UUID in the operation.` };
  }
  const fields = selection.split(/[\s,]+/).filter(Boolean);
  const unknown = fields.find((f) => !SELECTABLE.has(f));
  if (unknown) return { error: `The field "${unknown}" does not exist on DialogEventPayload.` };
  if (fields.length === 0) return { error: 'dialogEvents needs a selection of subfields.' };
  const value = variable !== undefined ? variables[variable] : literal;
  return { argumentValue: literal ?? variable, topicId: typeof value === 'string' ? value : undefined, fields };
}

/**
 * A single error result as HotChocolate writes it: for `Accept: text/event-stream` HTTP 200 with one `next` holding
 * only `errors`, then `complete`; otherwise `application/graphql-response+json` with the proposed status.
 */
function graphqlErrors(res: ServerResponse, eventStream: boolean, status: number, message: string, code: string): void {
  const body = { errors: [{ message, extensions: { code } }] };
  if (eventStream) {
    return send(res, 200, `event: next\ndata: ${JSON.stringify(body)}\n\nevent: complete\n\n`, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
    });
  }
  sendJson(res, status, body, { 'content-type': 'application/graphql-response+json; charset=utf-8' });
}
