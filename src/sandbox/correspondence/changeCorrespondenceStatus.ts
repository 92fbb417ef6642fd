// Follows Altinn/altinn-correspondence: src/Altinn.Correspondence.Application/MarkCorrespondenceAsRead/, ConfirmCorrespondence/, PurgeCorrespondence/ handlers
import { sendJson } from '../core/respond';
import type { RouteHandler } from '../core/router';
import type { SandboxCorrespondence } from '../data/correspondenceTypes';
import type { CorrespondenceDeps } from './correspondenceDeps';
import { CORRESPONDENCE_ERRORS, sendCorrespondenceError, type CorrespondenceError } from './correspondenceErrors';
import { acceptsJson, authorizeCorrespondenceCall, type CorrespondencePolicy } from './correspondencePolicy';
import type { CorrespondenceStore } from './correspondenceStore';
import { guidParametersValid } from './guidParameter';
import { checkRecipientAccess } from './recipientAccess';

type Action = 'markasread' | 'confirm' | 'purge';

const POLICIES: Record<Action, CorrespondencePolicy> = {
  markasread: 'recipient',
  confirm: 'recipient',
  purge: 'senderOrRecipient',
};

/** POST …/{id}/markasread, POST …/{id}/confirm, DELETE …/{id}/purge: 200 with the id as a JSON string, or the service's error. */
export function changeCorrespondenceStatus(deps: CorrespondenceDeps, action: Action): RouteHandler {
  return async (ctx) => {
    const principal = await authorizeCorrespondenceCall(deps.context, ctx, POLICIES[action]);
    if (!principal || !acceptsJson(ctx) || !guidParametersValid(ctx, 'correspondenceId')) return;
    const c = deps.store.get(ctx.params.correspondenceId);
    if (!c) return sendCorrespondenceError(ctx.res, CORRESPONDENCE_ERRORS.notFound);
    const denied = checkRecipientAccess(deps.context.world, principal, c);
    if (denied) return sendCorrespondenceError(ctx.res, denied);
    const refused = precondition(deps.store, c, action);
    if (refused) return sendCorrespondenceError(ctx.res, refused);
    if (action === 'markasread') deps.store.record(c, 'Read');
    else if (action === 'confirm') deps.store.record(c, 'Confirmed');
    else deps.store.record(c, 'PurgedByRecipient');
    sendJson(ctx.res, 200, c.correspondenceId);
  };
}

function precondition(
  store: CorrespondenceStore,
  c: SandboxCorrespondence,
  action: Action,
): CorrespondenceError | undefined {
  if (action === 'purge') {
    if (store.isPurged(c)) return CORRESPONDENCE_ERRORS.alreadyPurged;
    if (!store.isAvailableForRecipient(c)) return CORRESPONDENCE_ERRORS.notFound;
    if (c.isConfirmationNeeded && !store.hasBeen(c, 'Confirmed')) return CORRESPONDENCE_ERRORS.purgeBeforeConfirmed;
    return undefined;
  }
  if (!store.isAvailableForRecipient(c)) return CORRESPONDENCE_ERRORS.notFound;
  if (action === 'markasread') {
    if (!store.hasBeen(c, 'Fetched')) return CORRESPONDENCE_ERRORS.readBeforeFetched;
    if (store.hasBeen(c, 'Read')) return CORRESPONDENCE_ERRORS.alreadyRead;
    return undefined;
  }
  if (!store.hasBeen(c, 'Fetched')) return CORRESPONDENCE_ERRORS.confirmBeforeFetched;
  if (store.hasBeen(c, 'Confirmed')) return CORRESPONDENCE_ERRORS.alreadyConfirmed;
  return undefined;
}
