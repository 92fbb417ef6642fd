// Follows Altinn/altinn-correspondence: src/Altinn.Correspondence.Application/GetCorespondences/GetCorrespondencesHandler.cs, src/Altinn.Correspondence.Persistence/Repositories/CorrespondenceRepository.cs
import { decideAccess, resolveCallerAccess } from '../accessManagement/callerAccess';
import { sendJson } from '../core/respond';
import type { RouteHandler } from '../core/router';
import type { SandboxCorrespondence } from '../data/correspondenceTypes';
import type { CorrespondenceDeps } from './correspondenceDeps';
import { CORRESPONDENCE_ERRORS, sendCorrespondenceError, sendValidationProblem } from './correspondenceErrors';
import { acceptsJson, authorizeCorrespondenceCall } from './correspondencePolicy';
import { parseListQuery, type ListQuery } from './listQuery';

/** The service returns at most this many ids and has no paging. */
const MAX_IDS = 1000;
const HIDDEN_FROM_SENDER_LIST = new Set(['Archived', 'PurgedByAltinn', 'PurgedByRecipient']);

/** GET /correspondence/api/v1/correspondence → `{ ids }`, newest publish time first. */
export function listCorrespondences(deps: CorrespondenceDeps): RouteHandler {
  return async (ctx) => {
    const principal = await authorizeCorrespondenceCall(deps.context, ctx, 'senderOrRecipient');
    if (!principal || !acceptsJson(ctx)) return;
    const parsed = parseListQuery(ctx.query);
    if (!parsed.ok) return sendValidationProblem(ctx.res, parsed.errors);
    const query = parsed.query;
    if (query.fromMs !== undefined && query.toMs !== undefined && query.fromMs > query.toMs) {
      return sendCorrespondenceError(ctx.res, CORRESPONDENCE_ERRORS.invalidDateRange);
    }
    const access = resolveCallerAccess(deps.context.world, principal);
    const party = query.onBehalfOf ?? access.ownParty;
    if (!party) return sendCorrespondenceError(ctx.res, CORRESPONDENCE_ERRORS.couldNotDetermineCaller);
    if (decideAccess(access, party, query.resourceId) !== 'allowed') {
      return sendCorrespondenceError(ctx.res, CORRESPONDENCE_ERRORS.noAccessToResource);
    }
    const ids = deps.store.items
      .filter((c) => matches(deps, c, query, party))
      .sort((a, b) => Date.parse(b.requestedPublishTime) - Date.parse(a.requestedPublishTime))
      .slice(0, MAX_IDS)
      .map((c) => c.correspondenceId);
    sendJson(ctx.res, 200, { ids });
  };
}

function matches(deps: CorrespondenceDeps, c: SandboxCorrespondence, query: ListQuery, party: string): boolean {
  if (c.resourceId !== query.resourceId) return false;
  const publishMs = Date.parse(c.requestedPublishTime);
  if (query.fromMs !== undefined && !(publishMs > query.fromMs)) return false;
  if (query.toMs !== undefined && !(publishMs < query.toMs)) return false;
  if (query.sendersReference !== undefined && c.sendersReference !== query.sendersReference) return false;
  if (query.altinn2CorrespondenceId !== undefined && c.altinn2CorrespondenceId !== query.altinn2CorrespondenceId)
    return false;
  const latest = deps.store.latestEvent(c).status;
  const asRecipient =
    c.recipient === party && (query.status ? latest === query.status : deps.store.isListedForRecipient(c));
  const asSender =
    c.sender === party && (query.status ? latest === query.status : !HIDDEN_FROM_SENDER_LIST.has(latest));
  if (query.role === 'Recipient') return asRecipient;
  if (query.role === 'Sender') return asSender;
  return asRecipient || asSender;
}
