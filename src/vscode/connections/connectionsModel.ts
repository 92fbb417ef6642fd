// The shape of the Connections tree as plain data: no `vscode` import, so it is unit-tested in Node.
// The VS Code layer (connectionsTree.ts) turns these specs into TreeItems.
import { systemUserFromClaims } from '../../platform/auth/authorizationDetails';
import { isEndUser, tokenUserType } from '../../platform/auth/userType';
import { describeScope, featureChecklist, featureDefinition, type FeatureStatus } from '../../platform/scopes';
import { ENVIRONMENT_DESCRIPTIONS, ENVIRONMENT_IDS, ENVIRONMENT_NAMES, type EnvironmentId } from '../../platform/environments';
import type { ConnectionProfile } from '../profiles/profile';
import type { TokenState } from './tokenState';

/** `vscode.l10n.t` in the extension, a `{0}` formatter in tests. */
export type Translate = (message: string, ...args: (string | number | boolean)[]) => string;

export type NodeKind =
  | 'environment' | 'profile' | 'token' | 'detail' | 'fix' | 'identity' | 'key' | 'scopes' | 'feature' | 'scope';

export interface NodeCommand {
  readonly command: string;
  readonly title: string;
  readonly arguments?: readonly unknown[];
}

/** One row of the Connections tree. */
export interface NodeSpec {
  /** Stable across refreshes (keeps expansion and selection). */
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  readonly description?: string;
  /** Markdown; computed when the row is hovered (resolveTreeItem). */
  readonly tooltip?: () => string;
  /** A codicon id, optionally with a theme colour id. */
  readonly icon?: { readonly id: string; readonly color?: string };
  readonly contextValue?: string;
  readonly collapsible: 'none' | 'collapsed' | 'expanded';
  readonly command?: NodeCommand;
  readonly profileId?: string;
  readonly environment?: EnvironmentId;
  /** Scopes a "Draft scope request" action on this row preselects. */
  readonly missingScopes?: readonly string[];
  /** Children known in advance (everything below a profile). */
  readonly children?: readonly NodeSpec[];
}

/** Environments that hold profiles, in the fixed order Sandbox, tt02, at23, yt01, Production. */
export function environmentNodes(profiles: readonly ConnectionProfile[], activeId: string | undefined, t: Translate): NodeSpec[] {
  const active = profiles.find((p) => p.id === activeId);
  return ENVIRONMENT_IDS.filter((env) => profiles.some((p) => p.environment === env)).map((env) => {
    const count = profiles.filter((p) => p.environment === env).length;
    return {
      id: `env:${env}`,
      kind: 'environment',
      label: ENVIRONMENT_NAMES[env],
      description: active?.environment === env ? t('{0} · active', t(ENVIRONMENT_DESCRIPTIONS[env])) : t(ENVIRONMENT_DESCRIPTIONS[env]),
      tooltip: () => t('{0}: {1} connection profile(s).', ENVIRONMENT_NAMES[env], count),
      icon: { id: env === 'sandbox' ? 'beaker' : env === 'production' ? 'warning' : 'cloud', color: env === 'production' ? 'list.warningForeground' : undefined },
      contextValue: `environment;${env}`,
      collapsible: 'expanded',
      environment: env,
    };
  });
}

export function profileKindLabel(profile: ConnectionProfile, t: Translate): string {
  switch (profile.kind) {
    case 'maskinporten':
      return profile.systemUserOrg ? t('system user for {0}', profile.systemUserOrg) : t('Maskinporten client {0}', shortId(profile.clientId));
    case 'token':
      return t('pasted token');
    case 'sandbox':
      return profile.identity.type === 'person' ? t('sandbox person') : t('sandbox system user');
  }
}

