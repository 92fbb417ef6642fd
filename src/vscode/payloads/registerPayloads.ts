import * as vscode from 'vscode';
import { registerCommand } from '../commands';
import type { ExtensionServices } from '../services';
import type { RecordedExchange } from '../shared/exchangeRecorder';
import { payloadDebugging, RAW_SCHEME, type PayloadDebugging, type RawSource } from './payloadDebugging';
import { PayloadValidator, type ValidationResult } from './payloadValidation';
import type { RawRef } from './rawJson';

/** What the payload commands accept: a tree node (or panel) with a `raw` reference, a RawRef, or nothing (then they ask). */
type RawArgument = RawSource | RawRef | vscode.Uri | undefined;

/** Commands: show raw JSON, show request, copy as curl (redacted / with token), show request log, validate payload. */
export function registerPayloads(services: ExtensionServices): void {
  const payloads = payloadDebugging(services);
  const validator = new PayloadValidator();
  services.context.subscriptions.push(validator);
  const { context, log } = services;

  registerCommand(context, { log }, 'altinnInbox.showRawJson', async (arg?: RawArgument) => {
    const { ref, title, beside } = await resolve(payloads, arg, vscode.l10n.t('Show raw JSON'));
    return payloads.showRaw(ref, title, beside);
  });

  registerCommand(context, { log }, 'altinnInbox.showRequest', async (arg?: RawArgument) => {
    const { ref, title } = await resolve(payloads, arg, vscode.l10n.t('Show request'));
    return payloads.showRequest(ref.exchangeId, title);
  });

  const copy =
    (includeToken: boolean) =>
    async (arg?: RawArgument): Promise<string> => {
      const { exchange } = await resolve(payloads, arg, vscode.l10n.t('Copy as curl'));
      const curl = await payloads.curlFor(exchange, { includeToken });
      await vscode.env.clipboard.writeText(curl);
      log.info(
        `[payloads] copied ${exchange.method} ${new URL(exchange.url).pathname} as curl${includeToken ? ' with its token (not logged)' : ' ($TOKEN placeholder)'}`,
      );
      void vscode.window.setStatusBarMessage(
        includeToken
          ? vscode.l10n.t('$(warning) curl command with a live token copied; treat it like a password')
          : vscode.l10n.t('$(clippy) curl command copied (token replaced by $TOKEN)'),
        5000,
      );
      return curl;
    };
  registerCommand(context, { log }, 'altinnInbox.copyAsCurl', copy(false));
  registerCommand(context, { log }, 'altinnInbox.copyAsCurlWithToken', copy(true));

  registerCommand(
    context,
    { log },
    'altinnInbox.validatePayload',
    async (arg?: { shape?: string; uri?: vscode.Uri } | vscode.Uri): Promise<ValidationResult> => {
      const target = arg instanceof vscode.Uri ? arg : arg?.uri;
      const document = target
        ? await vscode.workspace.openTextDocument(target)
        : vscode.window.activeTextEditor?.document;
      if (!document)
        throw new Error(
          vscode.l10n.t(
            'Open the JSON you want to check in an editor first (a response body, a captured payload, a test fixture).',
          ),
        );
      const shapeId = arg instanceof vscode.Uri ? undefined : arg?.shape;
      const result = await validator.validate(document, services.prompts(), shapeId);
      const message = result.syntaxError
        ? vscode.l10n.t('The document is not valid JSON: {0}', result.syntaxError)
        : result.problems === 0
          ? vscode.l10n.t('Valid: the document matches the {0} shape.', result.shape)
          : vscode.l10n.t(
              '{0} problem(s) against the {1} shape; see the Problems view.',
              result.problems,
              result.shape,
            );
      if (result.problems === 0) void vscode.window.showInformationMessage(message);
      else {
        const show = vscode.l10n.t('Show Problems');
        void vscode.window.showWarningMessage(message, show).then((choice) => {
          if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
        });
      }
      return result;
    },
  );
}

async function resolve(
  payloads: PayloadDebugging,
  given: RawArgument,
  title: string,
): Promise<{ ref: RawRef; title?: string; beside?: boolean; exchange: RecordedExchange }> {
  let ref: RawRef | undefined;
  let name: string | undefined;
  let beside: boolean | undefined;
  // From the editor title or the palette while a non-text view (a dialog panel) is active: that view's source.
  const arg =
    !given || (given instanceof vscode.Uri && given.scheme !== RAW_SCHEME) ? (payloads.activeSource() ?? given) : given;
  // From an altinn-raw: editor's title bar (VS Code passes its URI), or with that editor active.
  const rawUri =
    arg instanceof vscode.Uri
      ? arg
      : !arg && vscode.window.activeTextEditor?.document.uri.scheme === RAW_SCHEME
        ? vscode.window.activeTextEditor.document.uri
        : undefined;
  if (rawUri?.scheme === RAW_SCHEME) ref = { exchangeId: rawUri.path.split('/')[1] ?? '', pointer: [] };
  else if (arg instanceof vscode.Uri)
    throw new Error(vscode.l10n.t('This document did not come from an API response.'));
  else if (arg && 'exchangeId' in arg) ref = arg;
  else if (arg && 'raw' in arg) {
    ref = arg.raw;
    name = arg.rawTitle;
    beside = arg.rawBeside;
  }
  if (arg && !ref) throw new Error(vscode.l10n.t('This item was not loaded from an API response.'));
  if (!ref) {
    const picked = await payloads.pickExchange(title);
    ref = { exchangeId: picked.id, pointer: [] };
  }
  const exchange = payloads.store.get(ref.exchangeId);
  if (!exchange)
    throw new Error(
      vscode.l10n.t('This response is no longer kept (only the most recent ones are). Refresh the item and try again.'),
    );
  return { ref, title: name, beside, exchange };
}
