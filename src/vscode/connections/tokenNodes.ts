import type { ConnectionProfile } from '../profiles/profile';
import type { FixAction } from '../shared/connectionFixes';
import type { Localizer } from '../../platform/presentation';
import type { NodeSpec, ProfileChildrenInput } from './nodeSpec';
import type { TokenState } from '../tokenState';

/** The token row of a profile: its state, and under an expired or failing token what to do about it. */
export function tokenNode({ profile, state, nowMs, t, timeOfDay }: ProfileChildrenInput): NodeSpec {
  const id = `token:${profile.id}`;
  const base = { id, kind: 'token' as const, profileId: profile.id };
  switch (state.status) {
    case 'unknown':
      return {
        ...base,
        label: t('Token: checking…'),
        icon: { id: 'loading~spin' },
        contextValue: 'token;unknown',
        collapsible: 'none',
      };
    case 'valid': {
      const tokenKind = tokenKindLabel(state.claims, t);
      return {
        ...base,
        label: state.expiresAt ? t('Token valid until {0}', timeOfDay(state.expiresAt)) : t('Token valid (no expiry)'),
        description: tokenKind,
        tooltip: () =>
          [
            t('**{0}**', tokenKind),
            state.expiresAt
              ? t(
                  'Expires {0} ({1}).',
                  state.expiresAt.toISOString(),
                  relativeTime(state.expiresAt.getTime() - Date.now(), t),
                )
              : t('The token has no exp claim.'),
            t('Click to inspect the token (header, claims, signature).'),
          ].join('  \n'),
        icon: { id: 'pass', color: 'testing.iconPassed' },
        contextValue: 'token;valid',
        collapsible: 'none',
        command: {
          command: 'altinnInbox.inspectToken',
          title: t('Inspect Token'),
          arguments: [{ profileId: profile.id }],
        },
      };
    }
    case 'expired': {
      const refreshable = profile.kind !== 'token';
      return {
        ...base,
        label: t('Token expired at {0}', timeOfDay(state.expiresAt)),
        description: relativeTime(state.expiresAt.getTime() - nowMs, t),
        tooltip: () =>
          refreshable
            ? t('The token expired; refresh to get a new one.')
            : t('A pasted token cannot be renewed; paste a new one.'),
        icon: { id: 'warning', color: 'list.warningForeground' },
        contextValue: 'token;expired',
        collapsible: 'expanded',
        children: fixNodes(profile, state, t),
      };
    }
    case 'error':
      return {
        ...base,
        label: t('Token error: {0}', state.message),
        description: state.code,
        tooltip: () =>
          [
            state.message,
            state.likelyCause ? t('Likely cause: {0}', state.likelyCause) : '',
            state.fix ? t('Fix: {0}', state.fix) : '',
          ]
            .filter(Boolean)
            .join('  \n'),
        icon: { id: 'error', color: 'list.errorForeground' },
        contextValue: 'token;error',
        collapsible: 'expanded',
        children: [
          ...(state.likelyCause
            ? [detailNode(`${id}:cause`, t('Likely cause: {0}', state.likelyCause), 'question')]
            : []),
          ...(state.fix ? [detailNode(`${id}:fix`, t('Fix: {0}', state.fix), 'lightbulb')] : []),
          ...fixNodes(profile, state, t),
        ],
      };
  }
}

function detailNode(id: string, label: string, icon: string): NodeSpec {
  return {
    id,
    kind: 'detail',
    label,
    tooltip: () => label,
    icon: { id: icon },
    collapsible: 'none',
    contextValue: 'detail',
  };
}

