// Follows Altinn/altinn-authentication: src/Authentication/Controllers/OpenIdController.cs
import type { Router } from '../core/router';
import type { SandboxContext } from '../context';
import { sendJson } from '../core/respond';

/** OpenID metadata and JWKS of the Altinn token issuer (same paths as platform.tt02.altinn.no). */
export function registerOpenIdMetadata(router: Router, context: SandboxContext): void {
  router.get('/authentication/api/v1/openid/.well-known/openid-configuration', ({ res }) => {
    const issuer = context.urls().altinnIssuer;
    sendJson(res, 200, {
      issuer,
      jwks_uri: `${issuer}.well-known/openid-configuration/jwks`,
      token_endpoint_auth_signing_alg_values_supported: ['RS256'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['token'],
      subject_types_supported: ['public'],
    });
  });
  router.get('/authentication/api/v1/openid/.well-known/openid-configuration/jwks', ({ res }) => {
    sendJson(res, 200, { keys: [context.keys.altinn.publicJwk] });
  });
}
