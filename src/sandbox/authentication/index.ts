import type { Router } from '../core/router';
import type { SandboxContext } from '../context';
import { registerTokenExchange } from './tokenExchange';
import { registerOpenIdMetadata } from './openIdMetadata';
import { registerTestTokens } from './testTokens';
import { registerSystemRegister } from '../systemRegister';

export { ALTINN_TOKEN_LIFETIME_SECONDS } from './tokenExchange';
export { personalTestTokenUrl } from './testTokens';

export async function registerAuthentication(router: Router, context: SandboxContext): Promise<void> {
  registerTokenExchange(router, context);
  registerOpenIdMetadata(router, context);
  registerTestTokens(router, context);
  registerSystemRegister(router, context);
}
