import { bareResourceId } from '../../platform/identifiers';
/*
 * Which resources to list Altinn Correspondence for, per party. The Correspondence API lists one resource at a time,
 * so the extension must name them. Access Management's `authorizedResources` is no help: it holds direct resource
 * delegations only (Altinn/altinn-authorization-tmp, AccessMgmt.Core/Services/AuthorizedPartiesServiceEf.cs), so a
 * daglig leder or a system user with access packages gets nothing there. In order:
 *  1. Dialogporten's GET /api/v1/enduser/serviceresources?party=…: every resource the caller reaches at the party by
 *     any route, among those the party's dialogs reference (Altinn/dialogporten,
 *     Infrastructure/Altinn/Authorization/AuthorizedServiceResourcesProvider.cs); kept when its type is
 *     CorrespondenceService, the only type Correspondence sends new messages on (Altinn/altinn-correspondence,
 *     Application/InitializeCorrespondences/InitializeCorrespondenceValidationHelper.cs).
 *  2. If that gives nothing (or fails): the `serviceResource` of the party's dialogs whose `serviceResourceType` is
 *     CorrespondenceService. Correspondence creates one such dialog per message (Integrations/Dialogporten/Mappers/
 *     CreateDialogRequestMapper.cs); Dialogporten stores the type lowercased (Application/Externals/IResourceRegistry.cs).
 *  3. The setting altinnInbox.correspondence.resources, always added.
 * This module has no vscode import so it can be tested as it is.
 */

export type ResourceSource = 'serviceResources' | 'dialogs' | 'setting';

export interface DiscoveredResource {
  /** Bare resource id (no `urn:altinn:resource:`), lowercase. */
  readonly id: string;
  /** Every source that named it, in the order above. */
  readonly sources: readonly ResourceSource[];
}

export interface ResourceDiscovery {
  readonly resources: readonly DiscoveredResource[];
  /** Sources that were asked and failed, with the reason (the next source was then asked). */
  readonly failures: readonly { readonly source: ResourceSource; readonly error: unknown }[];
  /** The sources that were asked (a source that was not needed is left out). */
  readonly asked: readonly ResourceSource[];
}

/** The parts of a serviceresources answer and of a dialog list item this needs. */
export interface ServiceResourcesAnswer {
  readonly items?:
    readonly { readonly serviceResource: { readonly id: string; readonly resourceType?: string } }[] | null;
}
export interface DialogResourceRef {
  readonly serviceResource: string;
  readonly serviceResourceType?: string;
}

export interface DiscoverySources {
  /** serviceresources for this one party. */
  serviceResources(): Promise<ServiceResourcesAnswer>;
  /** Some of the party's dialogs (one search page is enough to find the resources in use). */
  dialogs(): Promise<readonly DialogResourceRef[]>;
  /** The setting's resource ids. */
  readonly configured: readonly string[];
}

const CORRESPONDENCE_TYPE = 'correspondenceservice';

/** The bare id, trimmed and lower-cased as Dialogporten gives resource ids. */
function normalisedResourceId(resource: string): string {
  return bareResourceId(resource.trim().toLowerCase());
}

export function isCorrespondenceType(resourceType: string | undefined | null): boolean {
  return (resourceType ?? '').toLowerCase() === CORRESPONDENCE_TYPE;
}

export async function discoverCorrespondenceResources(sources: DiscoverySources): Promise<ResourceDiscovery> {
  const found = new Map<string, ResourceSource[]>();
  const add = (id: string, source: ResourceSource): void => {
    const key = normalisedResourceId(id);
    if (!key) return;
    const list = found.get(key) ?? [];
    if (!list.includes(source)) list.push(source);
    found.set(key, list);
  };
  const failures: { source: ResourceSource; error: unknown }[] = [];
  const asked: ResourceSource[] = ['serviceResources'];
  try {
    const answer = await sources.serviceResources();
    for (const item of answer.items ?? [])
      if (isCorrespondenceType(item.serviceResource.resourceType)) add(item.serviceResource.id, 'serviceResources');
  } catch (error) {
    failures.push({ source: 'serviceResources', error });
  }
  if (found.size === 0) {
    asked.push('dialogs');
    try {
      for (const dialog of await sources.dialogs())
        if (isCorrespondenceType(dialog.serviceResourceType)) add(dialog.serviceResource, 'dialogs');
    } catch (error) {
      failures.push({ source: 'dialogs', error });
    }
  }
  if (sources.configured.length > 0) asked.push('setting');
  for (const id of sources.configured) add(id, 'setting');
  const resources = [...found].map(([id, list]) => ({ id, sources: list })).sort((a, b) => a.id.localeCompare(b.id));
  return { resources, failures, asked };
}

/**
 * The resources to list when there are more than `max`: only the setting's, if it names any (the user said which
 * ones they use); otherwise undefined (too many to list).
 */
export function resourcesWithin(discovery: ResourceDiscovery, max: number): readonly DiscoveredResource[] | undefined {
  if (discovery.resources.length <= max) return discovery.resources;
  const configured = discovery.resources.filter((r) => r.sources.includes('setting'));
  return configured.length > 0 && configured.length <= max ? configured : undefined;
}
