import * as vscode from 'vscode';
import { withCancellableProgress } from '../cancellableProgress';
import { DialogportenClient, type AuthorizedParty } from '../../platform/dialogporten';
import type { ConnectionProfile } from '../profiles/profile';
import type { ExtensionServices } from '../services';
import { partyRecipients, type PartyRecipient } from './recipients';

/**
 * The profile's parties from Dialogporten (`GET {dialogportenBase}/api/v1/enduser/parties` through the
 * platform's DialogportenClient, with the profile's Maskinporten token), as validated test recipients.
 * Cancellable from the notification; cancelling aborts the HTTP request.
 */
export async function fetchPartyRecipients(
  services: ExtensionServices,
  profile: ConnectionProfile,
): Promise<PartyRecipient[]> {
  const parties = await withCancellableProgress(
    vscode.l10n.t('Fetching the parties of "{0}" from Dialogporten…', profile.label),
    async (signal) => {
      try {
        const environment = await services.connections.environmentFor(profile);
        const provider = await services.connections.tokenProvider(profile, 'maskinporten');
        const client = new DialogportenClient({
          baseUrl: environment.dialogportenBase,
          http: services.http,
          getToken: async (request = {}) => {
            if (request.forceRefresh) provider.invalidate();
            return provider.getToken({ signal: request.signal });
          },
        });
        const body = await client.getParties({ signal });
        if (signal.aborted) throw new vscode.CancellationError();
        return (body.authorizedParties ?? []) as AuthorizedParty[];
      } catch (error) {
        if (signal.aborted) throw new vscode.CancellationError();
        throw error;
      }
    },
  );
  const { recipients, skipped } = partyRecipients(parties);
  // Only the count: party identifiers may be real people's national identity numbers.
  if (skipped.length > 0)
    services.log.warn(
      `[onboarding] ${skipped.length} of the parties have an identifier that is not a valid national identity or organisation number; left out`,
    );
  return recipients;
}
