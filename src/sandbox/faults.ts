import type { ServerResponse } from 'node:http';
import type { SandboxContext } from './context';
import { send, sendJson, sendNoContent, sendProblem } from './core/respond';
import type { RequestContext, Router } from './core/router';

export type FaultEffect =
  | { readonly kind: 'latency'; readonly ms: number }
  | { readonly kind: 'status'; readonly status: 429 | 500 | 502 | 503 | 504; readonly retryAfter?: number | string }
  | { readonly kind: 'reset' }
  | { readonly kind: 'truncate' }
  | { readonly kind: 'invalid-json' }
  | { readonly kind: 'wrong-content-type' }
  | { readonly kind: 'expire-token' };

/** A fault for the next `times` matching requests (default 1). */
export type FaultRule = FaultEffect & {
  readonly pathPrefix?: string;
  readonly method?: string;
  readonly times?: number;
};

interface ActiveRule {
  readonly id: number;
  readonly rule: FaultRule;
  remaining: number;
}

const ADMIN_PREFIX = '/__sandbox/';
const MAX_LATENCY_MS = 120_000;
const MAX_TIMES = 10_000;

/** Fault injection for tests and demos: latency, 429/503 with Retry-After, 5xx, resets, truncated or invalid bodies, expired tokens. */
export class FaultInjector {
  private readonly rules: ActiveRule[] = [];
  private nextId = 1;

  inject(rule: FaultRule): number {
    const checked = parseFaultRule(rule);
    const id = this.nextId++;
    this.rules.push({ id, rule: checked, remaining: checked.times ?? 1 });
    return id;
  }

  clear(): void {
    this.rules.length = 0;
  }

  /** Rules not yet used up. */
  pending(): { id: number; rule: FaultRule; remaining: number }[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Returns 'handled' when the fault already answered the request. */
  async apply(request: RequestContext): Promise<'handled' | 'continue'> {
    if (request.url.pathname.startsWith(ADMIN_PREFIX)) return 'continue';
    const active = this.rules.find((r) => matches(r.rule, request));
    if (!active) return 'continue';
    active.remaining--;
    if (active.remaining <= 0) this.rules.splice(this.rules.indexOf(active), 1);
    return perform(active.rule, request);
  }
}

function matches(rule: FaultRule, request: RequestContext): boolean {
  if (rule.method && rule.method.toUpperCase() !== request.method) return false;
  if (rule.pathPrefix && !request.url.pathname.toLowerCase().startsWith(rule.pathPrefix.toLowerCase())) return false;
  return true;
}

async function perform(rule: FaultEffect, { req, res }: RequestContext): Promise<'handled' | 'continue'> {
  switch (rule.kind) {
    case 'latency':
      await new Promise((resolve) => setTimeout(resolve, rule.ms));
      return 'continue';
    case 'status': {
      const headers: Record<string, string> =
        rule.retryAfter === undefined ? {} : { 'retry-after': String(rule.retryAfter) };
      const titles: Record<number, string> = {
        429: 'Too Many Requests',
        500: 'Internal Server Error',
        502: 'Bad Gateway',
        503: 'Service Unavailable',
        504: 'Gateway Timeout',
      };
      sendProblem(
        res,
        { status: rule.status, title: titles[rule.status], detail: 'Injected by the sandbox fault injector.' },
        headers,
      );
      return 'handled';
    }
    case 'reset':
      req.socket.destroy();
      return 'handled';
    case 'truncate':
      truncateResponse(res);
      return 'continue';
    case 'invalid-json':
      send(res, 200, '{"items":[{"id":"0193', { 'content-type': 'application/json; charset=utf-8' });
      return 'handled';
    case 'wrong-content-type':
      send(res, 200, '<!DOCTYPE html><html><head><title>Sign in</title></head><body>Proxy login</body></html>', {
        'content-type': 'text/html; charset=utf-8',
      });
      return 'handled';
    case 'expire-token':
      res.writeHead(401, {
        'www-authenticate': 'Bearer error="invalid_token", error_description="The token expired"',
        'content-length': '0',
      });
      res.end();
      return 'handled';
  }
}

/** Lets the real handler answer, but sends only half of its body (with the full Content-Length) and then drops the connection. */
function truncateResponse(res: ServerResponse): void {
  res.end = ((chunk?: unknown) => {
    const body = Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.alloc(0);
    if (body.length < 2) {
      res.destroy();
      return res;
    }
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
    return res;
  }) as ServerResponse['end'];
}

const KINDS = new Set(['latency', 'status', 'reset', 'truncate', 'invalid-json', 'wrong-content-type', 'expire-token']);
const STATUSES = new Set([429, 500, 502, 503, 504]);

/** Validates a rule coming from code or from the admin endpoint. */
export function parseFaultRule(input: unknown): FaultRule {
  if (!input || typeof input !== 'object') throw new FaultRuleError('a fault rule must be a JSON object');
  const rule = input as Record<string, unknown>;
  if (typeof rule.kind !== 'string' || !KINDS.has(rule.kind))
    throw new FaultRuleError(`kind must be one of ${[...KINDS].join(', ')}`);
  if (rule.pathPrefix !== undefined && (typeof rule.pathPrefix !== 'string' || !rule.pathPrefix.startsWith('/')))
    throw new FaultRuleError('pathPrefix must start with /');
  if (rule.method !== undefined && (typeof rule.method !== 'string' || !/^[A-Za-z]+$/.test(rule.method)))
    throw new FaultRuleError('method must be an HTTP method');
  if (
    rule.times !== undefined &&
    (!Number.isInteger(rule.times) || (rule.times as number) < 1 || (rule.times as number) > MAX_TIMES)
  )
    throw new FaultRuleError(`times must be an integer 1–${MAX_TIMES}`);
  if (rule.kind === 'latency' && (typeof rule.ms !== 'number' || rule.ms < 0 || rule.ms > MAX_LATENCY_MS))
    throw new FaultRuleError(`latency needs ms (0–${MAX_LATENCY_MS})`);
  if (rule.kind === 'status') {
    if (typeof rule.status !== 'number' || !STATUSES.has(rule.status))
      throw new FaultRuleError(`status must be one of ${[...STATUSES].join(', ')}`);
    if (rule.retryAfter !== undefined && typeof rule.retryAfter !== 'number' && typeof rule.retryAfter !== 'string')
      throw new FaultRuleError('retryAfter must be seconds or an HTTP date');
  }
  return rule as unknown as FaultRule;
}

export class FaultRuleError extends Error {}

/** POST/GET/DELETE /__sandbox/faults so out-of-process tests (the VS Code host tier) can inject faults. */
export function registerFaultAdmin(router: Router, context: SandboxContext): void {
  router.post('/__sandbox/faults', async ({ res, body }) => {
    let rule: FaultRule;
    try {
      rule = parseFaultRule(JSON.parse((await body()).toString('utf8') || 'null'));
    } catch (error) {
      sendProblem(res, {
        status: 400,
        title: 'Invalid fault rule',
        detail: error instanceof FaultRuleError ? error.message : 'the body is not JSON',
      });
      return;
    }
    const id = context.faults.inject(rule);
    sendJson(res, 201, { id, rule });
  });
  router.get('/__sandbox/faults', ({ res }) => sendJson(res, 200, context.faults.pending()));
  router.delete('/__sandbox/faults', ({ res }) => {
    context.faults.clear();
    sendNoContent(res);
  });
}