export function profileNodes(profiles: readonly ConnectionProfile[], environment: EnvironmentId, activeId: string | undefined, t: Translate): NodeSpec[] {
  return profiles.filter((p) => p.environment === environment).map((profile) => {
    const active = profile.id === activeId;
    // Sandbox identities are named after their kind: do not say it twice.
    const kind = profile.label.toLowerCase() === profileKindLabel(profile, t).toLowerCase() ? '' : profileKindLabel(profile, t);
    return {
      id: `profile:${profile.id}`,
      kind: 'profile',
      label: profile.label,
      description: active ? (kind ? t('● active · {0}', kind) : t('● active')) : kind || undefined,
      tooltip: () => profileTooltip(profile, active, t),
      icon: { id: profile.kind === 'sandbox' ? 'beaker' : profile.kind === 'token' ? 'note' : 'key', color: active ? 'charts.green' : undefined },
      contextValue: `profile;${active ? 'active' : 'inactive'};${profile.kind}${profile.kind === 'maskinporten' ? `;${profile.kid ? 'kid' : 'certificate'}` : ''}`,
      collapsible: active ? 'expanded' : 'collapsed',
      profileId: profile.id,
      environment: profile.environment,
    };
  });
}

function profileTooltip(profile: ConnectionProfile, active: boolean, t: Translate): string {
  const lines = [`**${escapeMarkdown(profile.label)}**${active ? ` — ${t('active')}` : ''}`, ''];
  lines.push(t('Environment: {0}', ENVIRONMENT_NAMES[profile.environment]));
  if (profile.kind === 'maskinporten') {
    lines.push(t('Client id: `{0}`', profile.clientId));
    lines.push(t('Scopes asked for: {0}', profile.scopes.map((s) => `\`${s}\``).join(', ')));
    if (profile.systemUserOrg) lines.push(t('System user for customer {0}{1}', profile.systemUserOrg, profile.externalRef ? t(' (externalRef {0})', profile.externalRef) : ''));
    lines.push(profile.exchangeToAltinn ? t('Tokens are exchanged for Altinn tokens.') : t('Maskinporten tokens are used as they are.'));
  }
  if (profile.kind === 'token') lines.push(t('A token pasted by you; it is used until it expires.'));
  if (profile.kind === 'sandbox') lines.push(t('A ready-made identity of the built-in sandbox; no credentials needed.'));
  return lines.join('  \n');
}

export interface ProfileChildrenInput {
  readonly profile: ConnectionProfile;
  readonly state: TokenState;
  readonly nowMs: number;
  readonly t: Translate;
  /** Formats a time of day (hh:mm) in the user's locale. */
  readonly timeOfDay: (date: Date) => string;
}

/** Token state, identity, key and scopes of one profile. */
export function profileChildren(input: ProfileChildrenInput): NodeSpec[] {
  const { profile, state, t } = input;
  const nodes: NodeSpec[] = [tokenNode(input)];
  if (state.status === 'valid') nodes.push(identityNode(profile, state.claims, t));
  if (profile.kind === 'maskinporten') nodes.push(keyNode(profile, t));
  const scopes = state.status === 'valid'
    ? { list: state.scopes, fromToken: true, endUser: isEndUser(tokenUserType(state.claims)) }
    : profile.kind === 'maskinporten' ? { list: profile.scopes, fromToken: false, endUser: profile.systemUserOrg !== undefined } : undefined;
  if (scopes) nodes.push(scopesNode(profile, scopes, t));
  return nodes;
}

