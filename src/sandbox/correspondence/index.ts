import type { Router } from '../core/router';
import type { SandboxContext } from '../context';
import { sendJson, sendProblem } from '../core/respond';
import { generateCorrespondences } from '../data/correspondenceData';
import { changeCorrespondenceStatus } from './changeCorrespondenceStatus';
import type { CorrespondenceDeps } from './correspondenceDeps';
import { CorrespondenceStore } from './correspondenceStore';
import { downloadAttachment } from './downloadAttachment';
import { getCorrespondence } from './getCorrespondence';
import { getCorrespondenceContent } from './getCorrespondenceContent';
import { openedActivityAdder } from './openedActivity';
import { listCorrespondences } from './listCorrespondences';

export type { CorrespondenceStore } from './correspondenceStore';

const BASE = '/correspondence/api/v1/correspondence';
const DAY_MS = 24 * 3_600_000;
const stores = new WeakMap<SandboxContext, CorrespondenceStore>();

/** The correspondences a running sandbox serves (for tests, demos and the Dialogporten emulator's links). */
export function correspondenceStoreOf(context: SandboxContext): CorrespondenceStore | undefined {
  return stores.get(context);
}

/** The recipient side of Altinn Correspondence, under the platform base as in tt02. */
export async function registerCorrespondence(router: Router, context: SandboxContext): Promise<void> {
  const anchorMs = Math.floor(context.clock.nowMs() / DAY_MS) * DAY_MS;
  const store = new CorrespondenceStore(
    generateCorrespondences(context.world, { seed: context.options.seed, anchorMs }),
    context.clock,
  );
  stores.set(context, store);
  const deps: CorrespondenceDeps = { context, store };
  router
    .get(BASE, listCorrespondences(deps))
    .get(`${BASE}/:correspondenceId`, getCorrespondence(deps, 'overview'))
    .get(`${BASE}/:correspondenceId/details`, getCorrespondence(deps, 'details'))
    .get(
      `${BASE}/:correspondenceId/content`,
      getCorrespondenceContent(deps, (c) => openedActivityAdder(context, c)),
    )
    .post(`${BASE}/:correspondenceId/markasread`, changeCorrespondenceStatus(deps, 'markasread'))
    .post(`${BASE}/:correspondenceId/confirm`, changeCorrespondenceStatus(deps, 'confirm'))
    .delete(`${BASE}/:correspondenceId/purge`, changeCorrespondenceStatus(deps, 'purge'))
    .get(`${BASE}/:correspondenceId/attachment/:attachmentId/download`, downloadAttachment(deps))
    // Outside the real API: what a correspondence's status history holds, read without recording Fetched.
    .get('/__sandbox/correspondence/:correspondenceId/history', ({ res, params }) => {
      const correspondence = store.get(params.correspondenceId);
      if (!correspondence)
        return sendProblem(res, {
          status: 404,
          title: 'Not Found',
          detail: `No correspondence ${params.correspondenceId}.`,
        });
      sendJson(res, 200, {
        correspondenceId: correspondence.correspondenceId,
        statusHistory: correspondence.statusHistory,
        // What the service published about it (the sender's events); the sandbox only keeps them.
        events: store.events.filter((event) => event.correspondenceId === correspondence.correspondenceId),
      });
    });
}
