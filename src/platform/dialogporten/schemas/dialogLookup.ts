import { z } from 'zod';
import { guid, localizations } from './primitives';

const lookupServiceResource = z.looseObject({
  id: z.string(),
  isDelegable: z.boolean().optional(),
  minimumAuthenticationLevel: z.number().int().optional(),
  name: localizations.nullish(),
});

const lookupServiceOwner = z.looseObject({
  orgNumber: z.string().optional(),
  code: z.string(),
  name: localizations.nullish(),
});

const evidenceItem = z.looseObject({
  grantType: z.enum(['Role', 'AccessPackage', 'ResourceDelegation', 'InstanceDelegation']).or(z.string()),
  subject: z.string(),
  name: localizations.nullish(),
  links: z.looseObject({ metadata: z.string().optional() }).nullish(),
});

const authorizationEvidence = z.looseObject({
  currentAuthenticationLevel: z.number().int().optional(),
  viaRole: z.boolean().optional(),
  viaAccessPackage: z.boolean().optional(),
  viaResourceDelegation: z.boolean().optional(),
  viaInstanceDelegation: z.boolean().optional(),
  evidence: z.array(evidenceItem).nullish(),
});

/** GET /api/v1/enduser/dialoglookup?instanceRef=… */
export const dialogLookupSchema = z.looseObject({
  dialogId: guid,
  instanceRef: z.string(),
  party: z.string(),
  title: localizations.nullish(),
  serviceResource: lookupServiceResource,
  serviceOwner: lookupServiceOwner,
  authorizationEvidence: authorizationEvidence.optional(),
});

export type DialogLookup = z.infer<typeof dialogLookupSchema>;
