import { AuthorizedPartiesClient } from '../../../src/platform/access';
import { CorrespondenceClient } from '../../../src/platform/correspondence';
import { DialogportenClient } from '../../../src/platform/dialogporten';
import { HttpClient } from '../../../src/platform/http';
import { personUrn } from '../../../src/platform/identifiers';
import type { SandboxHandle } from '../../../src/sandbox';
import { sandboxToken } from '../helpers/sandbox';

/** Clients for the sandbox's default person, the way the extension builds them for the sandbox person profile. */
export interface PersonClients {
  readonly http: HttpClient;
  readonly dialogporten: DialogportenClient;
  readonly correspondence: CorrespondenceClient;
  readonly access: AuthorizedPartiesClient;
  readonly token: () => Promise<string>;
  readonly party: string;
}

export function personClients(
  handle: SandboxHandle,
  http = new HttpClient({ retry: { maxRetries: 0 } }),
): PersonClients {
  let token: Promise<string> | undefined;
  const getToken = (options: { forceRefresh?: boolean } = {}): Promise<string> => {
    if (options.forceRefresh || !token)
      token = sandboxToken(handle, { scopes: handle.defaultClient.scopes, person: true });
    return token;
  };
  return {
    http,
    token: () => getToken(),
    party: personUrn(handle.context.world.defaultPerson.nationalIdentityNumber),
    dialogporten: new DialogportenClient({ baseUrl: handle.urls.dialogportenBase, http, getToken }),
    correspondence: new CorrespondenceClient({ platformBase: handle.urls.platformBase, http, getToken }),
    access: new AuthorizedPartiesClient({ platformBase: handle.urls.platformBase, http, getToken }),
  };
}
