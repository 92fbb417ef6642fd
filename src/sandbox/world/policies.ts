import type { SandboxWorld } from './types';

const RESOURCE_PREFIX = 'urn:altinn:resource:';

/**
 * Which roles and access packages each resource's policy names (the subject → resource mapping Altinn Authorization
 * keeps and Dialogporten reads as "subject resources", Altinn/dialogporten
 * Infrastructure/Altinn/Authorization/AuthorizationHelper.cs). Access packages are real codes from
 * Altinn/altinn-authorization-tmp (AccessMgmt.PersistenceEF/Constants); the mapping itself is the sandbox's choice.
 * Roles: DAGL (daglig leder) and LEDE (styrets leder) reach every organisation resource, PRIV every resource of a
 * person's own party.
 */
const PACKAGE_RESOURCES: Readonly<Record<string, readonly string[]>> = {
  'urn:altinn:accesspackage:skatt-naering': ['skd-skattemelding'],
  'urn:altinn:accesspackage:merverdiavgift': ['skd-mva-melding'],
  'urn:altinn:accesspackage:a-ordning': ['skd-a-melding'],
  'urn:altinn:accesspackage:sykefravaer': ['nav-sykmelding'],
  'urn:altinn:accesspackage:ansettelsesforhold': ['nav-inntektsmelding'],
  'urn:altinn:accesspackage:regnskap-okonomi-rapport': ['brg-arsregnskap'],
  'urn:altinn:accesspackage:ordinaer-post-til-virksomheten': ['digdir-testmelding', 'altinn-correspondence-test'],
  // Client packages: delegated to an agent system user for its clients (accountants, auditors), never to a standard one.
  'urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet': [
    'skd-mva-melding',
    'skd-a-melding',
    'brg-arsregnskap',
  ],
  'urn:altinn:accesspackage:regnskapsforer-uten-signeringsrettighet': ['skd-mva-melding', 'brg-arsregnskap'],
  'urn:altinn:accesspackage:regnskapsforer-lonn': ['skd-a-melding', 'nav-sykmelding', 'nav-inntektsmelding'],
  'urn:altinn:accesspackage:ansvarlig-revisor': ['brg-arsregnskap'],
};

/** Access packages meant for client relationships (agent system users), as Altinn's access-package catalogue marks them. */
export const CLIENT_PACKAGES: readonly string[] = [
  'urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet',
  'urn:altinn:accesspackage:regnskapsforer-uten-signeringsrettighet',
  'urn:altinn:accesspackage:regnskapsforer-lonn',
  'urn:altinn:accesspackage:ansvarlig-revisor',
];

/** Every access package the sandbox knows (its policies name them). */
export function knownAccessPackages(): string[] {
  return Object.keys(PACKAGE_RESOURCES);
}

const ROLES_FOR_EVERY_RESOURCE = new Set(['DAGL', 'LEDE', 'PRIV']);

/** Access packages a daglig leder holds through the role (a subset, as Access Management lists them). */
export const MANAGER_PACKAGES: readonly string[] = [
  'urn:altinn:accesspackage:skatt-naering',
  'urn:altinn:accesspackage:merverdiavgift',
  'urn:altinn:accesspackage:ordinaer-post-til-virksomheten',
];

/** The access package that gives ordinary mail to the business (Correspondence) and nothing else. */
export const MAIL_PACKAGE = 'urn:altinn:accesspackage:ordinaer-post-til-virksomheten';

export function allResourceIds(world: Pick<SandboxWorld, 'serviceOwners'>): string[] {
  return world.serviceOwners.flatMap((o) => o.resources.map(bareId));
}

/** Bare resource ids a role or access package reaches. */
export function resourcesOfSubject(world: Pick<SandboxWorld, 'serviceOwners'>, subject: string): string[] {
  if (ROLES_FOR_EVERY_RESOURCE.has(subject.toUpperCase())) return allResourceIds(world);
  const known = new Set(allResourceIds(world));
  return (PACKAGE_RESOURCES[subject.toLowerCase()] ?? []).filter((r) => known.has(r));
}

/** Roles and access packages whose policy names this resource (bare id or URN). */
export function subjectsOfResource(
  world: Pick<SandboxWorld, 'serviceOwners'>,
  resourceId: string,
): { roles: string[]; accessPackages: string[] } {
  const id = bareId(resourceId);
  return {
    roles: allResourceIds(world).includes(id) ? ['DAGL', 'LEDE', 'PRIV'] : [],
    accessPackages: Object.entries(PACKAGE_RESOURCES)
      .filter(([, resources]) => resources.includes(id))
      .map(([urn]) => urn),
  };
}

function bareId(resource: string): string {
  return resource.startsWith(RESOURCE_PREFIX) ? resource.slice(RESOURCE_PREFIX.length) : resource;
}
