import type { ConnectionProfile } from '../profiles/profile';
import type { Localizer } from '../../platform/presentation';

export function profileKindLabel(profile: ConnectionProfile, t: Localizer['t']): string {
  switch (profile.kind) {
    case 'maskinporten':
      return profile.systemUserOrg
        ? t('system user for {0}', profile.systemUserOrg)
        : t('Maskinporten client {0}', shortId(profile.clientId));
    case 'token':
      return t('pasted token');
    case 'sandbox':
      return profile.identity.type === 'person' ? t('sandbox person') : t('sandbox system user');
  }
}

function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}
