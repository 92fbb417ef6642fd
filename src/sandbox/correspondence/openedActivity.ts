import type { SandboxContext } from '../context';
import type { SandboxCorrespondence } from '../data/correspondenceTypes';
import { newUuidV7 } from '../dialogporten/ids';
import { dialogStoreOf } from '../dialogporten/state';

/**
 * Correspondence's CreateOpenedActivity: a CorrespondenceOpened activity performed by the reading party, posted to
 * the dialog as a silent update, so updatedAt stays and no event goes out (altinn-correspondence,
 * src/Altinn.Correspondence.Integrations/Dialogporten/DialogportenService.cs and Mappers/CreateDialogActivityRequestMapper.cs).
 * The linked dialog is looked up before Read is recorded, since a dialog generated later already carries it.
 */
export function openedActivityAdder(context: SandboxContext, c: SandboxCorrespondence): (party: string) => void {
  const dialog = dialogStoreOf(context).findByCorrespondenceId(c.correspondenceId);
  return (party) => {
    if (!dialog || dialog.state.deleted) return;
    const at = context.clock.nowMs();
    dialog.state.addedActivities.push({
      id: newUuidV7(at),
      createdAt: new Date(at).toISOString(),
      extendedType: null,
      type: 'CorrespondenceOpened',
      transmissionId: null,
      performedBy: { actorType: 'PartyRepresentative', actorId: party, actorName: null },
      description: [],
    });
  };
}
