// Follows Altinn/altinn-correspondence: src/Altinn.Correspondence.Application/GetCorrespondenceOverview/GetCorrespondenceOverviewHandler.cs, GetCorrespondenceDetails/GetCorrespondenceDetailsHandler.cs
import { resolveCallerAccess } from '../accessManagement/callerAccess';
import { sendJson } from '../core/respond';
import type { RouteHandler } from '../core/router';
import type { CorrespondenceDeps } from './correspondenceDeps';
import { toDetailsJson, toOverviewJson } from './correspondenceJson';
import { CORRESPONDENCE_ERRORS, sendCorrespondenceError } from './correspondenceErrors';
import { acceptsJson, authorizeCorrespondenceCall, isSenderToken } from './correspondencePolicy';
import { guidParametersValid } from './guidParameter';
import { checkReadAccess } from './recipientAccess';

/**
 * GET …/correspondence/{id} (overview) and …/{id}/details. Like the real service, a recipient call is not read-only:
 * it records the status Fetched (shown in `statusHistory`, never as `status`), which markasread/confirm require.
 */
export function getCorrespondence(deps: CorrespondenceDeps, view: 'overview' | 'details'): RouteHandler {
  return async (ctx) => {
    const principal = await authorizeCorrespondenceCall(deps.context, ctx, 'senderOrRecipient');
    if (!principal || !acceptsJson(ctx) || !guidParametersValid(ctx, 'correspondenceId')) return;
    const c = deps.store.get(ctx.params.correspondenceId);
    if (!c) return sendCorrespondenceError(ctx.res, CORRESPONDENCE_ERRORS.notFound);
    const denied = checkReadAccess(deps.context.world, principal, c);
    if (denied) return sendCorrespondenceError(ctx.res, denied);
    if (!deps.store.isAvailableForRecipient(c)) return sendCorrespondenceError(ctx.res, CORRESPONDENCE_ERRORS.notFound);
    const current = deps.store.currentStatus(c);
    // The overview handler debounces Fetched (15 s per caller party); the details handler records it every time
    // (altinn-correspondence, src/Altinn.Correspondence.Application/GetCorrespondenceOverview and GetCorrespondenceDetails).
    if (!isSenderToken(principal)) {
      if (view === 'overview')
        deps.store.recordFetched(c, resolveCallerAccess(deps.context.world, principal).ownParty ?? '');
      else deps.store.record(c, 'Fetched');
    }
    const body =
      view === 'overview' ? toOverviewJson(c, current) : toDetailsJson(c, current, deps.context.clock.nowMs());
    sendJson(ctx.res, 200, body);
  };
}
