import type { SandboxContext } from '../context';
import { correspondenceStoreOf } from '../correspondence';
import type { DialogStore } from '../data/dialogStore';
import { DIALOG_THEMES } from '../data/dialogTexts';
import { subjectsOfResource } from '../world/policies';
import type { DialogportenCaller } from './caller';

/*
 * GET /api/v1/enduser/serviceresources, after Altinn/dialogporten:
 * - WebApi/Endpoints/V1/EndUser/ServiceResources/Search/SearchAuthorizedServiceResourcesEndpoint.cs (end-user policy, `party` query);
 * - Application/Features/V1/EndUser/ServiceResources/Queries/Search/SearchAuthorizedServiceResourcesQuery{,Validator}.cs;
 * - Infrastructure/Altinn/Authorization/AuthorizedServiceResourcesProvider.cs and AuthorizationHelper.cs: per party, the
 *   resources reached through roles and access packages plus the directly delegated ones, pruned to the resources that
 *   party's dialogs reference, then the union over the (filtered) parties;
 * - Infrastructure/ServiceResourceMetadata/ServiceResourceMetadataCatalogue.cs and
 *   Application/Features/V1/Common/ServiceResourceMetadata/*: one item per referenced resource, ids, types and owner codes
 *   lowercased (Application/Externals/IResourceRegistry.cs), names pruned to one language and sorted by it.
 */

const RESOURCE_PREFIX = 'urn:altinn:resource:';
/** ApplicationSettings.Limits.EndUserSearch.MaxPartyFilterValues (appsettings.json). */
export const MAX_PARTY_FILTER_VALUES = 100;
/** AuthorizedServiceResources.MaxAuthorizedPartiesBeforeFullCatalogue: above it an unfiltered call gets every referenced resource. */
const MAX_PARTIES_BEFORE_FULL_CATALOGUE = 1000;
const PARTY =
  /^urn:altinn:(person:identifier-no:\d{11}|organization:identifier-no:\d{9}|person:legacy-selfidentified:.+|person:idporten-email:.+)$/i;

type Localization = { languageCode: string; value: string };

export type ServiceResourcesOutcome =
  | { readonly kind: 'ok'; readonly body: { isFullCatalogueFallback: true | null; items: Record<string, unknown>[] } }
  | { readonly kind: 'invalid'; readonly errors: Record<string, string[]> };

/** Answers one call for `caller` with the `party` values of the query and its Accept-Language header. */
export function searchAuthorizedServiceResources(
  context: SandboxContext,
  store: DialogStore,
  caller: DialogportenCaller,
  partyFilter: readonly string[],
  acceptLanguage: string | undefined,
): ServiceResourcesOutcome {
  const errors = validate(partyFilter);
  if (errors) return { kind: 'invalid', errors };
  const filter = partyFilter.length > 0 ? new Set(partyFilter.map((p) => p.toLowerCase())) : undefined;
  const catalogue = referencedResources(store);
  let selected: Set<string>;
  if (!filter && caller.grants.size > MAX_PARTIES_BEFORE_FULL_CATALOGUE) {
    selected = catalogue;
  } else {
    selected = new Set();
    for (const [party, granted] of caller.grants) {
      // Parties the caller is not authorized for are silently ignored.
      if (filter && !filter.has(party.toLowerCase())) continue;
      for (const dialog of store.dialogsOf(party)) {
        const resource = dialog.fields.serviceResource.toLowerCase();
        if (granted === null || granted.has(resource) || granted.has(dialog.fields.serviceResource))
          selected.add(resource);
      }
    }
  }
  const languages = acceptedLanguages(acceptLanguage);
  const items = [...selected]
    .filter((r) => catalogue.has(r))
    .map((r) => metadataItem(context, r, languages))
    .sort(
      (a, b) =>
        sortName(a.serviceResource.name).localeCompare(sortName(b.serviceResource.name), 'nb', {
          sensitivity: 'base',
        }) || a.serviceResource.id.localeCompare(b.serviceResource.id),
    );
  return { kind: 'ok', body: { isFullCatalogueFallback: selected === catalogue ? true : null, items } };
}

/** SearchAuthorizedServiceResourcesQueryValidator: 1–100 party values, each a valid party identifier. */
function validate(parties: readonly string[]): Record<string, string[]> | undefined {
  const errors: Record<string, string[]> = {};
  if (parties.length > MAX_PARTY_FILTER_VALUES)
    errors['Parties.Length'] = [
      `'Parties Length' must be between 1 and ${MAX_PARTY_FILTER_VALUES}. You entered ${parties.length}.`,
    ];
  parties.forEach((party, index) => {
    if (!PARTY.test(party)) {
      errors[`Parties[${index}]`] = [
        "'Parties' must be on format 'urn:altinn:organization:identifier-no:{norwegian org-nr}', 'urn:altinn:person:identifier-no:{norwegian f-nr/d-nr}', 'urn:altinn:person:legacy-selfidentified:{username}' or 'urn:altinn:person:idporten-email:{e-mail}' with valid values, respectively.",
      ];
    }
  });
  return Object.keys(errors).length > 0 ? errors : undefined;
}

/** Every resource some dialog references (the PartyResourceReference table behind the catalogue). */
function referencedResources(store: DialogStore): Set<string> {
  const out = new Set<string>();
  for (const party of store.partyUrns())
    for (const dialog of store.dialogsOf(party)) out.add(dialog.fields.serviceResource.toLowerCase());
  return out;
}

