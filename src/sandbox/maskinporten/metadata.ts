// Follows felleslosninger/docs: _docs/Maskinporten/maskinporten_func_wellknown.md (https://docs.digdir.no/docs/Maskinporten/maskinporten_func_wellknown)
import type { Router } from '../core/router';
import type { SandboxContext } from '../context';
import { sendJson } from '../core/respond';

/** RFC 8414 metadata and the JWKS that verifies the sandbox's Maskinporten access tokens (real: /jwk). */
export function registerMaskinportenMetadata(router: Router, context: SandboxContext): void {
  router.get('/maskinporten/.well-known/oauth-authorization-server', ({ res }) => {
    const issuer = context.urls().maskinportenIssuer;
    sendJson(res, 200, {
      issuer,
      token_endpoint: `${issuer}token`,
      jwks_uri: `${issuer}jwk`,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      grant_types_supported: ['urn:ietf:params:oauth:grant-type:jwt-bearer'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256', 'RS384', 'RS512'],
      authorization_details_types_supported: ['urn:altinn:systemuser'],
    });
  });
  router.get('/maskinporten/jwk', ({ res }) => {
    sendJson(res, 200, { keys: [context.keys.maskinporten.publicJwk] });
  });
}
