/* Standalone sandbox: `npm run sandbox -- --seed N --dialogs N --data DIR --port P [--json]`. */
import { parseArgs } from 'node:util';
import { personalTestTokenUrl } from './authentication';
import { startSandbox, type SandboxHandle } from './server';

interface CliConfiguration {
  baseUrl: string;
  tokenEndpoint: string;
  audience: string;
  clientId: string;
  privateJwk: Record<string, unknown>;
  scopes: string[];
  platformBase: string;
  dialogportenBase: string;
  altinnIssuer: string;
  exchangeUrl: string;
  systemUserOrgs: string[];
  systemUsers: { organisationNumber: string; id: string; externalRef?: string; delegatedResources: number }[];
  personTokenUrl: string;
  faultAdminUrl: string;
}

function readOptions(): {
  seed?: number;
  dialogs?: number;
  dataDir?: string;
  port?: number;
  requestTimeout?: number;
  json: boolean;
} {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      dialogs: { type: 'string' },
      data: { type: 'string' },
      port: { type: 'string' },
      'request-timeout': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(
      'Usage: npm run sandbox -- [--seed N] [--dialogs N] [--data DIR] [--port P] [--request-timeout SECONDS] [--json]',
    );
    process.exit(0);
  }
  const integer = (name: string, raw: string | undefined, min: number, max: number): number | undefined => {
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      console.error(`--${name} must be an integer ${min}–${max}`);
      process.exit(2);
    }
    return value;
  };
  return {
    seed: integer('seed', values.seed, 0, 2 ** 31 - 1),
    dialogs: integer('dialogs', values.dialogs, 0, 1_000_000),
    dataDir: values.data,
    port: integer('port', values.port, 0, 65_535),
    requestTimeout: integer('request-timeout', values['request-timeout'], 1, 10 * 365 * 24 * 3600),
    json: values.json ?? false,
  };
}

function configuration(handle: SandboxHandle): CliConfiguration {
  const { urls, defaultClient, context } = handle;
  const systemUsers = context.world.systemUsers.filter((u) => u.clientIds.includes(defaultClient.clientId));
  return {
    baseUrl: urls.baseUrl,
    tokenEndpoint: urls.tokenEndpoint,
    audience: urls.maskinportenIssuer,
    clientId: defaultClient.clientId,
    privateJwk: { ...defaultClient.privateJwk },
    scopes: [...defaultClient.scopes],
    platformBase: urls.platformBase,
    dialogportenBase: urls.dialogportenBase,
    altinnIssuer: urls.altinnIssuer,
    exchangeUrl: `${urls.platformBase}/authentication/api/v1/exchange/maskinporten`,
    systemUserOrgs: systemUsers.map((u) => u.organisationNumber),
    systemUsers: systemUsers.map((u) => ({
      organisationNumber: u.organisationNumber,
      id: u.id,
      externalRef: u.externalRef,
      delegatedResources: u.delegatedResources.length,
    })),
    personTokenUrl: personalTestTokenUrl(urls.baseUrl, context.world.defaultPerson.nationalIdentityNumber, [
      'digdir:dialogporten',
      'altinn:correspondence.read',
      'altinn:enduser',
    ]),
    faultAdminUrl: `${urls.baseUrl}/__sandbox/faults`,
  };
}

function printHuman(config: CliConfiguration): void {
  const lines = [
    `Altinn sandbox listening on ${config.baseUrl} (loopback only)`,
    '',
    'Maskinporten client (works with any Maskinporten client library):',
    `  token endpoint : ${config.tokenEndpoint}`,
    `  audience (aud) : ${config.audience}`,
    `  client id (iss): ${config.clientId}`,
    `  scopes         : ${config.scopes.join(' ')}`,
    `  private JWK    : ${JSON.stringify(config.privateJwk)}`,
    '',
    `Altinn platform  : ${config.platformBase}  (token exchange: ${config.exchangeUrl})`,
    `Dialogporten     : ${config.dialogportenBase}`,
    `System users     : ${config.systemUsers.map((u) => `${u.organisationNumber}${u.externalRef ? ` (externalRef ${u.externalRef})` : ''}, ${u.delegatedResources} resource(s)`).join('; ')}`,
    `Person token     : ${config.personTokenUrl}`,
    `Fault injection  : POST/DELETE ${config.faultAdminUrl}`,
    '',
    'The private key above is a throwaway sandbox key, valid only for this run. Press Ctrl+C to stop.',
  ];
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const options = readOptions();
  const handle = await startSandbox({
    seed: options.seed,
    dialogs: options.dialogs,
    dataDir: options.dataDir,
    port: options.port,
    systemUserRequestTimeoutSeconds: options.requestTimeout,
    host: '127.0.0.1',
  });
  const config = configuration(handle);
  if (options.json) process.stdout.write(`${JSON.stringify(config)}\n`);
  else printHuman(config);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    handle.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`The sandbox could not start: ${(error as Error).message}`);
  process.exit(1);
});
