import type { ConnectionProfile } from '../profiles/profile';
import type { Localizer } from '../../platform/presentation';

/** A command that fixes a connection problem, offered on tree rows and in quick picks. */
export interface FixAction {
  readonly id: string;
  readonly label: string;
  readonly command: string;
  readonly arguments: readonly unknown[];
  readonly icon: string;
}

/** How to give a profile an end user: a Maskinporten client gets a system-user customer; a pasted token is replaced. */
export function addEndUserAction(profile: ConnectionProfile, t: Localizer['t']): FixAction | undefined {
  const ref = { profileId: profile.id };
  if (profile.kind === 'maskinporten')
    return {
      id: 'add-system-user',
      label: t('Add a system user to the profile…'),
      command: 'altinnInbox.editProfile',
      arguments: [{ ...ref, field: 'systemUser' }],
      icon: 'person-add',
    };
  if (profile.kind === 'token')
    return {
      id: 'paste-end-user',
      label: t('Paste a system-user or person token…'),
      command: 'altinnInbox.pasteToken',
      arguments: [ref],
      icon: 'clippy',
    };
  return undefined;
}
