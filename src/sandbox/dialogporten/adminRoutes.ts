import type { SandboxContext } from '../context';
import { sendJson, sendNoContent, sendProblem } from '../core/respond';
import type { Router } from '../core/router';
import type { DialogStore } from '../data/dialogStore';

/** Test and demo hooks outside the real API: make a dialog change or disappear, read the loader's report. */
export function registerDialogAdminRoutes(router: Router, context: SandboxContext, store: DialogStore): void {
  router.post('/__sandbox/dialogs/:dialogId/touch', ({ res, params }) => {
    const dialog = store.touch(params.dialogId, context.clock.nowMs());
    if (!dialog) return sendProblem(res, { status: 404, title: 'Not Found', detail: `No live dialog ${params.dialogId}.` });
    sendJson(res, 200, { dialogId: dialog.fields.id, updatedAt: new Date(dialog.fields.updatedAtMs).toISOString(), revision: dialog.state.revision });
  });
  router.delete('/__sandbox/dialogs/:dialogId', ({ res, params }) => {
    if (!store.delete(params.dialogId)) return sendProblem(res, { status: 404, title: 'Not Found', detail: `No live dialog ${params.dialogId}.` });
    sendNoContent(res);
  });
  router.get('/__sandbox/load-report', ({ res }) => {
    sendJson(res, 200, { dialogporten: store.captured.report });
  });
}
