// Follows Digdir's Maskinporten docs: https://docs.digdir.no/docs/Maskinporten/maskinporten_protocol_token
import type { Router } from '../core/router';
import type { SandboxContext } from '../context';
import { sendJson } from '../core/respond';
import { issueAccessToken } from './accessTokenIssuer';
import { GrantRejection, reject } from './grantRejection';
import { validateGrant } from './grantValidation';
import { ReplayGuard } from './replayGuard';
import { maskinportenStats } from './stats';

/** POST /maskinporten/token — the JWT-bearer grant, validated strictly like the real Maskinporten. */
export function registerTokenEndpoint(router: Router, context: SandboxContext): void {
  const replay = new ReplayGuard();
  const stats = maskinportenStats(context);
  router.post('/maskinporten/token', async ({ req, res, body }) => {
    stats.tokenRequests++;
    try {
      const contentType = req.headers['content-type'] ?? '';
      if (!/^application\/x-www-form-urlencoded\b/i.test(contentType)) {
        throw reject.request('MP-011', 'The token request must be application/x-www-form-urlencoded');
      }
      const form = new URLSearchParams((await body()).toString('utf8'));
      const grant = validateGrant(form, context, replay);
      const token = await issueAccessToken(context, grant);
      stats.tokensIssued++;
      sendJson(res, 200, token, { 'cache-control': 'no-store', pragma: 'no-cache' });
    } catch (error) {
      if (!(error instanceof GrantRejection)) throw error;
      stats.rejections++;
      error.send(res);
    }
  });
}
