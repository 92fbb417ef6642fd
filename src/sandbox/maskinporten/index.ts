import { noteSecret } from '../../platform/secretLedger';
import type { Router } from '../core/router';
import type { SandboxContext } from '../context';
import { registerFaultAdmin } from '../faults';
import { registerDefaultClient } from './defaultClient';
import { registerMaskinportenMetadata } from './metadata';
import { registerTokenEndpoint } from './tokenEndpoint';

export { maskinportenStats } from './stats';
export type { MaskinportenStats } from './stats';
export { SANDBOX_EXTERNAL_REF, SANDBOX_AGENT_EXTERNAL_REF, SANDBOX_AGENT_PACKAGE } from './defaultClient';
export { VENDOR_SCOPES, NOT_FOR_VENDOR_SCOPES } from './scopes';

export async function registerMaskinporten(router: Router, context: SandboxContext): Promise<void> {
  context.defaultClient = await registerDefaultClient(context);
  noteSecret('sandbox-private-key', JSON.stringify(context.defaultClient.privateJwk));
  registerTokenEndpoint(router, context);
  registerMaskinportenMetadata(router, context);
  // The fault admin endpoints belong to no emulated service; they are registered here so server.ts stays untouched.
  registerFaultAdmin(router, context);
}
