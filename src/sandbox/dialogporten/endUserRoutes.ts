// Follows Altinn/dialogporten: src/Digdir.Domain.Dialogporten.Application/Features/V1/EndUser/Dialogs/Queries/ (Get, GetActivity, GetSeenLog, GetTransmission, Search*) and src/Digdir.Domain.Dialogporten.WebApi/Endpoints/V1/EndUser/
import type { SandboxContext } from '../context';
import { sendProblem } from '../core/respond';
import { sendApiJson } from './apiJson';
import type { RequestContext, Router } from '../core/router';
import type { DialogStore } from '../data/dialogStore';
import type { StoredDialog } from '../data/dialogTypes';
import { authenticateCaller, canSee, type DialogportenCaller } from './caller';
import { mintDialogToken } from './dialogToken';
import { lookupDialog } from './dialogLookup';
import { authorizedPartiesOf } from './partiesView';
import { instanceOf, sendGone, sendNotFound, sendValidationProblem } from './problems';
import {
  findActivities,
  findTransmissions,
  renderActivitySearchItem,
  renderDialog,
  renderLabelLog,
  renderListItem,
  renderSeenLog,
  renderTransmission,
} from './render';
import { newUuidV7 } from './ids';
import { searchDialogs } from './searchDialogs';
import { parseSearchQuery } from './searchQuery';
import { searchAuthorizedServiceResources } from './serviceResources';

export const END_USER_BASE = '/dialogporten/api/v1/enduser';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Handler = (request: RequestContext, caller: DialogportenCaller) => void | Promise<void>;

