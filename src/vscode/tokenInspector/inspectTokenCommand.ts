import * as vscode from 'vscode';
import { isJwt } from '../../platform/auth';
import { maskSecrets, registerCommand } from '../commands';
import { profileIdOf, resolveProfile } from '../shared/profileArgs';
import type { EnvironmentId } from '../../platform/environments';
import type { ExtensionServices } from '../services';
import { buildInspectorModel, type InspectorModel } from './tokenInspectorModel';
import { TokenInspectorPanel, verifySignature } from './tokenInspectorPanel';
import { fetchProfileToken } from '../shared/fetchProfileToken';

const JWT_PATTERN = /(?:Bearer\s+)?(eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)/;

/** The first JWT in a piece of text (a selection, a line, the clipboard). */
export function findJwt(text: string | undefined): string | undefined {
  const match = text ? JWT_PATTERN.exec(text) : null;
  return match && isJwt(match[1]) ? match[1] : undefined;
}

interface TokenSource {
  readonly token: string;
  readonly source: string;
  readonly environment?: EnvironmentId;
}

type SourceItem = vscode.QuickPickItem & { id: 'profile' | 'selection' | 'clipboard'; resolve(): Promise<TokenSource> };

async function tokenOfProfile(services: ExtensionServices, profileId: string): Promise<TokenSource> {
  const profile = await resolveProfile(services, profileId, { title: vscode.l10n.t('Inspect a token') });
  const token = await fetchProfileToken(services, profile);
  return {
    token,
    source: vscode.l10n.t('Token of the connection profile "{0}"', profile.label),
    environment: profile.environment,
  };
}

/**
 * Where the token comes from: an argument (`{ profileId }`, a tree row, or `{ token }` from another feature),
 * a JWT in the editor selection (or on the cursor's line), the clipboard, or the active profile.
 */
async function chooseToken(services: ExtensionServices, arg: unknown): Promise<TokenSource> {
  if (arg && typeof arg === 'object' && typeof (arg as { token?: unknown }).token === 'string') {
    const token = findJwt((arg as { token: string }).token) ?? (arg as { token: string }).token;
    return { token, source: (arg as { source?: string }).source ?? vscode.l10n.t('Token given to the inspector') };
  }
  const profileId = profileIdOf(arg);
  if (profileId) return tokenOfProfile(services, profileId);
  const editor = vscode.window.activeTextEditor;
  const selected = editor
    ? (findJwt(editor.document.getText(editor.selection)) ??
      (editor.selection.isEmpty ? findJwt(editor.document.lineAt(editor.selection.active.line).text) : undefined))
    : undefined;
  if (selected)
    return {
      token: selected,
      source: vscode.l10n.t('Selection in {0}', editor!.document.fileName.split(/[\\/]/).pop() ?? ''),
    };
  const items: SourceItem[] = [];
  const clipboard = findJwt(await vscode.env.clipboard.readText());
  if (clipboard)
    items.push({
      id: 'clipboard',
      label: vscode.l10n.t('$(clippy) Token on the clipboard'),
      resolve: async () => ({ token: clipboard, source: vscode.l10n.t('Clipboard') }),
    });
  const active = services.profiles.active();
  if (active)
    items.push({
      id: 'profile',
      label: vscode.l10n.t('$(key) Token of the active profile "{0}"', active.label),
      resolve: () => tokenOfProfile(services, active.id),
    });
  if (items.length === 0) {
    throw new Error(
      vscode.l10n.t(
        'No token to inspect: select a JWT in an editor, copy one to the clipboard, or add a connection profile.',
      ),
    );
  }
  const chosen =
    items.length === 1
      ? items[0]
      : await services
          .prompts()
          .pick(items, { title: vscode.l10n.t('Inspect a token'), placeHolder: vscode.l10n.t('Which token?') });
  return chosen.resolve();
}

/** Opens the inspector; resolves with the decoded model (with the signature verdict) once the check is done. */
async function inspectToken(services: ExtensionServices, arg: unknown): Promise<InspectorModel> {
  const { token, source, environment } = await chooseToken(services, arg);
  const model = buildInspectorModel(token, { source });
  const panel = TokenInspectorPanel.show(services, model);
  services.log.info(`[token inspector] showing a ${model.kindLabel} (${source})`);
  const controller = new AbortController();
  const verdict = await verifySignature(services, token, environment, controller.signal).catch((error: unknown) => ({
    state: 'unreachable' as const,
    text: vscode.l10n.t('Signature not checked: {0}', maskSecrets((error as Error).message)),
  }));
  panel.setVerdict(model, verdict);
  return { ...model, verdict };
}

export function registerTokenInspector(services: ExtensionServices): void {
  registerCommand(services.context, { log: services.log }, 'altinnInbox.inspectToken', (arg?: unknown) =>
    inspectToken(services, arg),
  );
}
