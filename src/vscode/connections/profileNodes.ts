// The environment, profile, identity, key and scope rows of the Connections tree (see nodeSpec.ts).
import { identityFromClaims } from '../../platform/auth/tokenIdentity';
import { isEndUser, tokenUserType } from '../../platform/auth/userType';
import { describeScope, featureChecklist, featureDefinition, type FeatureStatus } from '../../platform/scopes';
import {
  ENVIRONMENT_DESCRIPTIONS,
  ENVIRONMENT_IDS,
  ENVIRONMENT_NAMES,
  type EnvironmentId,
} from '../../platform/environments';
import type { ConnectionProfile } from '../profiles/profile';
import { addEndUserAction } from '../shared/connectionFixes';
import { profileKindLabel } from '../shared/profileKind';
import type { Localizer } from '../../platform/presentation';
import { escapeMarkdown } from '../shared/markdownText';
import type { NodeSpec, ProfileChildrenInput } from './nodeSpec';
import { tokenNode } from './tokenNodes';

/** Environments that hold profiles, in the fixed order Sandbox, tt02, at23, yt01, Production. */
export function environmentNodes(
  profiles: readonly ConnectionProfile[],
  activeId: string | undefined,
  t: Localizer['t'],
): NodeSpec[] {
  const active = profiles.find((p) => p.id === activeId);
  return ENVIRONMENT_IDS.filter((env) => profiles.some((p) => p.environment === env)).map((env) => {
    const count = profiles.filter((p) => p.environment === env).length;
    return {
      id: `env:${env}`,
      kind: 'environment',
      label: ENVIRONMENT_NAMES[env],
      description:
        active?.environment === env
          ? t('{0} · active', t(ENVIRONMENT_DESCRIPTIONS[env]))
          : t(ENVIRONMENT_DESCRIPTIONS[env]),
      tooltip: () => t('{0}: {1} connection profile(s).', ENVIRONMENT_NAMES[env], count),
      icon: {
        id: env === 'sandbox' ? 'beaker' : env === 'production' ? 'warning' : 'cloud',
        color: env === 'production' ? 'list.warningForeground' : undefined,
      },
      contextValue: `environment;${env}`,
      collapsible: 'expanded',
      environment: env,
    };
  });
}

export function profileNodes(
  profiles: readonly ConnectionProfile[],
  environment: EnvironmentId,
  activeId: string | undefined,
  t: Localizer['t'],
): NodeSpec[] {
  return profiles
    .filter((p) => p.environment === environment)
    .map((profile) => {
      const active = profile.id === activeId;
      // Sandbox identities are named after their kind: do not say it twice.
      const kind =
        profile.label.toLowerCase() === profileKindLabel(profile, t).toLowerCase() ? '' : profileKindLabel(profile, t);
      return {
        id: `profile:${profile.id}`,
        kind: 'profile',
        label: profile.label,
        description: active ? (kind ? t('● active · {0}', kind) : t('● active')) : kind || undefined,
        tooltip: () => profileTooltip(profile, active, t),
        icon: {
          id: profile.kind === 'sandbox' ? 'beaker' : profile.kind === 'token' ? 'note' : 'key',
          color: active ? 'charts.green' : undefined,
        },
        contextValue: `profile;${active ? 'active' : 'inactive'};${profile.kind}${profile.kind === 'maskinporten' ? `;${profile.kid ? 'kid' : 'certificate'}` : ''}`,
        collapsible: active ? 'expanded' : 'collapsed',
        profileId: profile.id,
        environment: profile.environment,
      };
    });
}

function profileTooltip(profile: ConnectionProfile, active: boolean, t: Localizer['t']): string {
  const lines = [`**${escapeMarkdown(profile.label)}**${active ? ` — ${t('active')}` : ''}`, ''];
  lines.push(t('Environment: {0}', ENVIRONMENT_NAMES[profile.environment]));
  if (profile.kind === 'maskinporten') {
    lines.push(t('Client id: `{0}`', profile.clientId));
    lines.push(t('Scopes asked for: {0}', profile.scopes.map((s) => `\`${s}\``).join(', ')));
    if (profile.systemUserOrg)
      lines.push(
        t(
          'System user for customer {0}{1}',
          profile.systemUserOrg,
          profile.externalRef ? t(' (externalRef {0})', profile.externalRef) : '',
        ),
      );
    lines.push(
      profile.exchangeToAltinn
        ? t('Tokens are exchanged for Altinn tokens.')
        : t('Maskinporten tokens are used as they are.'),
    );
  }
  if (profile.kind === 'token') lines.push(t('A token pasted by you; it is used until it expires.'));
  if (profile.kind === 'sandbox')
    lines.push(t('A ready-made identity of the built-in sandbox; no credentials needed.'));
  return lines.join('  \n');
}

