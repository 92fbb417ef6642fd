// The set-up issue 17's figures share: a sandbox with an accounting firm whose agent system user acts for its client
// organisations, and a Dialogporten client acting as that system user.
import { importPrivateJwk, MaskinportenTokenProvider, TokenCache } from '../src/platform/auth';
import { DialogportenClient } from '../src/platform/dialogporten';
import { resolveEnvironment, type AltinnEnvironment } from '../src/platform/environments';
import { HttpClient } from '../src/platform/http';
import { startSandbox, type SandboxHandle } from '../src/sandbox';

export interface AccountantSandbox {
  readonly sandbox: SandboxHandle;
  readonly firm: NonNullable<SandboxHandle['context']['world']['accountingFirm']>;
  readonly environment: AltinnEnvironment;
  readonly http: HttpClient;
  readonly client: DialogportenClient;
  /** The system user's Dialogporten token (cached), for the bare floors' requests. */
  token(): Promise<string>;
  close(): Promise<void>;
}

export async function startAccountantSandbox(options: {
  clients: number;
  dialogsPerClient?: number;
}): Promise<AccountantSandbox> {
  const sandbox = await startSandbox({ ...options, dialogs: 50 });
  const firm = sandbox.context.world.accountingFirm!;
  const environment = resolveEnvironment('sandbox', sandbox.urls);
  const http = new HttpClient({ retry: { maxRetries: 0 } });
  const tokens = new MaskinportenTokenProvider({
    http,
    environment,
    clientId: sandbox.defaultClient.clientId,
    key: importPrivateJwk(sandbox.defaultClient.privateJwk),
    scopes: ['digdir:dialogporten'],
    cache: new TokenCache(),
    systemUser: { organisationNumber: firm.organisationNumber },
  });
  const client = new DialogportenClient({
    baseUrl: environment.dialogportenBase,
    http,
    getToken: (call) => tokens.getToken(call),
  });
  return {
    sandbox,
    firm,
    environment,
    http,
    client,
    token: () => tokens.getToken(),
    close: async () => {
      await http.close();
      await sandbox.close();
    },
  };
}
