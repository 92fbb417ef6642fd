import { CancelledError, NetworkError, TimeoutError, type RequestDescription } from '../errors';

/** How undici's failure of one attempt reads to the user, and whether another attempt may help. */
export function attemptFailure(
  error: unknown,
  context: {
    readonly description: RequestDescription;
    readonly signal?: AbortSignal;
    readonly timedOut: boolean;
    readonly timeoutMs: number;
    /** The status and headers had come: the body broke off. */
    readonly answered: boolean;
  },
): { error: NetworkError | TimeoutError | CancelledError; retryable: boolean } {
  const { description } = context;
  if (context.signal?.aborted) return { error: new CancelledError(description), retryable: false };
  if (context.timedOut) return { error: new TimeoutError(description, context.timeoutMs), retryable: false };
  const code = (error as { code?: string }).code;
  // Headers came, the body did not (all of it): say the answer was cut off rather than that nothing answered.
  const reason = context.answered
    ? 'the answer was cut off: the status came, but the connection closed before the whole body (truncated body)'
    : networkReason(error);
  return {
    error: new NetworkError(description, code, reason, { cause: error, truncated: context.answered }),
    retryable: true,
  };
}

function networkReason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED') return 'the connection was refused (is the service running and the URL right?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return 'the host name could not be resolved (offline, VPN or proxy?)';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
    return 'the connection was closed before the answer was complete';
  if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') return 'the answer was shorter than announced (truncated body)';
  return (error as Error).message ?? 'unknown network failure';
}

/** undici's header record as one lower-case name → one value (repeated headers joined with ", "). */
export function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
