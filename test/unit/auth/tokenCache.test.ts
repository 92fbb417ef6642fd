import assert from 'node:assert/strict';
import { importPrivateJwk } from '../../../src/platform/auth/keyImport';
import { TokenCache } from '../../../src/platform/auth/tokenCache';
import {
  AltinnTokenProvider,
  MaskinportenTokenProvider,
  PastedTokenProvider,
} from '../../../src/platform/auth/tokenProviders';
import { withTokenRetry } from '../../../src/platform/auth/tokenRetry';
import { resolveEnvironment } from '../../../src/platform/environments';
import { ApiError, MaskinportenError, TokenExpiredError } from '../../../src/platform/errors';
import { HttpClient } from '../../../src/platform/http';
import { SandboxPersonTokenProvider } from '../../../src/platform/sandboxClient/sandboxPersonTokenProvider';
import { maskinportenStats } from '../../../src/sandbox/maskinporten';
import { sandboxSystemUsers, sandboxToken, useSandbox } from '../helpers/sandbox';

describe('token cache, single flight and refresh on 401 (counted on the sandbox side)', () => {
  const sandbox = useSandbox();
  let http: HttpClient;
  let offsetMs: number;
  let cache: TokenCache;
  beforeEach(() => {
    http = new HttpClient({ retry: { maxRetries: 0 } });
    offsetMs = 0;
    cache = new TokenCache({ now: () => Date.now() + offsetMs });
    sandbox().context.faults.clear();
  });
  afterEach(() => http.close());

  const provider = (overrides: { scopes?: string[]; systemUserOrg?: string } = {}): MaskinportenTokenProvider =>
    new MaskinportenTokenProvider({
      http,
      cache,
      environment: resolveEnvironment('sandbox', sandbox().urls),
      clientId: sandbox().defaultClient.clientId,
      key: importPrivateJwk(sandbox().defaultClient.privateJwk),
      scopes: overrides.scopes ?? ['digdir:dialogporten'],
      systemUser: overrides.systemUserOrg ? { organisationNumber: overrides.systemUserOrg } : undefined,
    });
  const tokenRequests = (): number => maskinportenStats(sandbox().context).tokenRequests;

  it('reuses a token until 10 % (max 30 s) before expires_in, then fetches a new one', async () => {
    const p = provider();
    const before = tokenRequests();
    const first = await p.getToken();
    offsetMs = 100_000;
    assert.equal(await p.getToken(), first, 'still reused 100 s into a 120 s token');
    assert.equal(tokenRequests(), before + 1);
    offsetMs = 109_000;
    assert.notEqual(await p.getToken(), first, 'refreshed within the last 12 s');
    assert.equal(tokenRequests(), before + 2);
  });

  it('keys the cache by scopes (in any order) and system-user organisation', async () => {
    const before = tokenRequests();
    const a = await provider({ scopes: ['digdir:dialogporten', 'altinn:correspondence.read'] }).getToken();
    const b = await provider({ scopes: ['altinn:correspondence.read', 'digdir:dialogporten'] }).getToken();
    assert.equal(a, b);
    const org = sandboxSystemUsers(sandbox()).find((u) => !u.externalRef)!.organisationNumber;
    const c = await provider({
      scopes: ['digdir:dialogporten', 'altinn:correspondence.read'],
      systemUserOrg: org,
    }).getToken();
    assert.notEqual(c, a);
    assert.equal(tokenRequests(), before + 2);
  });

  it('makes 100 concurrent callers share one /token request', async () => {
    const p = provider({ scopes: ['altinn:events.subscribe'] });
    const before = tokenRequests();
    sandbox().context.faults.inject({ kind: 'latency', ms: 100, pathPrefix: '/maskinporten/token' });
    const tokens = await Promise.all(Array.from({ length: 100 }, () => p.getToken()));
    assert.equal(new Set(tokens).size, 1);
    assert.equal(tokenRequests(), before + 1);
  });

  it('keeps a shared /token request for the callers still waiting when one of them cancels', async () => {
    const p = provider({ scopes: ['altinn:accessmanagement/authorizedparties'] });
    const before = tokenRequests();
    sandbox().context.faults.inject({ kind: 'latency', ms: 300, pathPrefix: '/maskinporten/token' });
    const first = new AbortController();
    const abandoned = p.getToken({ signal: first.signal });
    const waiting = p.getToken({ signal: new AbortController().signal });
    setTimeout(() => first.abort(), 50);
    const token = await waiting;
    assert.match(token, /^ey/, 'the caller still waiting got its token');
    assert.equal(await abandoned, token, 'the one that cancelled was not the only one waiting: it gets it too');
    assert.equal(tokenRequests(), before + 1);
  });

  it('cancels a shared /token request once every caller waiting for it has cancelled', async () => {
    const p = provider({ scopes: ['altinn:correspondence.read'] });
    sandbox().context.faults.inject({ kind: 'latency', ms: 300, pathPrefix: '/maskinporten/token' });
    const callers = [new AbortController(), new AbortController()];
    const waits = callers.map((c) => p.getToken({ signal: c.signal }));
    setTimeout(() => callers.forEach((c) => c.abort()), 50);
    for (const wait of waits) await assert.rejects(wait, (e: unknown) => (e as { kind?: string }).kind === 'cancelled');
  });

  it('keeps the sandbox person token request for a second caller when the first cancels', async () => {
    const person = new SandboxPersonTokenProvider({
      http,
      baseUrl: sandbox().urls.baseUrl,
      nationalIdentityNumber: sandbox().context.world.defaultPerson.nationalIdentityNumber,
      scopes: ['digdir:dialogporten'],
    });
    sandbox().context.faults.inject({ kind: 'latency', ms: 300, pathPrefix: '/testtools/token/personal' });
    const first = new AbortController();
    const abandoned = person.getToken({ signal: first.signal });
    const waiting = person.getToken({ signal: new AbortController().signal });
    setTimeout(() => first.abort(), 50);
    assert.match(await waiting, /^ey/);
    await abandoned;
  });

  it('does not cache failures: the next call asks again', async () => {
    const p = provider({ scopes: ['altinn:serviceowner'] });
    const before = tokenRequests();
    await assert.rejects(p.getToken(), (e: unknown) => e instanceof MaskinportenError && e.mpCode === 'MP-201');
    await assert.rejects(p.getToken(), MaskinportenError);
    assert.equal(tokenRequests(), before + 2);
  });

  it('invalidate() forces a new token', async () => {
    const p = provider();
    const first = await p.getToken();
    p.invalidate();
    assert.notEqual(await p.getToken(), first);
  });

  it('withTokenRetry refreshes once on 401 and succeeds with the new token; a second 401 is passed on', async () => {
    const maskinporten = provider();
    const exchangeUrl = `${sandbox().urls.baseUrl}/authentication/api/v1/exchange/maskinporten`;
    const callExchange =
      (seen: string[]) =>
      async (token: string): Promise<string> => {
        seen.push(token);
        return (
          await http.request({ method: 'GET', url: exchangeUrl, headers: { authorization: `Bearer ${token}` } })
        ).text();
      };
    await maskinporten.getToken();
    let before = tokenRequests();
    sandbox().context.faults.inject({ kind: 'expire-token', pathPrefix: '/authentication/api/v1/exchange' });
    const seen: string[] = [];
    assert.match(await withTokenRetry(maskinporten, callExchange(seen)), /^eyJ/);
    assert.equal(seen.length, 2);
    assert.notEqual(seen[0], seen[1], 'the retry used a freshly fetched token');
    assert.equal(tokenRequests(), before + 1);

    before = tokenRequests();
    sandbox().context.faults.inject({ kind: 'expire-token', pathPrefix: '/authentication/api/v1/exchange', times: 5 });
    const again: string[] = [];
    await assert.rejects(
      withTokenRetry(maskinporten, callExchange(again)),
      (e: unknown) => e instanceof ApiError && e.status === 401,
    );
    assert.equal(again.length, 2, 'only one refresh');
    assert.equal(tokenRequests(), before + 1);
  });

  it('withTokenRetry on an Altinn token drops both the Altinn and the Maskinporten token', async () => {
    const maskinporten = provider({ scopes: ['digdir:dialogporten', 'altinn:accessmanagement/authorizedparties'] });
    const altinn = new AltinnTokenProvider({
      http,
      environment: resolveEnvironment('sandbox', sandbox().urls),
      source: maskinporten,
      cache,
    });
    const first = await altinn.getToken();
    const before = tokenRequests();
    let calls = 0;
    const result = await withTokenRetry(altinn, async (token) => {
      calls++;
      if (calls === 1) {
        assert.equal(token, first);
        throw new ApiError({ status: 401, request: { method: 'GET', url: 'x' } });
      }
      return token;
    });
    assert.notEqual(result, first);
    assert.equal(tokenRequests(), before + 1);
  });

  it('treats a pasted token as-is: no refresh, and a clear error once it has expired', async () => {
    const pasted = await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'], person: true });
    const provider = new PastedTokenProvider(`Bearer ${pasted}`, { label: 'pasted person token' });
    assert.equal(await provider.getToken(), pasted);
    let calls = 0;
    await assert.rejects(
      withTokenRetry(provider, async () => {
        calls++;
        throw new ApiError({ status: 401, request: { method: 'GET', url: 'x' } });
      }),
      ApiError,
    );
    assert.equal(calls, 1, 'a pasted token cannot be refreshed, so no second try');
    const later = new PastedTokenProvider(pasted, { now: () => Date.now() + 2 * 3600_000 });
    await assert.rejects(
      later.getToken(),
      (e: unknown) => e instanceof TokenExpiredError && /pasted token expired/.test(e.message),
    );
    assert.throws(() => new PastedTokenProvider('hello world'), /not a JWT/);
  });
});
