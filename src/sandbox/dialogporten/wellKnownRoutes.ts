// Follows Altinn/dialogporten: src/Digdir.Domain.Dialogporten.WebApi/Endpoints/V1/WellKnown/ and Endpoints/V1/Metadata/Limits/Get/GetLimitsEndpoint.cs
import type { SandboxContext } from '../context';
import { sendJson } from '../core/respond';
import type { Router } from '../core/router';
import { dialogTokenIssuer } from './dialogToken';
import { END_USER_SEARCH_LIMITS } from './searchQuery';

/** Anonymous metadata: the dialog-token keys, OAuth metadata pointing at them, and the search limits. */
export function registerWellKnownRoutes(router: Router, context: SandboxContext): void {
  router.get('/dialogporten/api/v1/.well-known/jwks.json', ({ res }) => {
    const { kty, crv, x, kid, alg, use } = context.keys.dialogporten.publicJwk;
    sendJson(res, 200, { keys: [{ kty, crv, x, kid, alg, use }] }, { 'cache-control': 'public, max-age=3600' });
  });
  router.get('/dialogporten/api/v1/.well-known/oauth-authorization-server', ({ res }) => {
    const issuer = dialogTokenIssuer(context);
    sendJson(res, 200, { issuer, jwks_uri: `${issuer}/.well-known/jwks.json` });
  });
  router.get('/dialogporten/api/v1/metadata/limits', ({ res }) => {
    sendJson(res, 200, {
      endUserSearch: { ...END_USER_SEARCH_LIMITS },
      serviceOwnerSearch: {
        maxPartyFilterValues: 20,
        maxServiceResourceFilterValues: 20,
        maxExtendedStatusFilterValues: 20,
      },
    });
  });
}
