import * as vscode from 'vscode';
import type { ConnectionProfile } from '../profiles/profile';
import type { ExtensionServices } from '../services';

/** The profile's Maskinporten-side token, fetched under a cancellable notification. */
export function fetchProfileToken(services: ExtensionServices, profile: ConnectionProfile): Thenable<string> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Getting a token for "{0}"…', profile.label), cancellable: true }, async (_progress, cancellation) => {
    const controller = new AbortController();
    const subscription = cancellation.onCancellationRequested(() => controller.abort());
    try {
      return await (await services.connections.tokenProvider(profile, 'maskinporten')).getToken({ signal: controller.signal });
    } finally {
      subscription.dispose();
    }
  });
}