interface MetadataItem {
  serviceResource: {
    id: string;
    resourceType: string;
    status: string;
    isDelegable: boolean;
    minimumAuthenticationLevel: number;
    name: Localization[];
    links: { metadata: string };
  };
  roles: { urn: string; name: Localization[]; links: { metadata: string } }[];
  accessPackages: { urn: string; name: Localization[]; links: { metadata: string } }[];
  serviceOwner: { orgNumber: string; code: string; name: Localization[] };
  [field: string]: unknown;
}

function metadataItem(context: SandboxContext, resourceUrn: string, languages: readonly string[]): MetadataItem {
  const id = resourceUrn.startsWith(RESOURCE_PREFIX) ? resourceUrn.slice(RESOURCE_PREFIX.length) : resourceUrn;
  const owner = context.world.serviceOwners.find((o) => o.resources.some((r) => r.toLowerCase() === resourceUrn));
  const subjects = subjectsOfResource(context.world, id);
  const metadataBase = `${context.urls().dialogportenBase}/api/v1/metadata`;
  const known = RESOURCE_NAMES[id];
  // Without a registry title Dialogporten names the resource by its id, in nb (ServiceResourceMetadataItemBuilder.ToLocalizationDtos).
  const name = known
    ? [
        { languageCode: 'nb', value: known[0] },
        { languageCode: 'en', value: known[1] },
      ]
    : [{ languageCode: 'nb', value: id }];
  return {
    serviceResource: {
      id,
      resourceType: resourceTypeOf(context, id),
      status: 'completed',
      isDelegable: true,
      minimumAuthenticationLevel: 3,
      name: prune(name, languages),
      links: { metadata: `${metadataBase}/serviceresources/${id}` },
    },
    roles: subjects.roles.map((code) => ({
      urn: `urn:altinn:rolecode:${code.toLowerCase()}`,
      name: prune([{ languageCode: 'nb', value: code }], languages),
      links: { metadata: `${metadataBase}/roles/${code.toLowerCase()}` },
    })),
    accessPackages: subjects.accessPackages.map((urn) => ({
      urn,
      name: prune([{ languageCode: 'nb', value: urn.split(':').pop() ?? urn }], languages),
      links: { metadata: `${metadataBase}/accesspackages/${urn.split(':').pop()}` },
    })),
    serviceOwner: {
      orgNumber: owner?.organisationNumber ?? '',
      code: owner?.code ?? '',
      name: prune(
        owner
          ? [
              { languageCode: 'nb', value: owner.name.nb },
              { languageCode: 'nn', value: owner.name.nn },
              { languageCode: 'en', value: owner.name.en },
            ]
          : [],
        languages,
      ),
    },
  };
}

/** Resource registry titles of the world's resources (nb, en). */
const RESOURCE_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  'skd-skattemelding': ['Skattemelding', 'Tax return'],
  'skd-mva-melding': ['MVA-melding', 'VAT return'],
  'skd-a-melding': ['A-melding', 'A-message'],
  'nav-sykmelding': ['Sykmelding', 'Sick leave certificate'],
  'nav-inntektsmelding': ['Inntektsmelding', 'Income report'],
  'brg-arsregnskap': ['Årsregnskap', 'Annual accounts'],
  'digdir-testmelding': ['Testmelding fra Digdir', 'Test message from Digdir'],
  'altinn-correspondence-test': ['Altinn Melding – test', 'Altinn Correspondence test'],
};

/**
 * The sandbox's resource registry type: a resource Correspondence sends on is a CorrespondenceService (Correspondence
 * accepts no other type for new messages: Altinn/altinn-correspondence, Application/InitializeCorrespondences/
 * InitializeCorrespondenceValidationHelper.cs); otherwise the type of the dialogs made for it. Lowercased like Dialogporten.
 */
export function resourceTypeOf(context: SandboxContext, id: string): string {
  if (correspondenceStoreOf(context)?.items.some((c) => c.resourceId.toLowerCase() === id))
    return 'correspondenceservice';
  return (DIALOG_THEMES.find((t) => t.resource === id)?.serviceResourceType ?? 'GenericAccessResource').toLowerCase();
}

/** Accept-Language values by weight (the header's order breaks ties). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { code: tag.trim().toLowerCase().split('-')[0], weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => l.code && l.code !== '*' && l.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((l) => l.code);
}

/** LocalizationExtensions.PruneLocalizations: keep the first accepted language that exists, then en, then nb. */
export function prune(localizations: Localization[], languages: readonly string[]): Localization[] {
  if (languages.length === 0 || localizations.length === 0) return localizations;
  const fallback = languages.some((l) => l === 'sv' || l === 'da') ? ['nb', 'en'] : ['en', 'nb'];
  for (const code of [...languages, ...fallback]) {
    const hit = localizations.find((l) => l.languageCode === code);
    if (hit) return [hit];
  }
  return localizations;
}

/** ServiceResourceMetadataPruneExtensions.GetSortName: nb, then en, then the first. */
function sortName(name: readonly Localization[]): string {
  return (
    name.find((l) => l.languageCode === 'nb')?.value ??
    name.find((l) => l.languageCode === 'en')?.value ??
    name[0]?.value ??
    ''
  );
}
