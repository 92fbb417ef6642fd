import * as vscode from 'vscode';
import type { ConnectionProfile } from '../profiles/profile';
import type { Prompts } from '../prompts';
import type { ExtensionServices } from '../services';
import { ENVIRONMENT_NAMES } from '../../platform/environments';
import { profileKindLabel } from './profileKind';

/**
 * What profile commands accept as their first argument: a Connections tree row (it has `profileId`),
 * `{ profileId }` (from other commands and tests), a profile id string, or nothing (then the user is asked).
 */
export type ProfileArg = { readonly profileId?: string } | string | undefined;

export function profileIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && typeof (arg as { profileId?: unknown }).profileId === 'string')
    return (arg as { profileId: string }).profileId;
  return undefined;
}

export function profileItems(
  profiles: readonly ConnectionProfile[],
  activeId: string | undefined,
): (vscode.QuickPickItem & { id?: string; profile?: ConnectionProfile })[] {
  const items: (vscode.QuickPickItem & { id?: string; profile?: ConnectionProfile })[] = [];
  for (const environment of Object.keys(ENVIRONMENT_NAMES) as (keyof typeof ENVIRONMENT_NAMES)[]) {
    const inEnvironment = profiles.filter((p) => p.environment === environment);
    if (inEnvironment.length === 0) continue;
    items.push({ label: ENVIRONMENT_NAMES[environment], kind: vscode.QuickPickItemKind.Separator });
    for (const profile of inEnvironment) {
      items.push({
        id: profile.id,
        profile,
        label: `${profile.id === activeId ? '$(check) ' : ''}${profile.label}`,
        description: profileKindLabel(profile, vscode.l10n.t),
        detail: profile.id === activeId ? vscode.l10n.t('active') : undefined,
      });
    }
  }
  return items;
}

/**
 * The profile a command works on. Without an argument: `preferActive` takes the active profile without asking;
 * otherwise the user picks one (the active one first).
 */
export async function resolveProfile(
  services: ExtensionServices,
  arg: unknown,
  options: { title: string; preferActive?: boolean; filter?: (p: ConnectionProfile) => boolean; prompts?: Prompts },
): Promise<ConnectionProfile> {
  const id = profileIdOf(arg);
  if (id) {
    const profile = services.profiles.get(id);
    if (!profile) throw new Error(vscode.l10n.t('The connection profile no longer exists.'));
    return profile;
  }
  const active = services.profiles.active();
  const filter = options.filter ?? (() => true);
  if (options.preferActive && active && filter(active)) return active;
  const candidates = services.profiles.list().filter(filter);
  if (candidates.length === 0)
    throw new Error(
      vscode.l10n.t(
        'There is no connection profile for this yet. Add a Maskinporten client, paste a token or use the sandbox first.',
      ),
    );
  const items = profileItems(candidates, active?.id);
  const picked = await (options.prompts ?? services.prompts()).pick(items, {
    title: options.title,
    placeHolder: vscode.l10n.t('Connection profile'),
  });
  return picked.profile!;
}
