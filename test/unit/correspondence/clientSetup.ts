import { CorrespondenceClient } from '../../../src/platform/correspondence';
import { HttpClient } from '../../../src/platform/http';
import type { SandboxHandle } from '../../../src/sandbox';
import { sandboxToken, type SandboxTokenOptions } from '../helpers/sandbox';

export const READ_SCOPE = 'altinn:correspondence.read';

/** One HttpClient per test file (no retries, so every request in a test is exactly one request). */
export function testHttp(): { http: () => HttpClient } {
  let http: HttpClient | undefined;
  after(async () => {
    await http?.close();
    http = undefined;
  });
  return { http: () => (http ??= new HttpClient({ retry: { maxRetries: 0 }, timeoutMs: 10_000 })) };
}

/** A client whose token provider fetches a real sandbox token (cached per options) and counts its calls. */
export function correspondenceClient(
  handle: SandboxHandle,
  http: HttpClient,
  tokenOptions: SandboxTokenOptions,
): { client: CorrespondenceClient; tokenCalls: () => number } {
  let cached: Promise<string> | undefined;
  let calls = 0;
  const client = new CorrespondenceClient({
    platformBase: handle.urls.platformBase,
    http,
    getToken: (options) => {
      calls++;
      if (!cached || options?.forceRefresh) cached = sandboxToken(handle, tokenOptions);
      return cached;
    },
  });
  return { client, tokenCalls: () => calls };
}

/** Raw request to the sandbox (for checks the typed client deliberately hides). */
export async function rawRequest(
  handle: SandboxHandle,
  path: string,
  init: { method?: string; token?: string; accept?: string | null } = {},
): Promise<{ status: number; headers: Headers; text: string; json: () => unknown }> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.accept !== null) headers.accept = init.accept ?? 'application/json';
  const response = await fetch(`${handle.urls.platformBase}${path}`, { method: init.method ?? 'GET', headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}
