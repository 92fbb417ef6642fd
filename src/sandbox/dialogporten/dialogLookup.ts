// Follows Altinn/dialogporten: src/Digdir.Domain.Dialogporten.Application/Features/V1/EndUser/DialogLookup/Queries/Get/GetDialogLookupQuery.cs,
// Features/V1/Common/IdentifierLookup/IdentifierLookupDialogResolver.cs (finding the dialog, the reference it answers
// with) and WebApi/Endpoints/V1/EndUser/DialogLookup/Queries/Get/GetDialogLookupEndpoint.cs (400/403/404).
import type { SandboxContext } from '../context';
import { sendApiJson } from './apiJson';
import type { RequestContext } from '../core/router';
import type { DialogStore } from '../data/dialogStore';
import type { Localization, StoredDialog } from '../data/dialogTypes';
import { canSee, type DialogportenCaller } from './caller';
import { instanceRefOfDialog, lookupLabelOf, parseInstanceRef, type InstanceRef } from './instanceRef';
import { sendValidationFailures } from './problems';
import { acceptedLanguages, prune } from './serviceResources';

const INVALID_REF =
  "InstanceRef must be a supported identifier: 'urn:altinn:instance-id:{partyId}/{uuid}', 'urn:altinn:correspondence-id:{uuid}' or 'urn:altinn:dialog-id:{uuid}'.";

/** GET /api/v1/enduser/dialoglookup?instanceRef=…: dialog, correspondence or app-instance reference → dialog metadata. */
export function lookupDialog(
  request: RequestContext,
  caller: DialogportenCaller,
  context: SandboxContext,
  store: DialogStore,
): void {
  const raw = queryValue(request.query, 'instanceRef') ?? '';
  const ref = parseInstanceRef(raw);
  if (!ref)
    return sendValidationFailures(request.res, request.url.pathname, 400, [
      { property: 'InstanceRef', message: INVALID_REF },
    ]);
  const dialog = resolve(store, ref);
  if (!dialog)
    return sendValidationFailures(request.res, request.url.pathname, 404, [
      { property: 'InstanceRef', message: `Entity 'InstanceRef' with the following key(s) was not found: (${raw}).` },
    ]);
  // Forbidden(params string[] reasons) → one failure per reason, under the property name "Forbidden".
  if (!canSee(caller, dialog))
    return sendValidationFailures(request.res, request.url.pathname, 403, [
      { property: 'Forbidden', message: 'Forbidden' },
    ]);
  const languages = acceptedLanguages(request.req.headers['accept-language']);
  const owner = context.world.serviceOwners.find((o) => o.code === dialog.fields.org);
  const content = dialog.body().content as { title?: { value?: Localization[] } } | undefined;
  const resources = caller.grants.get(dialog.fields.party);
  const viaRole = caller.kind === 'person' && resources === null;
  sendApiJson(request.res, 200, {
    dialogId: dialog.fields.id,
    instanceRef: ref.type === 'dialog' ? instanceRefOfDialog(dialog.fields.id, dialog.serviceOwnerLabels()) : ref.value,
    party: dialog.fields.party,
    title: prune(content?.title?.value ?? [], languages),
    serviceResource: {
      id: dialog.fields.serviceResource.replace(/^urn:altinn:resource:/i, ''),
      isDelegable: true,
      minimumAuthenticationLevel: 3,
      name: prune(
        [{ value: dialog.fields.serviceResource.replace(/^urn:altinn:resource:/i, ''), languageCode: 'nb' }],
        languages,
      ),
    },
    serviceOwner: {
      orgNumber: owner?.organisationNumber ?? '',
      code: dialog.fields.org,
      name: prune(
        owner ? (['nb', 'nn', 'en'] as const).map((l) => ({ value: owner.name[l], languageCode: l })) : [],
        languages,
      ),
    },
    authorizationEvidence: {
      currentAuthenticationLevel: caller.authenticationLevel,
      viaRole,
      viaAccessPackage: false,
      viaResourceDelegation: !viaRole,
      viaInstanceDelegation: false,
      evidence: [
        viaRole
          ? {
              grantType: 'Role',
              subject: dialog.fields.party.includes(':person:')
                ? 'urn:altinn:rolecode:PRIV'
                : 'urn:altinn:rolecode:DAGL',
              name: [{ value: 'Daglig leder', languageCode: 'nb' }],
              links: null,
            }
          : { grantType: 'ResourceDelegation', subject: dialog.fields.serviceResource, name: null, links: null },
      ],
    },
  });
}

/**
 * A dialog id directly; anything else by the service-owner label it maps to (an app instance by its storage label).
 * Deleted dialogs are filtered out first, so they answer 404 like unknown ones.
 */
function resolve(store: DialogStore, ref: InstanceRef): StoredDialog | undefined {
  if (ref.type === 'dialog') {
    const dialog = store.get(ref.id);
    return dialog && !dialog.state.deleted ? dialog : undefined;
  }
  const label = lookupLabelOf(ref);
  const matches = store.findByServiceOwnerLabel(label);
  // IdentifierLookupDialogResolver throws (a 500) when a label is on more than one live dialog.
  if (matches.length > 1) throw new Error(`Multiple dialogs found with service owner label '${label}'.`);
  return matches[0];
}

/** ASP.NET binds query parameters by name without regard to case. */
function queryValue(query: URLSearchParams, name: string): string | undefined {
  for (const [key, value] of query) if (key.toLowerCase() === name.toLowerCase()) return value;
  return undefined;
}
