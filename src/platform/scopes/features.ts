import type { Bilingual, FeatureId } from './catalogue';

/** Satisfied when the token has any one of these scopes; the first is the one to ask for. */
export type ScopeRequirement = readonly [preferred: string, ...alternatives: string[]];

export interface FeatureDefinition {
  readonly id: FeatureId;
  readonly label: Bilingual;
  /** All of these requirements must be met. */
  readonly requires: readonly ScopeRequirement[];
  /**
   * The feature's API serves end users only: a person or a system user. Dialogporten's end-user API answers any other
   * token (a plain Maskinporten or organisation token, a service owner) with 403, whatever its scopes
   * (Altinn/dialogporten, src/Digdir.Domain.Dialogporten.WebApi/Common/Authentication/UserTypeValidationMiddleware.cs).
   */
  readonly needsEndUser?: boolean;
}

export const FEATURES: readonly FeatureDefinition[] = [
  {
    id: 'dialogportenInbox',
    label: { en: 'Dialogporten inbox', nb: 'Innboks i Dialogporten' },
    requires: [['digdir:dialogporten', 'digdir:dialogporten.noconsent']],
    needsEndUser: true,
  },
  {
    id: 'correspondence',
    label: { en: 'Altinn Correspondence (read as recipient)', nb: 'Altinn Melding (lese som mottaker)' },
    requires: [['altinn:correspondence.read']],
  },
  {
    id: 'authorizedParties',
    label: { en: 'Authorized parties', nb: 'Aktører man kan representere' },
    requires: [['altinn:accessmanagement/authorizedparties', 'altinn:portal/enduser']],
  },
  {
    id: 'systemRegister',
    label: { en: 'System register', nb: 'Systemregister' },
    requires: [['altinn:authentication/systemregister.write']],
  },
  {
    id: 'systemUserRequests',
    label: { en: 'System-user requests', nb: 'Forespørsler om systembruker' },
    requires: [['altinn:authentication/systemuser.request.write'], ['altinn:authentication/systemuser.request.read']],
  },
  {
    id: 'events',
    label: { en: 'Altinn Events subscriptions', nb: 'Abonnement i Altinn Events' },
    requires: [['altinn:events.subscribe']],
  },
];

export function featureDefinition(id: FeatureId): FeatureDefinition {
  const feature = FEATURES.find((candidate) => candidate.id === id);
  if (!feature) throw new Error(`unknown feature ${id}`);
  return feature;
}
