import type { SandboxContext } from '../context';
import { sendJson, sendNoContent, sendProblem } from '../core/respond';
import type { Router } from '../core/router';
import type { DialogStore } from '../data/dialogStore';
import type { StreamMonitor } from './graphqlStream';

/**
 * Test and demo hooks outside the real API: make a dialog change or disappear, read the loader's report, count the
 * event stream's connection attempts and make it refuse every subscription.
 */
export function registerDialogAdminRoutes(
  router: Router,
  context: SandboxContext,
  store: DialogStore,
  streamMonitor: StreamMonitor,
): void {
  router.post('/__sandbox/dialogs/:dialogId/touch', ({ res, params }) => {
    const dialog = store.touch(params.dialogId, context.clock.nowMs());
    if (!dialog)
      return sendProblem(res, { status: 404, title: 'Not Found', detail: `No live dialog ${params.dialogId}.` });
    sendJson(res, 200, {
      dialogId: dialog.fields.id,
      updatedAt: new Date(dialog.fields.updatedAtMs).toISOString(),
      revision: dialog.state.revision,
    });
  });
  router.delete('/__sandbox/dialogs/:dialogId', ({ res, params }) => {
    if (!store.delete(params.dialogId))
      return sendProblem(res, { status: 404, title: 'Not Found', detail: `No live dialog ${params.dialogId}.` });
    sendNoContent(res);
  });
  router.get('/__sandbox/load-report', ({ res }) => {
    sendJson(res, 200, { dialogporten: store.captured.report });
  });
  router.get('/__sandbox/graphql/stream/attempts', ({ res, query }) => {
    const since = query.get('since');
    const sinceMs = since ? Date.parse(since) : undefined;
    if (since && Number.isNaN(sinceMs))
      return sendProblem(res, { status: 400, title: 'Bad Request', detail: 'since must be an ISO 8601 time.' });
    const attempts = streamMonitor.attempts({ dialogId: query.get('dialogId') ?? undefined, sinceMs });
    sendJson(res, 200, {
      refuseAll: streamMonitor.refuseAll,
      attempts: attempts.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
    });
  });
  router.put('/__sandbox/graphql/stream/refusal', async ({ res, body }) => {
    let refuse: unknown;
    try {
      refuse = (JSON.parse((await body()).toString('utf8')) as { refuse?: unknown }).refuse;
    } catch {
      refuse = undefined;
    }
    if (typeof refuse !== 'boolean')
      return sendProblem(res, {
        status: 400,
        title: 'Bad Request',
        detail: 'Send {"refuse": true} or {"refuse": false}.',
      });
    streamMonitor.refuseAll = refuse;
    sendJson(res, 200, { refuseAll: refuse });
  });
}
