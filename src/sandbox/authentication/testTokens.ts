// Follows Altinn/AltinnTestTools: TokenGenerator/GetPersonalToken.cs, TokenGenerator/GetSystemUserToken.cs
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { validateNationalIdentityNumber, validateOrganisationNumber } from '../../platform/identifiers';
import { noteSecret } from '../../platform/secretLedger';
import type { Router } from '../core/router';
import type { SandboxContext } from '../context';
import { send, sendProblem } from '../core/respond';

const DEFAULT_TTL_SECONDS = 1800;
const MAX_TTL_SECONDS = 24 * 3600;
const DEFAULT_PERSON_SCOPES = 'altinn:enduser';

export function personalTestTokenUrl(baseUrl: string, pid: string, scopes: readonly string[]): string {
  return `${baseUrl}/testtools/token/personal?pid=${encodeURIComponent(pid)}&scopes=${encodeURIComponent(scopes.join(' '))}`;
}

/**
 * Like Altinn's test token generator (AltinnTestTools): bare JWTs signed by the Altinn key, so they can be pasted
 * exactly as tt02 users paste generator tokens. No credentials needed in the sandbox.
 */
export function registerTestTokens(router: Router, context: SandboxContext): void {
  router.get('/testtools/token/personal', async ({ res, query }) => {
    const pid = query.get('pid') ?? context.world.defaultPerson.nationalIdentityNumber;
    const checked = validateNationalIdentityNumber(pid);
    if (!checked.ok) return sendProblem(res, { status: 400, title: 'Invalid pid', detail: checked.reason });
    const ttl = readTtl(query.get('ttl'));
    if (ttl === undefined)
      return sendProblem(res, {
        status: 400,
        title: 'Invalid ttl',
        detail: `ttl must be 1–${MAX_TTL_SECONDS} seconds`,
      });
    const authLevel = Number(query.get('authLvl') ?? 3);
    const person = context.world.persons.find((p) => p.nationalIdentityNumber === checked.value);
    const claims: Record<string, unknown> = {
      pid: checked.value,
      scope: readScopes(query.get('scopes'), DEFAULT_PERSON_SCOPES),
      'urn:altinn:authlevel': Number.isInteger(authLevel) && authLevel >= 0 && authLevel <= 4 ? authLevel : 3,
      'urn:altinn:authenticatemethod': 'IdportenTestId',
      actual_iss: 'altinn-test-tools',
    };
    if (person) {
      claims['urn:altinn:userid'] = String(person.partyId + 1_000_000);
      claims['urn:altinn:partyid'] = person.partyId;
      claims['urn:altinn:party:uuid'] = person.partyUuid;
    }
    send(res, 200, await sign(context, claims, ttl), { 'content-type': 'text/plain; charset=utf-8' });
  });

  router.get('/testtools/token/systemuser', async ({ res, query }) => {
    const systemUserId = query.get('systemUserId');
    const systemUser = context.world.systemUsers.find((u) => u.id === systemUserId);
    if (!systemUser)
      return sendProblem(res, {
        status: 400,
        title: 'Invalid systemUserId',
        detail: 'systemUserId must be the id of a sandbox system user',
      });
    const vendorOrg = validateOrganisationNumber(
      query.get('orgNo') ?? context.world.clients[0]?.ownerOrganisationNumber ?? '',
    );
    const ttl = readTtl(query.get('ttl'));
    if (!vendorOrg.ok || ttl === undefined)
      return sendProblem(res, {
        status: 400,
        title: 'Bad Request',
        detail: 'orgNo must be an organisation number and ttl 1–86400',
      });
    const claims = {
      scope: readScopes(query.get('scopes'), 'digdir:dialogporten'),
      consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${vendorOrg.value}` },
      client_id: query.get('clientId') ?? systemUser.clientIds[0],
      'urn:altinn:orgNumber': vendorOrg.value,
      'urn:altinn:authenticatemethod': 'maskinporten',
      'urn:altinn:authlevel': 3,
      authorization_details: [
        {
          type: 'urn:altinn:systemuser',
          systemuser_id: [systemUser.id],
          systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${systemUser.organisationNumber}` },
          system_id: systemUser.systemId,
        },
      ],
      actual_iss: 'altinn-test-tools',
    };
    send(res, 200, await sign(context, claims, ttl), { 'content-type': 'text/plain; charset=utf-8' });
  });
}

function readScopes(raw: string | null, fallback: string): string {
  const scopes = (raw ?? fallback).split(/[\s,]+/).filter(Boolean);
  return (scopes.length ? scopes : fallback.split(' ')).join(' ');
}

function readTtl(raw: string | null): number | undefined {
  if (raw === null) return DEFAULT_TTL_SECONDS;
  const ttl = Number(raw);
  return Number.isInteger(ttl) && ttl >= 1 && ttl <= MAX_TTL_SECONDS ? ttl : undefined;
}

async function sign(context: SandboxContext, claims: Record<string, unknown>, ttl: number): Promise<string> {
  const now = context.clock.nowSeconds();
  return noteSecret(
    'test-token',
    await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: context.keys.altinn.kid, typ: 'JWT' })
      .setIssuer(context.urls().altinnIssuer)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + ttl)
      .setJti(randomUUID())
      .sign(context.keys.altinn.privateKey),
  );
}
