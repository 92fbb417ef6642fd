import { isPrincipal } from '../core/principal';
import { send, sendJson, sendProblem } from '../core/respond';
import type { Router } from '../core/router';
import type { SandboxContext } from '../context';
import { buildAuthorizedParties } from './authorizedParties';
import { parseAuthorizedPartiesQuery } from './authorizedPartiesQuery';
import { resolveCallerAccess } from './callerAccess';

export const AUTHORIZED_PARTIES_SCOPES = ['altinn:accessmanagement/authorizedparties', 'altinn:portal/enduser'];

/** Access management: the end-user authorized-parties list (`{ links: { next }, data: AuthorizedPartyDto[] }`). */
export async function registerAccessManagement(router: Router, context: SandboxContext): Promise<void> {
  router.get('/accessmanagement/api/v1/enduser/authorizedparties', async (ctx) => {
    const result = await context.verifier.authenticate(ctx.req, AUTHORIZED_PARTIES_SCOPES);
    if (!isPrincipal(result)) {
      if (result.status === 403) return send(ctx.res, 403, '');
      return send(ctx.res, 401, '', {
        'www-authenticate': result.error === 'invalid_token' ? 'Bearer error="invalid_token"' : 'Bearer',
      });
    }
    // Access Management validates Altinn tokens only: a Maskinporten token must be exchanged first.
    if (result.issuer !== 'altinn')
      return send(ctx.res, 401, '', {
        'www-authenticate': 'Bearer error="invalid_token", error_description="The issuer is invalid"',
      });
    const parsed = parseAuthorizedPartiesQuery(ctx.query);
    if (!parsed.ok)
      return sendProblem(ctx.res, {
        status: 400,
        title: 'One or more validation errors occurred.',
        errors: parsed.errors,
      });
    const access = resolveCallerAccess(context.world, result);
    if (access.kind !== 'person' && access.kind !== 'systemUser') {
      return send(ctx.res, 401, 'Unknown user type', { 'content-type': 'text/plain; charset=utf-8' });
    }
    sendJson(ctx.res, 200, {
      links: { next: null },
      data: buildAuthorizedParties(context.world, access, parsed.query),
    });
  });
}
