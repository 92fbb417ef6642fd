import * as vscode from 'vscode';
import { withCancellableProgress } from '../cancellableProgress';
import type { ConnectionProfile } from '../profiles/profile';
import type { ExtensionServices } from '../services';
import { vendorClientsFor } from '../shared/vendorClients';
import { loadVendorSnapshot } from '../shared/vendorSnapshot';
import { parseRecipient, type PartyRecipient } from './recipients';

/**
 * The customers of the vendor's system users (a system user exists only once its request was Accepted) as test
 * recipients: servicedesk sends to them, and the system user reads what arrives.
 */
export async function fetchCustomerRecipients(
  services: ExtensionServices,
  profile: ConnectionProfile,
): Promise<PartyRecipient[]> {
  const snapshot = await withCancellableProgress(
    vscode.l10n.t('Fetching the system users of "{0}"…', profile.label),
    async () => loadVendorSnapshot(await vendorClientsFor(services, profile)),
  );
  const recipients: PartyRecipient[] = [];
  for (const entry of snapshot.systems) {
    const name = entry.summary.name.nb ?? entry.summary.name.en ?? entry.summary.systemId;
    for (const user of entry.systemUsers) {
      const parsed = parseRecipient(user.reporteeOrgNo);
      if ('reason' in parsed || recipients.some((known) => known.value === parsed.value)) continue;
      recipients.push({
        ...parsed,
        name: vscode.l10n.t('Customer of {0}', name),
        isDeleted: false,
        isCurrentEndUser: false,
      });
    }
  }
  return recipients;
}
