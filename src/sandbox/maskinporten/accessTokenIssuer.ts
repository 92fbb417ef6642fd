// Follows Digdir's Maskinporten docs: https://docs.digdir.no/docs/Maskinporten/maskinporten_protocol_token and https://docs.digdir.no/docs/Maskinporten/maskinporten_func_systembruker (authorization_details in the token)
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { noteSecret } from '../../platform/secretLedger';
import type { SandboxContext } from '../context';
import type { ValidGrant } from './grantValidation';

export const ACCESS_TOKEN_LIFETIME_SECONDS = 120;

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

/** Signs a Maskinporten access token with the documented claims (AUTH-AND-CORRESPONDENCE.md §A, "Access-token claims"). */
export async function issueAccessToken(context: SandboxContext, grant: ValidGrant): Promise<TokenResponse> {
  const iat = context.clock.nowSeconds();
  const consumer = { authority: 'iso6523-actorid-upis', ID: `0192:${grant.consumerOrganisationNumber}` };
  const scope = grant.scopes.join(' ');
  const claims: Record<string, unknown> = {
    client_id: grant.client.clientId,
    client_amr: grant.clientAmr,
    consumer,
    scope,
    token_type: 'Bearer',
  };
  if (grant.pid) claims.pid = grant.pid;
  if (grant.systemUser) {
    claims.authorization_details = [
      {
        type: 'urn:altinn:systemuser',
        systemuser_id: [grant.systemUser.id],
        systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${grant.systemUser.organisationNumber}` },
        system_id: grant.systemUser.systemId,
      },
    ];
  }
  const key = context.keys.maskinporten;
  const accessToken = noteSecret(
    'maskinporten-token',
    await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .setIssuer(context.urls().maskinportenIssuer)
      .setAudience(
        grant.resource ? (grant.resource.length === 1 ? grant.resource[0] : [...grant.resource]) : 'unspecified',
      )
      .setIssuedAt(iat)
      .setExpirationTime(iat + ACCESS_TOKEN_LIFETIME_SECONDS)
      .setJti(randomUUID())
      .sign(key.privateKey),
  );
  return { access_token: accessToken, token_type: 'Bearer', expires_in: ACCESS_TOKEN_LIFETIME_SECONDS, scope };
}