function tokenNode({ profile, state, nowMs, t, timeOfDay }: ProfileChildrenInput): NodeSpec {
  const id = `token:${profile.id}`;
  const base = { id, kind: 'token' as const, profileId: profile.id };
  switch (state.status) {
    case 'unknown':
      return { ...base, label: t('Token: checking…'), icon: { id: 'loading~spin' }, contextValue: 'token;unknown', collapsible: 'none' };
    case 'valid': {
      const tokenKind = tokenKindLabel(state.claims, t);
      return {
        ...base,
        label: state.expiresAt ? t('Token valid until {0}', timeOfDay(state.expiresAt)) : t('Token valid (no expiry)'),
        description: tokenKind,
        tooltip: () => [
          t('**{0}**', tokenKind),
          state.expiresAt ? t('Expires {0} ({1}).', state.expiresAt.toISOString(), relativeTime(state.expiresAt.getTime() - Date.now(), t)) : t('The token has no exp claim.'),
          t('Click to inspect the token (header, claims, signature).'),
        ].join('  \n'),
        icon: { id: 'pass', color: 'testing.iconPassed' },
        contextValue: 'token;valid',
        collapsible: 'none',
        command: { command: 'altinnInbox.inspectToken', title: t('Inspect Token'), arguments: [{ profileId: profile.id }] },
      };
    }
    case 'expired': {
      const refreshable = profile.kind !== 'token';
      return {
        ...base,
        label: t('Token expired at {0}', timeOfDay(state.expiresAt)),
        description: relativeTime(state.expiresAt.getTime() - nowMs, t),
        tooltip: () => refreshable ? t('The token expired; refresh to get a new one.') : t('A pasted token cannot be renewed; paste a new one.'),
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
        tooltip: () => [state.message, state.likelyCause ? t('Likely cause: {0}', state.likelyCause) : '', state.fix ? t('Fix: {0}', state.fix) : ''].filter(Boolean).join('  \n'),
        icon: { id: 'error', color: 'list.errorForeground' },
        contextValue: 'token;error',
        collapsible: 'expanded',
        children: [
          ...(state.likelyCause ? [detailNode(`${id}:cause`, t('Likely cause: {0}', state.likelyCause), 'question')] : []),
          ...(state.fix ? [detailNode(`${id}:fix`, t('Fix: {0}', state.fix), 'lightbulb')] : []),
          ...fixNodes(profile, state, t),
        ],
      };
  }
}

function detailNode(id: string, label: string, icon: string): NodeSpec {
  return { id, kind: 'detail', label, tooltip: () => label, icon: { id: icon }, collapsible: 'none', contextValue: 'detail' };
}

export interface FixAction {
  readonly id: string;
  readonly label: string;
  readonly command: string;
  readonly arguments: readonly unknown[];
  readonly icon: string;
}

/** What the user can do about a token that does not work, most likely fix first. */
export function fixActions(profile: ConnectionProfile, state: TokenState, t: Translate): FixAction[] {
  const ref = { profileId: profile.id };
  const edit = (field: string, label: string, icon: string): FixAction => ({ id: `edit-${field}`, label, command: 'altinnInbox.editProfile', arguments: [{ ...ref, field }], icon });
  const actions: FixAction[] = [];
  if (state.status === 'expired' && profile.kind === 'token') {
    actions.push({ id: 'paste', label: t('Paste a new token…'), command: 'altinnInbox.pasteToken', arguments: [ref], icon: 'clippy' });
  }
  if (state.status === 'error') {
    const code = state.code ?? '';
    if (profile.kind === 'maskinporten') {
      if (code === 'MP-100') actions.push(edit('clientId', t('Correct the client id…'), 'edit'));
      if (['MP-120', 'MP-121', 'MP-122', 'MP-123', 'MP-124'].includes(code) || state.errorKind === 'key-import') {
        if (profile.kid && code === 'MP-120') actions.push({ id: 'export', label: t('Export the public key to register it in self-service…'), command: 'altinnInbox.exportPublicKey', arguments: [ref], icon: 'export' });
        actions.push(edit('key', t('Replace the key…'), 'key'));
      }
      if (['MP-200', 'MP-201', 'MP-250'].includes(code)) {
        if (code !== 'MP-201') actions.push({ id: 'request', label: t('Draft a scope request to Altinn servicedesk…'), command: 'altinnInbox.requestMissingScopes', arguments: [{ scopes: [...profile.scopes] }], icon: 'mail' });
        actions.push(edit('scopes', t('Change the scopes…'), 'list-selection'));
      }
      if (['MP-251', 'MP-301', 'MP-302', 'MP-303'].includes(code)) actions.push(edit('systemUser', t('Change the system-user customer…'), 'person'));
    }
    if (profile.kind === 'token' && state.errorKind === 'invalid-input') {
      actions.push({ id: 'paste', label: t('Paste the token again…'), command: 'altinnInbox.pasteToken', arguments: [ref], icon: 'clippy' });
    }
  }
  if (profile.kind !== 'token') actions.push({ id: 'retry', label: t('Try again'), command: 'altinnInbox.refreshToken', arguments: [ref], icon: 'refresh' });
  actions.push({ id: 'log', label: t('Show the log'), command: 'altinnInbox.showLog', arguments: [], icon: 'output' });
  return actions;
}

function fixNodes(profile: ConnectionProfile, state: TokenState, t: Translate): NodeSpec[] {
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

function tokenKindLabel(claims: Readonly<Record<string, unknown>>, t: Translate): string {
  const iss = typeof claims.iss === 'string' ? claims.iss : '';
  if (claims.actual_iss === 'altinn-test-tools') return t('Altinn test token');
  if (/\/authentication\/api\/v1\/openid\/?$/.test(iss)) return t('Altinn token');
  if (/maskinporten/.test(iss) || claims.client_amr !== undefined) return t('Maskinporten token');
  return t('Access token');
}

export interface TokenIdentity {
  readonly consumerOrganisationNumber?: string;
  readonly systemUserId?: string;
  readonly systemUserOrganisationNumber?: string;
  readonly systemId?: string;
  readonly person?: string;
  readonly clientId?: string;
  readonly altinnUserId?: string;
  readonly partyId?: string;
}

/** Who the token speaks for, read from its claims (Maskinporten, Altinn or test-tools shapes). */
export function identityFromClaims(claims: Readonly<Record<string, unknown>>): TokenIdentity {
  const consumer = (claims.consumer as { ID?: unknown } | undefined)?.ID;
  const systemUser = systemUserFromClaims(claims);
  const str = (value: unknown): string | undefined => typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
  return {
    consumerOrganisationNumber: str(consumer)?.replace(/^0192:/, '') ?? str(claims['urn:altinn:orgNumber']),
    systemUserId: systemUser?.id,
    systemUserOrganisationNumber: systemUser?.organisationNumber,
    systemId: systemUser?.systemId,
    person: str(claims.pid),
    clientId: str(claims.client_id),
    altinnUserId: str(claims['urn:altinn:userid']),
    partyId: str(claims['urn:altinn:partyid']),
  };
}

function identityNode(profile: ConnectionProfile, claims: Readonly<Record<string, unknown>>, t: Translate): NodeSpec {
  const identity = identityFromClaims(claims);
  const rows: [string, string, string][] = [];
  if (identity.person) rows.push(['person', t('Person {0}', identity.person), 'person']);
  if (identity.systemUserOrganisationNumber) rows.push(['systemUser', t('System user for {0}', identity.systemUserOrganisationNumber), 'account']);
  if (identity.systemUserId) rows.push(['systemUserId', t('System user id {0}', identity.systemUserId), 'symbol-field']);
  if (identity.systemId) rows.push(['systemId', t('System {0}', identity.systemId), 'server']);
  if (identity.consumerOrganisationNumber) rows.push(['consumer', t('Consumer organisation {0}', identity.consumerOrganisationNumber), 'organization']);
  if (identity.clientId) rows.push(['clientId', t('Client {0}', identity.clientId), 'key']);
  if (identity.partyId) rows.push(['partyId', t('Altinn party id {0}', identity.partyId), 'symbol-field']);
  const summary = identity.person
    ? t('person {0}', identity.person)
    : identity.systemUserOrganisationNumber
      ? t('system user for {0}', identity.systemUserOrganisationNumber)
      : identity.consumerOrganisationNumber ? t('organisation {0}', identity.consumerOrganisationNumber) : t('unknown');
  return {
    id: `identity:${profile.id}`,
    kind: 'identity',
    label: t('Identity'),
    description: summary,
    tooltip: () => t('Who the token acts for, read from its claims.'),
    icon: { id: identity.person ? 'person' : 'organization' },
    contextValue: 'identity',
    collapsible: 'collapsed',
    profileId: profile.id,
    children: rows.map(([key, label, icon]) => ({ id: `identity:${profile.id}:${key}`, kind: 'detail' as const, label, icon: { id: icon }, contextValue: 'detail', collapsible: 'none' as const })),
  };
}

function keyNode(profile: Extract<ConnectionProfile, { kind: 'maskinporten' }>, t: Translate): NodeSpec {
  const certificate = !profile.kid;
  const source = {
    jwk: t('imported JWK'), pem: t('imported PEM'), pkcs12: t('PKCS#12 certificate'), 'pem-chain': t('PEM certificate chain'), generated: t('generated here'),
  }[profile.keySource];
  return {
    id: `key:${profile.id}`,
    kind: 'key',
    label: certificate ? t('Certificate {0}', oneLineSubject(profile.certificateSubject)) : t('Key {0}', profile.kid ?? ''),
    description: source,
    tooltip: () => [
      certificate ? t('Business certificate; grants carry its chain (x5c).') : t('Grants name the key by kid; its public half must be registered on the client in Digdir self-service.'),
      t('The private key is kept in VS Code SecretStorage and is never shown or exported.'),
    ].join('  \n'),
    icon: { id: certificate ? 'workspace-trusted' : 'key' },
    contextValue: `key;${certificate ? 'certificate' : 'kid'}`,
    collapsible: 'none',
    profileId: profile.id,
  };
}

function scopesNode(profile: ConnectionProfile, { list: scopes, fromToken, endUser }: { list: readonly string[]; fromToken: boolean; endUser: boolean }, t: Translate): NodeSpec {
  const checklist = featureChecklist(scopes, { endUser });
  const ready = checklist.filter((f) => f.satisfied).length;
  return {
    id: `scopes:${profile.id}`,
    kind: 'scopes',
    label: fromToken ? t('Scopes') : t('Scopes (asked for; no token yet)'),
    description: t('{0} scope(s) · {1}/{2} features ready', scopes.length, ready, checklist.length),
    tooltip: () => fromToken ? t('The scopes in the token, and which features they unlock.') : t('The scopes this profile asks Maskinporten for.'),
    icon: { id: 'checklist' },
    contextValue: 'scopes',
    collapsible: 'collapsed',
    profileId: profile.id,
    children: [...checklist.map((status) => featureNode(profile, status, t)), ...scopes.map((scope) => scopeNode(profile, scope, t))],
  };
}

function featureNode(profile: ConnectionProfile, status: FeatureStatus, t: Translate): NodeSpec {
  const label = featureDefinition(status.feature).label.en;
  if (status.needsEndUser) return needsEndUserNode(profile, status, label, t);
  return {
    id: `feature:${profile.id}:${status.feature}`,
    kind: 'feature',
    label: `${status.satisfied ? '✓' : '✗'} ${t(label)}`,
    description: status.satisfied ? t('ready') : t('missing {0}', status.missing.join(', ')),
    tooltip: () => status.satisfied
      ? t('The token has the scopes {0} needs.', t(label))
      : [t('{0} needs {1}.', t(label), status.missing.map((s) => `\`${s}\``).join(', ')), ...status.missing.map((s) => describeScope(s)?.purpose.en ?? ''), t('Use "Draft Scope Request" to ask Altinn servicedesk for it.')].filter(Boolean).join('  \n'),
    icon: status.satisfied ? { id: 'pass-filled', color: 'testing.iconPassed' } : { id: 'circle-slash', color: 'list.errorForeground' },
    contextValue: status.satisfied ? 'feature;ready' : 'feature;missing',
    collapsible: 'none',
    profileId: profile.id,
    missingScopes: status.missing,
  };
}

/**
 * A feature whose API serves only a person or a system user, on a profile that is neither (a plain Maskinporten
 * client): no scope fixes that, a system user does.
 */
function needsEndUserNode(profile: ConnectionProfile, status: FeatureStatus, label: string, t: Translate): NodeSpec {
  const id = `feature:${profile.id}:${status.feature}`;
  const fix = addEndUserAction(profile, t);
  const missing = status.missing.length ? t('; also missing {0}', status.missing.join(', ')) : '';
  return {
    id,
    kind: 'feature',
    label: `✗ ${t(label)}`,
    description: t('needs a system user (or a person){0}', missing),
    tooltip: () => [
      t('{0} uses Dialogporten\'s end-user API, which serves only a person or a system user.', t(label)),
      t('A plain Maskinporten token is neither: Dialogporten answers 403 "unable to determine valid user type", whatever its scopes.'),
      t('Add a system user to the profile: the customer organisation that approved your system.'),
    ].join('  \n'),
    icon: { id: 'circle-slash', color: 'list.errorForeground' },
    contextValue: status.missing.length ? 'feature;missing;needsEndUser' : 'feature;needsEndUser',
    collapsible: fix ? 'expanded' : 'none',
    profileId: profile.id,
    missingScopes: status.missing,
    children: fix ? [{
      id: `${id}:fix`, kind: 'fix', label: fix.label, icon: { id: fix.icon, color: 'textLink.foreground' }, contextValue: 'fix', collapsible: 'none',
      profileId: profile.id, command: { command: fix.command, title: fix.label, arguments: fix.arguments },
    }] : undefined,
  };
}

/** How to give a profile an end user: a Maskinporten client gets a system-user customer; a pasted token is replaced. */
export function addEndUserAction(profile: ConnectionProfile, t: Translate): FixAction | undefined {
  const ref = { profileId: profile.id };
  if (profile.kind === 'maskinporten') return { id: 'add-system-user', label: t('Add a system user to the profile…'), command: 'altinnInbox.editProfile', arguments: [{ ...ref, field: 'systemUser' }], icon: 'person-add' };
  if (profile.kind === 'token') return { id: 'paste-end-user', label: t('Paste a system-user or person token…'), command: 'altinnInbox.pasteToken', arguments: [ref], icon: 'clippy' };
  return undefined;
}

function scopeNode(profile: ConnectionProfile, scope: string, t: Translate): NodeSpec {
  const info = describeScope(scope);
  return {
    id: `scope:${profile.id}:${scope}`,
    kind: 'scope',
    label: scope,
    description: info ? t(info.purpose.en) : t('not in the catalogue'),
    tooltip: () => info ? `${info.purpose.en}  \n_${info.purpose.nb}_` : t('This scope is not in the extension\'s catalogue.'),
    icon: { id: 'tag' },
    contextValue: 'scope',
    collapsible: 'none',
    profileId: profile.id,
  };
}

/** "in 42 min", "3 min ago". */
export function relativeTime(deltaMs: number, t: Translate): string {
  const seconds = Math.round(Math.abs(deltaMs) / 1000);
  const amount = seconds < 120 ? t('{0} s', seconds) : seconds < 7200 ? t('{0} min', Math.round(seconds / 60)) : seconds < 172_800 ? t('{0} h', Math.round(seconds / 3600)) : t('{0} days', Math.round(seconds / 86_400));
  return deltaMs >= 0 ? t('in {0}', amount) : t('{0} ago', amount);
}

/**
 * When the view should next refresh a token: shortly before the earliest expiry among the tokens shown
 * (refreshable tokens 10 % of their lifetime but at most 30 s early; pasted ones at expiry, to show "expired").
 */
export function nextRefreshAt(shown: readonly { profileId: string; state: TokenState; refreshable: boolean }[], nowMs: number): { atMs: number; profileIds: string[] } | undefined {
  const due = shown.flatMap(({ profileId, state, refreshable }) => {
    if (state.status !== 'valid' || !state.expiresAt) return [];
    const expMs = state.expiresAt.getTime();
    const iatMs = typeof state.claims.iat === 'number' ? state.claims.iat * 1000 : expMs - 120_000;
    const margin = refreshable ? Math.min(30_000, Math.max(1000, (expMs - iatMs) * 0.1)) : 0;
    return [{ profileId, atMs: Math.max(nowMs, expMs - margin) }];
  });
  if (due.length === 0) return undefined;
  const atMs = Math.min(...due.map((d) => d.atMs));
  // Refresh everything due within a second of the earliest together.
  return { atMs, profileIds: due.filter((d) => d.atMs <= atMs + 1000).map((d) => d.profileId) };
}

function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}

function oneLineSubject(subject: string | undefined): string {
  if (!subject) return '';
  const cn = /(?:^|\n|,\s*)CN=([^\n,]+)/.exec(subject)?.[1];
  return cn ?? subject.replace(/\n/g, ', ');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
