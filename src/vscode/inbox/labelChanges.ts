import type { SystemLabelChange } from '../../platform/dialogporten';

/** The label actions the Inbox offers on a dialog. */
export type LabelAction = 'archive' | 'bin' | 'restore' | 'markUnopened';

/** Default, Bin and Archive exclude each other; restoring removes Bin/Archive, which puts the dialog back in the inbox. */
export function labelChange(action: LabelAction, current: readonly string[]): SystemLabelChange {
  switch (action) {
    case 'archive':
      return { addLabels: ['Archive'] };
    case 'bin':
      return { addLabels: ['Bin'] };
    case 'markUnopened':
      return { addLabels: ['MarkedAsUnopened'] };
    case 'restore': {
      const remove = (['Bin', 'Archive'] as const).filter((l) => current.includes(l));
      return remove.length ? { removeLabels: [...remove] } : { addLabels: ['Default'] };
    }
  }
}

/**
 * The same change for many dialogs at once, whatever each one's labels: restoring removes both Bin and Archive
 * (removing a label a dialog does not have changes nothing; Dialogporten falls back to Default, see
 * DialogEndUserContext.cs in Altinn/dialogporten and the sandbox's systemLabelRoutes.ts).
 */
export function bulkLabelChange(action: LabelAction): SystemLabelChange {
  return action === 'restore' ? { removeLabels: ['Bin', 'Archive'] } : labelChange(action, []);
}
