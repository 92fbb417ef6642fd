import * as vscode from 'vscode';
import { withCancellableProgress } from '../cancellableProgress';
import type { ConnectionProfile } from '../profiles/profile';
import type { ExtensionServices } from '../services';

/** The profile's Maskinporten-side token, fetched under a cancellable notification. */
export function fetchProfileToken(services: ExtensionServices, profile: ConnectionProfile): Thenable<string> {
  return withCancellableProgress(vscode.l10n.t('Getting a token for "{0}"…', profile.label), async (signal) =>
    (await services.connections.tokenProvider(profile, 'maskinporten')).getToken({ signal }),
  );
}
