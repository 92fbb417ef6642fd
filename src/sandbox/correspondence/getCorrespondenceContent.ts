import type { JWTPayload } from 'jose';
import { resolveCallerAccess } from '../accessManagement/callerAccess';
import type { Principal } from '../core/principal';
import { send } from '../core/respond';
import type { RequestContext, RouteHandler } from '../core/router';
import type { SandboxCorrespondence } from '../data/correspondenceTypes';
import { verifyDialogToken } from '../dialogporten/dialogToken';
import type { CorrespondenceDeps } from './correspondenceDeps';
import { CORRESPONDENCE_ERRORS, sendCorrespondenceError } from './correspondenceErrors';
import { authorizeCorrespondenceCall, isSenderToken } from './correspondencePolicy';
import { guidParametersValid } from './guidParameter';
import { checkReadAccess } from './recipientAccess';

const SYSTEM_USER_PREFIX = 'urn:altinn:systemuser:uuid:';

/** Who calls, and the party Correspondence records the statuses for. */
interface ContentCaller {
  readonly principal: Principal;
  readonly party: string;
}

/**
 * GET …/correspondence/{id}/content, the main content of the dialogs Correspondence creates (altinn-correspondence,
 * src/Altinn.Correspondence.API/Controllers/CorrespondenceController.cs, GetCorrespondenceContent). `[Produces("text/plain")]`
 * with a markdown body; policy `Recipient`: a dialog token whose `a` holds `read`, or an Altinn token with
 * altinn:correspondence.read. It runs the overview handler with OnlyGettingContent, so a recipient call records
 * Fetched (debounced) and, the first time, Read, the CorrespondenceReceiverRead event to the sender and an "opened"
 * activity on the dialog (src/Altinn.Correspondence.Application/GetCorrespondenceOverview/GetCorrespondenceOverviewHandler.cs).
 */
export function getCorrespondenceContent(
  deps: CorrespondenceDeps,
  onFirstRead: (c: SandboxCorrespondence) => (party: string) => void,
): RouteHandler {
  return async (ctx) => {
    const caller = await authorizeContentCall(deps, ctx);
    if (!caller || !acceptsPlainText(ctx) || !guidParametersValid(ctx, 'correspondenceId')) return;
    const { store, context } = deps;
    const c = store.get(ctx.params.correspondenceId);
    if (!c) return sendCorrespondenceError(ctx.res, CORRESPONDENCE_ERRORS.notFound);
    const denied = checkReadAccess(context.world, caller.principal, c);
    if (denied) return sendCorrespondenceError(ctx.res, denied);
    if (store.isPurged(c)) return sendCorrespondenceError(ctx.res, CORRESPONDENCE_ERRORS.notFound);
    if (!isSenderToken(caller.principal)) {
      if (!store.isAvailableForRecipient(c)) return sendCorrespondenceError(ctx.res, CORRESPONDENCE_ERRORS.notFound);
      store.recordFetched(c, caller.party);
      if (!store.hasBeen(c, 'Read')) {
        const addOpenedActivity = onFirstRead(c);
        store.record(c, 'Read');
        store.publish(c, 'CorrespondenceReceiverRead');
        addOpenedActivity(caller.party);
      }
    }
    send(ctx.res, 200, messageBody(c), { 'content-type': 'text/plain; charset=utf-8' });
  };
}

/** The body as the handler builds it: more than three reply options are appended as a list (the service then converts mixed HTML/markdown to markdown, which the sandbox's texts do not need). */
function messageBody(c: SandboxCorrespondence): string {
  if (c.replyOptions.length <= 3) return c.messageBody;
  const label = c.language === 'en' ? 'Reply options:' : c.language === 'nn' ? 'Svarval:' : 'Svarvalg:';
  return `${c.messageBody}\n\n${label}\n${c.replyOptions.map((option) => `${option.linkText}: ${option.linkURL}`).join('\n')}`;
}

/**
 * The `Recipient` policy with its two schemes (src/Altinn.Correspondence.API/Auth/DependencyInjection.cs): a dialog
 * token from Dialogporten needs `read` among its actions; anything else goes through the Altinn-token rules.
 */
async function authorizeContentCall(deps: CorrespondenceDeps, ctx: RequestContext): Promise<ContentCaller | undefined> {
  const claims = await verifyDialogToken(deps.context, ctx.req.headers.authorization);
  if (claims) {
    const actions = typeof claims.a === 'string' ? claims.a.split(';') : [];
    if (!actions.includes('read')) {
      send(ctx.res, 403, '');
      return undefined;
    }
    const principal = dialogTokenSubject(claims);
    return {
      principal,
      party:
        typeof claims.c === 'string' ? claims.c : (resolveCallerAccess(deps.context.world, principal).ownParty ?? ''),
    };
  }
  const principal = await authorizeCorrespondenceCall(deps.context, ctx, 'recipient');
  if (!principal) return undefined;
  return { principal, party: resolveCallerAccess(deps.context.world, principal).ownParty ?? '' };
}

/**
 * The subject Correspondence asks Altinn Authorization about for a dialog token: the system user (`y`) when there
 * is one, otherwise the authenticated party (`c`) (src/Altinn.Correspondence.Integrations/Dialogporten/Mappers/DialogTokenXacmlMapper.cs).
 * No scopes: a dialog token never calls as the sender.
 */
function dialogTokenSubject(claims: JWTPayload): Principal {
  const base = { issuer: 'altinn' as const, scopes: new Set<string>(), claims };
  const y = typeof claims.y === 'string' ? claims.y : undefined;
  const c = typeof claims.c === 'string' ? claims.c : '';
  if (y) {
    const owner = typeof claims.o === 'string' ? claims.o : c;
    return {
      ...base,
      systemUser: {
        id: y.startsWith(SYSTEM_USER_PREFIX) ? y.slice(SYSTEM_USER_PREFIX.length) : y,
        organisationNumber: owner.split(':').pop() ?? '',
      },
    };
  }
  const person = /^urn:altinn:person:identifier-no:(\d{11})$/.exec(c);
  if (person) return { ...base, nationalIdentityNumber: person[1] };
  const org = /^urn:altinn:organization:identifier-no:(\d{9})$/.exec(c);
  return org ? { ...base, consumerOrganisationNumber: org[1] } : base;
}

/**
 * AcceptHeaderValidationMiddleware (src/Altinn.Correspondence.API/Helpers/AcceptHeaderValidationMiddleware.cs): a
 * present Accept header must name the endpoint's `[Produces]` type or `*\/*`; no header at all is fine.
 */
function acceptsPlainText(ctx: RequestContext): boolean {
  const header = ctx.req.headers.accept;
  if (!header) return true;
  const types = header.split(',').map((part) => part.split(';')[0].trim().toLowerCase());
  if (types.includes('text/plain') || types.includes('*/*')) return true;
  send(
    ctx.res,
    406,
    'This endpoint does not support the requested Accept header. Supported Accept headers are: text/plain, */*.',
    { 'content-type': 'text/plain; charset=utf-8' },
  );
  return false;
}
