import assert from 'node:assert/strict';
import { request } from 'node:http';
import { SignJWT } from 'jose';
import type { SandboxHandle } from '../../../src/sandbox';
import { sandboxToken, useSandbox } from '../helpers/sandbox';
import { rawRequest, READ_SCOPE } from './clientSetup';
import { claim as claimAny, defaultPersonMaySee, isAvailable, isUntouched, lastStatus, statusesOf } from './fixtures';

const BASE = '/correspondence/api/v1/correspondence';

/** An Altinn token signed with the sandbox's Altinn key directly, for claims the vendor client cannot get (sender scope). */
async function altinnToken(handle: SandboxHandle, claims: Record<string, unknown>): Promise<string> {
  const key = handle.context.keys.altinn;
  const now = handle.context.clock.nowSeconds();
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(handle.urls.altinnIssuer)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);
}

/** node:http sends no Accept header unless told to (fetch always adds one). */
function getWithoutAccept(url: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Correspondence sandbox: HTTP details of the real API', () => {
  const sandbox = useSandbox();
  let token: string;
  before(async () => {
    token = await sandboxToken(sandbox(), { scopes: [READ_SCOPE], person: true });
  });
  const claim = (description: string, predicate: Parameters<typeof claimAny>[2]) =>
    claimAny(sandbox(), description, (c) => defaultPersonMaySee(sandbox(), c) && predicate(c));

  it("refuses JSON endpoints without an Accept header that allows JSON (406, plain text), like the service's middleware", async () => {
    const missing = await getWithoutAccept(
      `${sandbox().urls.platformBase}${BASE}?resourceId=skd-skattemelding&role=Recipient`,
      token,
    );
    assert.equal(missing.status, 406);
    assert.equal(missing.body, 'Accept header is required');
    const xml = await rawRequest(sandbox(), `${BASE}?resourceId=skd-skattemelding&role=Recipient`, {
      token,
      accept: 'application/xml',
    });
    assert.equal(xml.status, 406);
    assert.equal(
      (await rawRequest(sandbox(), `${BASE}?resourceId=skd-skattemelding&role=Recipient`, { token, accept: '*/*' }))
        .status,
      200,
    );
  });

  it('reports missing and invalid query parameters as a 400 validation problem naming each field', async () => {
    const missing = await rawRequest(sandbox(), BASE, { token });
    assert.equal(missing.status, 400);
    assert.match(missing.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const body = missing.json() as { errors: Record<string, string[]>; status: number };
    assert.deepEqual(Object.keys(body.errors).sort(), ['resourceId', 'role']);
    assert.equal(body.status, 400);

    const invalid = await rawRequest(
      sandbox(),
      `${BASE}?resourceId=x&role=Reader&status=Sent&onBehalfOf=12345678901&from=yesterday`,
      { token },
    );
    const errors = (invalid.json() as { errors: Record<string, string[]> }).errors;
    assert.deepEqual(Object.keys(errors).sort(), ['from', 'onBehalfOf', 'role', 'status']);
    assert.equal(errors.onBehalfOf[0], 'The given OnBehalfOf national identity number is not valid');
    assert.equal(errors.role[0], "The value 'Reader' is not valid for role.");

    const numericRole = await rawRequest(sandbox(), `${BASE}?resourceId=skd-skattemelding&role=0`, { token });
    assert.equal(numericRole.status, 200, 'ASP.NET also binds an enum from its number');
    const badId = await rawRequest(sandbox(), `${BASE}/not-a-guid`, { token });
    assert.equal(badId.status, 400);
    assert.ok((badId.json() as { errors: Record<string, string[]> }).errors.correspondenceId);
  });

  it("sends Correspondence's problem body: status title, detail, CORR code, numeric errorCode and a W3C traceId", async () => {
    const response = await rawRequest(sandbox(), `${BASE}/0195f1c2-7f3e-7a6b-9c1d-2e3f4a5b6c7d`, { token });
    assert.equal(response.status, 404);
    const problem = response.json() as Record<string, unknown>;
    assert.equal(problem.title, 'Not Found');
    assert.equal(problem.detail, 'The requested correspondence was not found');
    assert.equal(problem.code, 'CORR-01001');
    assert.equal(problem.errorCode, 1001);
    assert.equal(problem.type, 'https://tools.ietf.org/html/rfc9110#section-15.5.5');
    assert.match(String(problem.traceId), /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('answers markasread with the id as a JSON string', async () => {
    const target = claim('an untouched item', (c) => isUntouched(c) && !c.isConfirmationNeeded);
    assert.equal((await rawRequest(sandbox(), `${BASE}/${target.correspondenceId}`, { token })).status, 200);
    const response = await rawRequest(sandbox(), `${BASE}/${target.correspondenceId}/markasread`, {
      token,
      method: 'POST',
    });
    assert.equal(response.status, 200);
    assert.equal(response.json(), target.correspondenceId);
  });

  it('serves PDFs inline and other files as downloads, with their file names', async () => {
    const target = claim(
      'an item with pdf and bin',
      (c) =>
        isAvailable(c) &&
        c.attachments.some((a) => a.fileName.endsWith('.pdf')) &&
        c.attachments.some((a) => a.fileName.endsWith('.bin')),
    );
    const pdf = target.attachments.find((a) => a.fileName.endsWith('.pdf'))!;
    const bin = target.attachments.find((a) => a.fileName.endsWith('.bin'))!;
    const inline = await rawRequest(sandbox(), `${BASE}/${target.correspondenceId}/attachment/${pdf.id}/download`, {
      token,
      accept: null,
    });
    assert.equal(inline.status, 200);
    assert.equal(inline.headers.get('content-disposition'), `inline; filename*=UTF-8''${pdf.fileName}`);
    const download = await rawRequest(sandbox(), `${BASE}/${target.correspondenceId}/attachment/${bin.id}/download`, {
      token,
      accept: null,
    });
    assert.equal(
      download.headers.get('content-disposition'),
      `attachment; filename=${bin.fileName}; filename*=UTF-8''${bin.fileName}`,
    );
    assert.equal(Number(download.headers.get('content-length')), bin.bytes.length);
  });

  it('lists scheduled (not yet published) items only when asked for status ReadyForPublish, as the real filter does', async () => {
    const scheduled = claim('a scheduled item', (c) => c.published === null && lastStatus(c) === 'ReadyForPublish');
    const query = `${BASE}?resourceId=${scheduled.resourceId}&role=Recipient&onBehalfOf=${encodeURIComponent(scheduled.recipient)}`;
    assert.ok(
      !((await rawRequest(sandbox(), query, { token })).json() as { ids: string[] }).ids.includes(
        scheduled.correspondenceId,
      ),
    );
    assert.ok(
      (
        (await rawRequest(sandbox(), `${query}&status=ReadyForPublish`, { token })).json() as { ids: string[] }
      ).ids.includes(scheduled.correspondenceId),
    );
    assert.equal((await rawRequest(sandbox(), `${BASE}/${scheduled.correspondenceId}`, { token })).status, 404);
  });

  it("does not record Fetched when the token also carries the sender scope (a sender's status check)", async () => {
    const target = claim('an untouched item', (c) => isUntouched(c));
    const senderScoped = await altinnToken(sandbox(), {
      scope: 'altinn:correspondence.read altinn:correspondence.write',
      pid: sandbox().context.world.defaultPerson.nationalIdentityNumber,
    });
    assert.equal(
      (await rawRequest(sandbox(), `${BASE}/${target.correspondenceId}/details`, { token: senderScoped })).status,
      200,
    );
    assert.ok(!statusesOf(target).includes('Fetched'));
    assert.equal((await rawRequest(sandbox(), `${BASE}/${target.correspondenceId}/details`, { token })).status, 200);
    assert.equal(lastStatus(target), 'Fetched');
  });
});

describe('Correspondence sandbox: the admin route for a status history', () => {
  const sandbox = useSandbox();

  it("shows what the recipient's calls recorded, without recording Fetched itself; 404 for an unknown id", async () => {
    const token = await sandboxToken(sandbox(), { scopes: [READ_SCOPE], person: true });
    const target = claimAny(
      sandbox(),
      'an untouched item the default person may see',
      (c) => defaultPersonMaySee(sandbox(), c) && isUntouched(c),
    );
    const history = async (id: string): Promise<{ status: number; statuses?: string[] }> => {
      const response = await fetch(`${sandbox().urls.baseUrl}/__sandbox/correspondence/${id}/history`);
      return {
        status: response.status,
        statuses: response.ok
          ? ((await response.json()) as { statusHistory: { status: string }[] }).statusHistory.map((e) => e.status)
          : undefined,
      };
    };
    const before = await history(target.correspondenceId);
    assert.equal(before.status, 200);
    assert.deepEqual(before.statuses, statusesOf(target));
    assert.ok(!before.statuses!.includes('Fetched'));
    assert.deepEqual(
      (await history(target.correspondenceId)).statuses,
      before.statuses,
      'reading it twice recorded nothing',
    );
    assert.equal((await rawRequest(sandbox(), `${BASE}/${target.correspondenceId}`, { token })).status, 200);
    assert.equal((await history(target.correspondenceId)).statuses!.at(-1), 'Fetched', 'the overview did');
    assert.equal((await history('0194a6c2-0000-7000-8000-000000000000')).status, 404);
  });
});
