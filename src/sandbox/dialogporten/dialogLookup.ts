// Follows Altinn/dialogporten: src/Digdir.Domain.Dialogporten.Application/Features/V1/EndUser/DialogLookup/Queries/Get/GetDialogLookupQuery.cs
import type { SandboxContext } from '../context';
import { sendProblem } from '../core/respond';
import { sendApiJson } from './apiJson';
import type { RequestContext } from '../core/router';
import type { DialogStore } from '../data/dialogStore';
import type { Localization, StoredDialog } from '../data/dialogTypes';
import { canSee, type DialogportenCaller } from './caller';
import { instanceOf, sendNotFound, sendValidationProblem } from './problems';

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const DIALOG_REF = new RegExp(`^urn:altinn:dialog-id:(${GUID})$`, 'i');
const CORRESPONDENCE_REF = new RegExp(`^urn:altinn:correspondence-id:(${GUID})$`, 'i');
const INSTANCE_REF = new RegExp(`^urn:altinn:instance-id:(\\d+)/(${GUID})$`, 'i');

/** GET /api/v1/enduser/dialoglookup?instanceRef=…: dialog, correspondence or app-instance reference → dialog metadata. */
export function lookupDialog(
  request: RequestContext,
  caller: DialogportenCaller,
  context: SandboxContext,
  store: DialogStore,
): void {
  const instanceRef = request.query.get('instanceRef') ?? request.query.get('instanceref') ?? '';
  let dialog: StoredDialog | undefined;
  const dialogRef = DIALOG_REF.exec(instanceRef);
  const correspondenceRef = CORRESPONDENCE_REF.exec(instanceRef);
  if (dialogRef) dialog = store.get(dialogRef[1]);
  else if (correspondenceRef) dialog = store.findByCorrespondenceId(correspondenceRef[1]);
  else if (!INSTANCE_REF.test(instanceRef)) {
    return sendValidationProblem(request.res, request.url.pathname, {
      instanceRef: [
        `'${instanceRef}' is not a supported instance reference. Use urn:altinn:dialog-id:{uuid}, urn:altinn:correspondence-id:{uuid} or urn:altinn:instance-id:{partyId}/{uuid}.`,
      ],
    });
  }
  if (!dialog || dialog.state.deleted) return sendNotFound(request.res, request.url.pathname, 'Dialog', instanceRef);
  if (!canSee(caller, dialog)) {
    return sendProblem(request.res, {
      status: 403,
      title: 'Forbidden',
      instance: instanceOf(request.url.pathname),
      detail: 'The authenticated end user is not authorized for the supplied instance reference.',
    });
  }
  const owner = context.world.serviceOwners.find((o) => o.code === dialog.fields.org);
  const content = dialog.body().content as { title?: { value?: Localization[] } } | undefined;
  const resources = caller.grants.get(dialog.fields.party);
  const viaRole = caller.kind === 'person' && resources === null;
  sendApiJson(request.res, 200, {
    dialogId: dialog.fields.id,
    instanceRef,
    party: dialog.fields.party,
    title: content?.title?.value ?? [],
    serviceResource: {
      id: dialog.fields.serviceResource,
      isDelegable: true,
      minimumAuthenticationLevel: 3,
      name: [{ value: dialog.fields.serviceResource.replace(/^urn:altinn:resource:/, ''), languageCode: 'nb' }],
    },
    serviceOwner: {
      orgNumber: owner?.organisationNumber ?? '',
      code: dialog.fields.org,
      name: owner ? (['nb', 'nn', 'en'] as const).map((l) => ({ value: owner.name[l], languageCode: l })) : [],
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