/** Token state, identity, key and scopes of one profile. */
export function profileChildren(input: ProfileChildrenInput): NodeSpec[] {
  const { profile, state, t } = input;
  const nodes: NodeSpec[] = [tokenNode(input)];
  if (state.status === 'valid') nodes.push(identityNode(profile, state.claims, t));
  if (profile.kind === 'maskinporten') nodes.push(keyNode(profile, t));
  const scopes =
    state.status === 'valid'
      ? { list: state.scopes, fromToken: true, endUser: isEndUser(tokenUserType(state.claims)) }
      : profile.kind === 'maskinporten'
        ? { list: profile.scopes, fromToken: false, endUser: profile.systemUserOrg !== undefined }
        : undefined;
  if (scopes) nodes.push(scopesNode(profile, scopes, t));
  return nodes;
}

function identityNode(
  profile: ConnectionProfile,
  claims: Readonly<Record<string, unknown>>,
  t: Localizer['t'],
): NodeSpec {
  const identity = identityFromClaims(claims);
  const rows: [string, string, string][] = [];
  if (identity.person) rows.push(['person', t('Person {0}', identity.person), 'person']);
  if (identity.systemUserOrganisationNumber)
    rows.push(['systemUser', t('System user for {0}', identity.systemUserOrganisationNumber), 'account']);
  if (identity.systemUserId)
    rows.push(['systemUserId', t('System user id {0}', identity.systemUserId), 'symbol-field']);
  if (identity.systemId) rows.push(['systemId', t('System {0}', identity.systemId), 'server']);
  if (identity.consumerOrganisationNumber)
    rows.push(['consumer', t('Consumer organisation {0}', identity.consumerOrganisationNumber), 'organization']);
  if (identity.clientId) rows.push(['clientId', t('Client {0}', identity.clientId), 'key']);
  if (identity.partyId) rows.push(['partyId', t('Altinn party id {0}', identity.partyId), 'symbol-field']);
  const summary = identity.person
    ? t('person {0}', identity.person)
    : identity.systemUserOrganisationNumber
      ? t('system user for {0}', identity.systemUserOrganisationNumber)
      : identity.consumerOrganisationNumber
        ? t('organisation {0}', identity.consumerOrganisationNumber)
        : t('unknown');
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
    children: rows.map(([key, label, icon]) => ({
      id: `identity:${profile.id}:${key}`,
      kind: 'detail' as const,
      label,
      icon: { id: icon },
      contextValue: 'detail',
      collapsible: 'none' as const,
    })),
  };
}

function keyNode(profile: Extract<ConnectionProfile, { kind: 'maskinporten' }>, t: Localizer['t']): NodeSpec {
  const certificate = !profile.kid;
  const source = {
    jwk: t('imported JWK'),
    pem: t('imported PEM'),
    pkcs12: t('PKCS#12 certificate'),
    'pem-chain': t('PEM certificate chain'),
    generated: t('generated here'),
  }[profile.keySource];
  return {
    id: `key:${profile.id}`,
    kind: 'key',
    label: certificate
      ? t('Certificate {0}', oneLineSubject(profile.certificateSubject))
      : t('Key {0}', profile.kid ?? ''),
    description: source,
    tooltip: () =>
      [
        certificate
          ? t('Business certificate; grants carry its chain (x5c).')
          : t('Grants name the key by kid; its public half must be registered on the client in Digdir self-service.'),
        t('The private key is kept in VS Code SecretStorage and is never shown or exported.'),
      ].join('  \n'),
    icon: { id: certificate ? 'workspace-trusted' : 'key' },
    contextValue: `key;${certificate ? 'certificate' : 'kid'}`,
    collapsible: 'none',
    profileId: profile.id,
  };
}

