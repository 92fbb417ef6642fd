import type { Localizer } from '../../platform/presentation';
import * as vscode from 'vscode';
import type { Dialog } from '../../platform/dialogporten';
import type { AltinnEnvironment } from '../../platform/environments';
import { PlatformError } from '../../platform/errors';
import { redactJwts } from '../../platform/http';
import { withCancellableProgress } from '../cancellableProgress';
import { maskSecrets, UserCancelledError } from '../commands';
import type { ExtensionServices } from '../services';
import type { ActionResult } from './dialogView';
import { pickTitle } from './panelText';
import type { PanelLanguage } from './protocol';
import { checkTokenTarget, describeResponseBody } from './safeTargets';

const t: Localizer['t'] = (message, ...args) => vscode.l10n.t(message, ...args);

/** What a GUI action needs from the panel that shows it. */
export interface GuiActionContext {
  readonly services: ExtensionServices;
  readonly dialog: Dialog;
  readonly environment: AltinnEnvironment | undefined;
  readonly language: PanelLanguage;
  /** The panel's lifetime: closing it cancels the request. */
  readonly signal: AbortSignal;
  /** A fresh dialog token (fetching the dialog again when needed). */
  freshToken(): Promise<string>;
}

/**
 * Runs a GUI action after a confirmation: GET opens the address in the browser (without the token), other
 * methods are sent with the dialog token and the answer is returned to be shown under the action.
 */
export async function runGuiAction(
  context: GuiActionContext,
  actionId: string,
): Promise<{ readonly actionId: string; readonly result: ActionResult }> {
  const { services, environment } = context;
  const action = (context.dialog.guiActions ?? []).find(
    (candidate) => candidate.id.toLowerCase() === actionId.toLowerCase(),
  );
  if (!action) throw new Error(t('This dialog has no action {0}.', actionId));
  if (action.isAuthorized === false) throw new Error(t('You are not authorised for this action.'));
  const target = checkTokenTarget(action.url);
  if (!target.ok) throw new Error(t('The action was not run: {0}.', target.reason));
  const method = (action.httpMethod ?? 'GET').toUpperCase();
  const title = pickTitle(action.title, context.language) ?? action.action;
  const prompt = pickTitle(action.prompt, context.language);
  const production = environment?.isProduction ? t('This is Production: the action acts for a real party. ') : '';
  const detail =
    method === 'GET'
      ? `${production}${t('Opens {0} in your browser. The dialog token is not sent.', target.url)}`
      : `${production}${t('Sends {0} {1} with the dialog token as Bearer. The service owner may change or delete the dialog.', method, target.url)}${action.isDeleteDialogAction ? ` ${t('This action deletes the dialog.')}` : ''}`;
  const question = prompt ? `${title}: ${prompt}` : t('Run "{0}"?', title);
  // On Production the headline says so too, like every other Production question.
  const message = environment?.isProduction ? t('Production: {0}', question) : question;
  await services.prompts().confirm(message, detail, method === 'GET' ? t('Open in Browser') : t('Send {0}', method));
  const at = new Date().toISOString();
  if (method === 'GET') {
    await vscode.env.openExternal(vscode.Uri.parse(target.url, true));
    return { actionId: action.id, result: { method, url: target.url, at, openedExternally: true } };
  }
  const token = await context.freshToken();
  const result = await withCancellableProgress(
    t('{0} {1}…', method, title),
    async (signal) => {
      try {
        const response = await services.http.send({
          method,
          url: target.url,
          retry: false,
          signal,
          headers: { authorization: `Bearer ${token}`, accept: 'application/json, text/plain;q=0.9, */*;q=0.5' },
        });
        const body = describeResponseBody(response.body, response.headers['content-type']);
        return {
          method,
          url: target.url,
          status: response.status,
          contentType: response.headers['content-type'],
          body: body.text,
          truncated: body.truncated,
          at,
        } satisfies ActionResult;
      } catch (error) {
        if (error instanceof PlatformError && error.kind === 'cancelled') throw new UserCancelledError();
        return { method, url: target.url, error: maskSecrets((error as Error).message), at } satisfies ActionResult;
      }
    },
    context.signal,
  );
  services.log.info(`[dialog panel] GUI action ${method} ${redactJwts(target.url)} → ${result.status ?? result.error}`);
  return { actionId: action.id, result };
}
