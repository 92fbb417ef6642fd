import type { Router } from '../core/router';
import type { SandboxContext } from '../context';
import { emptyCapturedData, loadCapturedPayloads } from '../data/capturedPayloads';
import { correspondenceStoreOf } from '../correspondence';
import { correspondenceDialogLinks, generateCorrespondences } from '../data/correspondenceData';
import { DialogStore } from '../data/dialogStore';
import { registerDialogAdminRoutes } from './adminRoutes';
import { registerEmbedRoutes } from './embedRoutes';
import { registerEndUserRoutes } from './endUserRoutes';
import { registerGraphqlStream } from './graphqlStream';
import { attachDialogStore } from './state';
import { registerSystemLabelRoutes } from './systemLabelRoutes';
import { registerWellKnownRoutes } from './wellKnownRoutes';

export { dialogStoreOf, touchDialog, deleteDialog, dialogLoadReport, correspondenceIdsFor } from './state';
export { DIALOGPORTEN_SCOPES } from './caller';

const DAY_MS = 86_400_000;

/** The Dialogporten end-user API under `<base>/dialogporten`, its dialog-token keys, SSE events and the service-owner content it links to. */
export async function registerDialogporten(router: Router, context: SandboxContext): Promise<void> {
  const anchorMs = Math.floor(context.clock.nowMs() / DAY_MS) * DAY_MS;
  const captured = context.options.dataDir
    ? await loadCapturedPayloads(context.options.dataDir, () => context.urls().dialogportenBase)
    : emptyCapturedData();
  const store = new DialogStore({
    seed: context.options.seed,
    anchorMs,
    dialogs: context.options.dialogs,
    dialogsPerClient: context.options.dialogsPerClient,
    world: context.world,
    captured,
    urls: () => ({ dialogportenBase: context.urls().dialogportenBase, platformBase: context.urls().platformBase }),
    // Correspondence owns the ids: each published correspondence names the dialog it created.
    correspondenceLinks: () =>
      correspondenceDialogLinks(
        correspondenceStoreOf(context)?.items ??
          generateCorrespondences(context.world, { seed: context.options.seed, anchorMs }),
      ),
  });
  attachDialogStore(context, store);
  registerEndUserRoutes(router, context, store);
  registerSystemLabelRoutes(router, context, store);
  registerWellKnownRoutes(router, context);
  registerEmbedRoutes(router, context, store);
  const streamMonitor = registerGraphqlStream(router, context, store);
  registerDialogAdminRoutes(router, context, store, streamMonitor);
}