function scopesNode(
  profile: ConnectionProfile,
  { list: scopes, fromToken, endUser }: { list: readonly string[]; fromToken: boolean; endUser: boolean },
  t: Localizer['t'],
): NodeSpec {
  const checklist = featureChecklist(scopes, { endUser });
  const ready = checklist.filter((f) => f.satisfied).length;
  return {
    id: `scopes:${profile.id}`,
    kind: 'scopes',
    label: fromToken ? t('Scopes') : t('Scopes (asked for; no token yet)'),
    description: t('{0} scope(s) · {1}/{2} features ready', scopes.length, ready, checklist.length),
    tooltip: () =>
      fromToken
        ? t('The scopes in the token, and which features they unlock.')
        : t('The scopes this profile asks Maskinporten for.'),
    icon: { id: 'checklist' },
    contextValue: 'scopes',
    collapsible: 'collapsed',
    profileId: profile.id,
    children: [
      ...checklist.map((status) => featureNode(profile, status, t)),
      ...scopes.map((scope) => scopeNode(profile, scope, t)),
    ],
  };
}

function featureNode(profile: ConnectionProfile, status: FeatureStatus, t: Localizer['t']): NodeSpec {
  const label = featureDefinition(status.feature).label.en;
  if (status.needsEndUser) return needsEndUserNode(profile, status, label, t);
  return {
    id: `feature:${profile.id}:${status.feature}`,
    kind: 'feature',
    label: `${status.satisfied ? '✓' : '✗'} ${t(label)}`,
    description: status.satisfied ? t('ready') : t('missing {0}', status.missing.join(', ')),
    tooltip: () =>
      status.satisfied
        ? t('The token has the scopes {0} needs.', t(label))
        : [
            t('{0} needs {1}.', t(label), status.missing.map((s) => `\`${s}\``).join(', ')),
            ...status.missing.map((s) => describeScope(s)?.purpose.en ?? ''),
            t('Use "Draft Scope Request" to ask Altinn servicedesk for it.'),
          ]
            .filter(Boolean)
            .join('  \n'),
    icon: status.satisfied
      ? { id: 'pass-filled', color: 'testing.iconPassed' }
      : { id: 'circle-slash', color: 'list.errorForeground' },
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
function needsEndUserNode(
  profile: ConnectionProfile,
  status: FeatureStatus,
  label: string,
  t: Localizer['t'],
): NodeSpec {
  const id = `feature:${profile.id}:${status.feature}`;
  const fix = addEndUserAction(profile, t);
  const missing = status.missing.length ? t('; also missing {0}', status.missing.join(', ')) : '';
  return {
    id,
    kind: 'feature',
    label: `✗ ${t(label)}`,
    description: t('needs a system user (or a person){0}', missing),
    tooltip: () =>
      [
        t("{0} uses Dialogporten's end-user API, which serves only a person or a system user.", t(label)),
        t(
          'A plain Maskinporten token is neither: Dialogporten answers 403 "unable to determine valid user type", whatever its scopes.',
        ),
        t('Add a system user to the profile: the customer organisation that approved your system.'),
      ].join('  \n'),
    icon: { id: 'circle-slash', color: 'list.errorForeground' },
    contextValue: status.missing.length ? 'feature;missing;needsEndUser' : 'feature;needsEndUser',
    collapsible: fix ? 'expanded' : 'none',
    profileId: profile.id,
    missingScopes: status.missing,
    children: fix
      ? [
          {
            id: `${id}:fix`,
            kind: 'fix',
            label: fix.label,
            icon: { id: fix.icon, color: 'textLink.foreground' },
            contextValue: 'fix',
            collapsible: 'none',
            profileId: profile.id,
            command: { command: fix.command, title: fix.label, arguments: fix.arguments },
          },
        ]
      : undefined,
  };
}

function scopeNode(profile: ConnectionProfile, scope: string, t: Localizer['t']): NodeSpec {
  const info = describeScope(scope);
  return {
    id: `scope:${profile.id}:${scope}`,
    kind: 'scope',
    label: scope,
    description: info ? t(info.purpose.en) : t('not in the catalogue'),
    tooltip: () =>
      info ? `${info.purpose.en}  \n_${info.purpose.nb}_` : t("This scope is not in the extension's catalogue."),
    icon: { id: 'tag' },
    contextValue: 'scope',
    collapsible: 'none',
    profileId: profile.id,
  };
}

function oneLineSubject(subject: string | undefined): string {
  if (!subject) return '';
  const cn = /(?:^|\n|,\s*)CN=([^\n,]+)/.exec(subject)?.[1];
  return cn ?? subject.replace(/\n/g, ', ');
}
