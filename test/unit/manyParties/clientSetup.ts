import { DialogportenClient } from '../../../src/platform/dialogporten';
import { HttpClient } from '../../../src/platform/http';
import type { SandboxHandle } from '../../../src/sandbox';
import { personToken } from '../sandbox-dialogporten/dialogportenHttp';

/** A client of the sandbox's Dialogporten with a person token, counting the searches it sends. */
export function sandboxClient(
  handle: SandboxHandle,
  http: HttpClient,
  getToken: () => Promise<string> = () => personToken(handle),
): { client: DialogportenClient; searches: () => number } {
  let token: Promise<string> | undefined;
  let searches = 0;
  const client = new DialogportenClient({
    baseUrl: handle.urls.dialogportenBase,
    http,
    getToken: (options = {}) => (token = options.forceRefresh || !token ? getToken() : token),
  });
  const search = client.searchDialogs.bind(client);
  client.searchDialogs = (filters, options) => {
    searches++;
    return search(filters, options);
  };
  return { client, searches: () => searches };
}

export function newHttp(): HttpClient {
  return new HttpClient({ retry: { maxRetries: 0 } });
}