/** The read side of the end-user REST API: parties, search, details (which marks seen) and the dialog's sub-resources. */
export function registerEndUserRoutes(router: Router, context: SandboxContext, store: DialogStore): void {
  const authenticated =
    (handler: Handler) =>
    async (request: RequestContext): Promise<void> => {
      const caller = await authenticateCaller(request, context, store);
      if (caller) await handler(request, caller);
    };

  /**
   * The dialog named in the path, if the caller may see it; otherwise answers 404 (or 410 where the
   * endpoint documents it for deleted dialogs) and returns undefined.
   */
  const visibleDialog = (
    request: RequestContext,
    caller: DialogportenCaller,
    deleted: 'gone' | 'not-found',
  ): StoredDialog | undefined => {
    const id = request.params.dialogId;
    // A malformed id names no dialog: these endpoints document 404, not 400.
    const dialog = GUID.test(id) ? store.get(id) : undefined;
    if (!dialog || !canSee(caller, dialog)) {
      sendNotFound(request.res, request.url.pathname, 'Dialog', id);
      return undefined;
    }
    if (dialog.state.deleted) {
      if (deleted === 'gone') sendGone(request.res, request.url.pathname, 'Dialog', id);
      else sendNotFound(request.res, request.url.pathname, 'Dialog', id);
      return undefined;
    }
    return dialog;
  };

  router.get(
    `${END_USER_BASE}/parties`,
    authenticated((request, caller) => {
      sendApiJson(request.res, 200, { authorizedParties: authorizedPartiesOf(caller, context, store) });
    }),
  );

  router.get(
    `${END_USER_BASE}/serviceresources`,
    authenticated((request, caller) => {
      const language = request.req.headers['accept-language'];
      const outcome = searchAuthorizedServiceResources(
        context,
        store,
        caller,
        request.query.getAll('party'),
        typeof language === 'string' ? language : undefined,
      );
      // The query's validator throws (its result type is no OneOf), and the global exception handler turns that into a
      // plain 500 (Altinn/dialogporten, Application/Common/Behaviours/ValidationBehaviour.cs, WebApi/Common/Extensions/GlobalExceptionHandler.cs).
      if (outcome.kind === 'invalid')
        return sendProblem(request.res, {
          status: 500,
          title: 'An error occurred while processing your request.',
          instance: instanceOf(request.url.pathname),
        });
      sendApiJson(request.res, 200, outcome.body);
    }),
  );

  router.get(
    `${END_USER_BASE}/dialogs`,
    authenticated((request, caller) => {
      const parsed = parseSearchQuery(request.query);
      if ('errors' in parsed) return sendValidationProblem(request.res, request.url.pathname, parsed.errors);
      const outcome = searchDialogs(store, caller, parsed.query);
      if (outcome.kind === 'too-broad') {
        return sendProblem(request.res, {
          status: 422,
          title: 'Unprocessable Entity',
          instance: instanceOf(request.url.pathname),
          detail: `The free text search over ${outcome.candidates} dialogs exceeded the time limit. Narrow the search with 'contentUpdatedAfter', fewer parties or a service resource.`,
          errors: { search: ['The search took too long. Narrow it with contentUpdatedAfter.'] },
        });
      }
      sendApiJson(request.res, 200, {
        items: outcome.items.map((d) => renderListItem(d, caller)),
        hasNextPage: outcome.hasNextPage,
        continuationToken: outcome.continuationToken,
        orderBy: outcome.orderBy,
      });
    }),
  );

  router.get(
    `${END_USER_BASE}/dialogs/:dialogId`,
    authenticated(async (request, caller) => {
      const dialog = visibleDialog(request, caller, 'not-found');
      if (!dialog) return;
      markSeen(dialog, caller, context.clock.nowMs());
      const token = await mintDialogToken(context, caller, dialog);
      sendApiJson(request.res, 200, renderDialog(dialog, caller, token), { etag: dialog.state.revision });
    }),
  );

  router.get(
    `${END_USER_BASE}/dialogs/:dialogId/transmissions`,
    authenticated((request, caller) => {
      const dialog = visibleDialog(request, caller, 'gone');
      if (dialog) sendApiJson(request.res, 200, findTransmissions(dialog).map(renderTransmission));
    }),
  );

  router.get(
    `${END_USER_BASE}/dialogs/:dialogId/transmissions/:transmissionId`,
    authenticated((request, caller) => {
      const dialog = visibleDialog(request, caller, 'gone');
      if (!dialog) return;
      const wanted = request.params.transmissionId.toLowerCase();
      const transmission = findTransmissions(dialog).find((t) => String(t.id).toLowerCase() === wanted);
      if (!transmission)
        return sendNotFound(request.res, request.url.pathname, 'DialogTransmission', request.params.transmissionId);
      sendApiJson(request.res, 200, renderTransmission(transmission));
    }),
  );

  router.get(
    `${END_USER_BASE}/dialogs/:dialogId/activities`,
    authenticated((request, caller) => {
      const dialog = visibleDialog(request, caller, 'not-found');
      if (dialog) sendApiJson(request.res, 200, findActivities(dialog).map(renderActivitySearchItem));
    }),
  );

  router.get(
    `${END_USER_BASE}/dialogs/:dialogId/activities/:activityId`,
    authenticated((request, caller) => {
      const dialog = visibleDialog(request, caller, 'not-found');
      if (!dialog) return;
      const wanted = request.params.activityId.toLowerCase();
      const activity = findActivities(dialog).find((a) => String(a.id).toLowerCase() === wanted);
      if (!activity)
        return sendNotFound(request.res, request.url.pathname, 'DialogActivity', request.params.activityId);
      sendApiJson(request.res, 200, activity);
    }),
  );

  router.get(
    `${END_USER_BASE}/dialogs/:dialogId/seenlog`,
    authenticated((request, caller) => {
      const dialog = visibleDialog(request, caller, 'not-found');
      if (dialog) sendApiJson(request.res, 200, renderSeenLog(dialog, caller));
    }),
  );

  router.get(
    `${END_USER_BASE}/dialogs/:dialogId/seenlog/:seenLogId`,
    authenticated((request, caller) => {
      const dialog = visibleDialog(request, caller, 'not-found');
      if (!dialog) return;
      const wanted = request.params.seenLogId.toLowerCase();
      const entry = renderSeenLog(dialog, caller).find((e) => String(e.id).toLowerCase() === wanted);
      if (!entry) return sendNotFound(request.res, request.url.pathname, 'DialogSeenLog', request.params.seenLogId);
      sendApiJson(request.res, 200, entry);
    }),
  );

  router.get(
    `${END_USER_BASE}/dialogs/:dialogId/context/labellog`,
    authenticated((request, caller) => {
      const dialog = visibleDialog(request, caller, 'gone');
      if (dialog) sendApiJson(request.res, 200, renderLabelLog(dialog));
    }),
  );

  router.get(
    `${END_USER_BASE}/dialoglookup`,
    authenticated((request, caller) => {
      lookupDialog(request, caller, context, store);
    }),
  );
}

/**
 * GET details is not read-only in Dialogporten: it records that this end user has seen the current revision
 * (once per user and update), which makes `isContentSeen` true for them, and it removes MarkedAsUnopened with a
 * label-log entry by this user, without a new endUserContext revision (Altinn/dialogporten:
 * src/Digdir.Domain.Dialogporten.Infrastructure/Persistence/Repositories/DialogSeenLogWriter.cs).
 */
function markSeen(dialog: StoredDialog, caller: DialogportenCaller, nowMs: number): void {
  if (dialog.state.systemLabels.includes('MarkedAsUnopened')) {
    dialog.state.systemLabels = dialog.state.systemLabels.filter((l) => l !== 'MarkedAsUnopened');
    dialog.state.labelLog.push({
      name: 'systemlabel:MarkedAsUnopened',
      action: 'remove',
      createdAtMs: nowMs,
      performedBy: caller.actorFor(dialog.fields.id),
    });
  }
  const seen = dialog.state.seenLog.some(
    (e) => e.viewerKey === caller.viewerKey && e.seenAtMs >= dialog.fields.updatedAtMs,
  );
  if (seen) return;
  dialog.state.seenLog.push({
    id: newUuidV7(nowMs),
    seenAtMs: nowMs,
    viewerKey: caller.viewerKey,
    seenBy: caller.actorFor(dialog.fields.id),
    isViaServiceOwner: false,
  });
}