/** What the user can do about a token that does not work, most likely fix first. */
export function fixActions(profile: ConnectionProfile, state: TokenState, t: Localizer['t']): FixAction[] {
  const ref = { profileId: profile.id };
  const edit = (field: string, label: string, icon: string): FixAction => ({
    id: `edit-${field}`,
    label,
    command: 'altinnInbox.editProfile',
    arguments: [{ ...ref, field }],
    icon,
  });
  const actions: FixAction[] = [];
  if (state.status === 'expired' && profile.kind === 'token') {
    actions.push({
      id: 'paste',
      label: t('Paste a new token…'),
      command: 'altinnInbox.pasteToken',
      arguments: [ref],
      icon: 'clippy',
    });
  }
  if (state.status === 'error') {
    const code = state.code ?? '';
    if (profile.kind === 'maskinporten') {
      if (code === 'MP-100') actions.push(edit('clientId', t('Correct the client id…'), 'edit'));
      if (['MP-120', 'MP-121', 'MP-122', 'MP-123', 'MP-124'].includes(code) || state.errorKind === 'key-import') {
        if (profile.kid && code === 'MP-120')
          actions.push({
            id: 'export',
            label: t('Export the public key to register it in self-service…'),
            command: 'altinnInbox.exportPublicKey',
            arguments: [ref],
            icon: 'export',
          });
        actions.push(edit('key', t('Replace the key…'), 'key'));
      }
      if (['MP-200', 'MP-201', 'MP-250'].includes(code)) {
        if (code !== 'MP-201')
          actions.push({
            id: 'request',
            label: t('Draft a scope request to Altinn servicedesk…'),
            command: 'altinnInbox.requestMissingScopes',
            arguments: [{ scopes: [...profile.scopes] }],
            icon: 'mail',
          });
        actions.push(edit('scopes', t('Change the scopes…'), 'list-selection'));
      }
      if (['MP-251', 'MP-301', 'MP-302', 'MP-303'].includes(code))
        actions.push(edit('systemUser', t('Change the system-user customer…'), 'person'));
    }
    if (profile.kind === 'token' && state.errorKind === 'invalid-input') {
      actions.push({
        id: 'paste',
        label: t('Paste the token again…'),
        command: 'altinnInbox.pasteToken',
        arguments: [ref],
        icon: 'clippy',
      });
    }
  }
  if (profile.kind !== 'token')
    actions.push({
      id: 'retry',
      label: t('Try again'),
      command: 'altinnInbox.refreshToken',
      arguments: [ref],
      icon: 'refresh',
    });
  actions.push({ id: 'log', label: t('Show the log'), command: 'altinnInbox.showLog', arguments: [], icon: 'output' });
  return actions;
}

function fixNodes(profile: ConnectionProfile, state: TokenState, t: Localizer['t']): NodeSpec[] {
  return fixActions(profile, state, t).map((action) => ({
    id: `fix:${profile.id}:${action.id}`,
    kind: 'fix',
    label: action.label,
    icon: { id: action.icon, color: 'textLink.foreground' },
    contextValue: 'fix',
    collapsible: 'none',
    profileId: profile.id,
    command: { command: action.command, title: action.label, arguments: action.arguments },
  }));
}

function tokenKindLabel(claims: Readonly<Record<string, unknown>>, t: Localizer['t']): string {
  const iss = typeof claims.iss === 'string' ? claims.iss : '';
  if (claims.actual_iss === 'altinn-test-tools') return t('Altinn test token');
  if (/\/authentication\/api\/v1\/openid\/?$/.test(iss)) return t('Altinn token');
  if (/maskinporten/.test(iss) || claims.client_amr !== undefined) return t('Maskinporten token');
  return t('Access token');
}

/** "in 42 min", "3 min ago". */
export function relativeTime(deltaMs: number, t: Localizer['t']): string {
  const seconds = Math.round(Math.abs(deltaMs) / 1000);
  const amount =
    seconds < 120
      ? t('{0} s', seconds)
      : seconds < 7200
        ? t('{0} min', Math.round(seconds / 60))
        : seconds < 172_800
          ? t('{0} h', Math.round(seconds / 3600))
          : t('{0} days', Math.round(seconds / 86_400));
  return deltaMs >= 0 ? t('in {0}', amount) : t('{0} ago', amount);
}
