// What the Systems view says when a change request was answered (no `vscode` import).
import type { Localizer } from '../../platform/presentation';
import type { ChangeRequest } from '../../platform/systemUsers';
import { changeItems, shortName } from './changeRequestNodes';

/** The sentence for a change request that went from New to `status`; undefined when that is no news. */
export function changeRequestAnnouncement(
  change: ChangeRequest,
  status: string,
  t: Localizer['t'],
): string | undefined {
  const organisation = change.partyOrgNo ?? change.systemUserId ?? change.id;
  switch (status) {
    case 'Accepted': {
      const items = changeItems(change);
      const added = items
        .filter((i) => i.sign === '+')
        .map(shortName)
        .join(', ');
      const removed = items
        .filter((i) => i.sign === '−')
        .map(shortName)
        .join(', ');
      if (added && removed)
        return t(
          '{0} accepted the change request: the system user now has {1} and no longer has {2}.',
          organisation,
          added,
          removed,
        );
      if (removed)
        return t('{0} accepted the change request: the system user no longer has {1}.', organisation, removed);
      return t('{0} accepted the change request: the system user now has {1}.', organisation, added || '—');
    }
    case 'Rejected':
      return t('{0} rejected the change request.', organisation);
    case 'Denied':
      return t('The change request for {0} was denied.', organisation);
    case 'Timedout':
      return t('The change request for {0} timed out.', organisation);
    // Altinn answers it at once when nothing would change, and stores nothing: a final state, never news.
    case 'NoChangeNeeded':
    case 'New':
      return undefined;
    default:
      return t('{0} answered the change request: {1}.', organisation, status);
  }
}
