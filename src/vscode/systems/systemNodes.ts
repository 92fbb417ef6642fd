// The rows of the Systems view as plain data (no `vscode` import); systemsTree.ts turns them into TreeItems with the
// converter the other trees use (shared/treeItems.ts).
import type { Localizer } from '../../platform/presentation';
import type { VendorSystemUser } from '../../platform/systemUsers';
import {
  rightResources,
  shownStatus,
  type KnownRequest,
  type SystemEntry,
  type VendorSnapshot,
} from '../shared/vendorSnapshot';
import type { TreeRow } from '../shared/treeRow';

export type SystemsNodeKind = 'system' | 'group' | 'detail' | 'systemUser' | 'request' | 'error';

/** One row of the Systems view: a tree row (collapsible follows from children and `expanded`) plus what it stands for. */
export interface SystemsNode extends Omit<TreeRow, 'collapsible'> {
  readonly kind: SystemsNodeKind;
  /** Markdown, already escaped. */
  readonly tooltip?: string;
  readonly contextValue: string;
  readonly children?: readonly SystemsNode[];
  readonly expanded?: boolean;
  readonly profileId: string;
  readonly systemId?: string;
  readonly systemUser?: VendorSystemUser;
  readonly request?: KnownRequest;
  readonly entry?: SystemEntry;
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, (c) => `\\${c}`);
}

/** "3 min", "2 h", "4 d": how long ago an ISO time was. */
export function ageText(iso: string | null | undefined, nowMs: number, t: Localizer['t']): string {
  const at = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(at) || at <= 0) return t('age unknown');
  const minutes = Math.max(0, Math.floor((nowMs - at) / 60_000));
  if (minutes < 1) return t('just now');
  if (minutes < 60) return t('{0} min ago', minutes);
  if (minutes < 48 * 60) return t('{0} h ago', Math.floor(minutes / 60));
  return t('{0} d ago', Math.floor(minutes / (24 * 60)));
}

export function systemTitle(entry: SystemEntry): string {
  const name = entry.summary.name;
  return name.nb ?? name.en ?? name.nn ?? entry.summary.systemId;
}

export function systemNodes(
  snapshot: VendorSnapshot,
  profileId: string,
  nowMs: number,
  t: Localizer['t'],
): SystemsNode[] {
  return snapshot.systems.map((entry) => systemNode(entry, profileId, nowMs, t));
}

function systemNode(entry: SystemEntry, profileId: string, nowMs: number, t: Localizer['t']): SystemsNode {
  const systemId = entry.summary.systemId;
  const base = { profileId, systemId, entry };
  const prefix = `${profileId}/${systemId}`;
  const clientIds = entry.system?.clientId ?? [];
  const resources = rightResources(entry.summary.rights);
  const packages = entry.summary.accessPackages.map((p) => p.urn);
  const children: SystemsNode[] = [];
  if (entry.system)
    children.push({
      ...base,
      id: `${prefix}/clients`,
      kind: 'detail',
      label: clientIds.length ? t('Client ids: {0}', clientIds.join(', ')) : t('No client id'),
      description: clientIds.length ? undefined : t('its system users get MP-303 until one is added'),
      icon: clientIds.length ? { id: 'key' } : { id: 'warning', color: 'list.warningForeground' },
      contextValue: 'systemDetail clientIds',
    });
  children.push(
    group(`${prefix}/rights`, t('Rights'), resources, 'symbol-key', base, (r) => r),
    group(`${prefix}/packages`, t('Access packages'), packages, 'package', base, (p) => p),
  );
  children.push({
    ...base,
    id: `${prefix}/systemUsers`,
    kind: 'group',
    label: t('System users'),
    description: String(entry.systemUsers.length),
    icon: { id: 'person' },
    contextValue: 'systemGroup systemUsers',
    expanded: true,
    children: entry.systemUsers.map((user) => systemUserNode(user, prefix, base, t)),
  });
  children.push({
    ...base,
    id: `${prefix}/requests`,
    kind: 'group',
    label: t('Requests'),
    description: String(entry.requests.length),
    icon: { id: 'mail' },
    contextValue: 'systemGroup requests',
    expanded: true,
    children: entry.requests.map((request) => requestNode(request, prefix, base, nowMs, t)),
  });
  for (const failure of entry.errors)
    children.push({
      ...base,
      id: `${prefix}/error/${failure.part}`,
      kind: 'error',
      label: t(
        'Could not load {0}: {1}',
        failure.part,
        failure.error instanceof Error ? failure.error.message : String(failure.error),
      ),
      icon: { id: 'error', color: 'errorForeground' },
      contextValue: 'systemError',
    });
  return {
    ...base,
    id: prefix,
    kind: 'system',
    label: systemTitle(entry),
    description: systemId,
    tooltip: [
      `**${escapeMarkdown(systemTitle(entry))}**`,
      '',
      `${t('System id')}: \`${systemId}\``,
      `${t('Client ids')}: ${clientIds.map((c) => `\`${c}\``).join(', ') || '—'}`,
      `${t('Allowed redirect URLs')}: ${escapeMarkdown((entry.system?.allowedRedirectUrls ?? []).join(', ') || '—')}`,
      `${t('Visible in the portal')}: ${entry.summary.isVisible === false ? t('no') : t('yes')}`,
    ].join('\n\n'),
    icon: { id: 'server-process' },
    contextValue: 'system',
    expanded: true,
    children,
  };
}

function group(
  id: string,
  label: string,
  values: readonly string[],
  icon: string,
  base: Pick<SystemsNode, 'profileId' | 'systemId' | 'entry'>,
  text: (value: string) => string,
): SystemsNode {
  return {
    ...base,
    id,
    kind: 'group',
    label,
    description: String(values.length),
    icon: { id: icon },
    contextValue: 'systemGroup',
    children: values.map((value) => ({
      ...base,
      id: `${id}/${value}`,
      kind: 'detail' as const,
      label: text(value),
      contextValue: 'systemDetail',
    })),
  };
}

function systemUserNode(
  user: VendorSystemUser,
  prefix: string,
  base: Pick<SystemsNode, 'profileId' | 'systemId' | 'entry'>,
  t: Localizer['t'],
): SystemsNode {
  const type = user.userType === 'agent' ? t('agent') : t('standard');
  return {
    ...base,
    id: `${prefix}/su/${user.id}`,
    kind: 'systemUser',
    label: user.reporteeOrgNo,
    description: [type, user.created ? t('created {0}', user.created.slice(0, 10)) : ''].filter(Boolean).join(' · '),
    tooltip: [
      `**${t('System user')}** \`${user.id}\``,
      `${t('Customer')}: ${user.reporteeOrgNo}`,
      `${t('Type')}: ${type}`,
      `${t('External reference')}: \`${user.externalRef ?? user.reporteeOrgNo}\``,
      `${t('Created')}: ${user.created ?? '—'}`,
    ].join('\n\n'),
    icon: { id: user.userType === 'agent' ? 'organization' : 'person' },
    contextValue: `systemUser ${user.userType === 'agent' ? 'agent' : 'standard'}`,
    systemUser: user,
  };
}

const STATUS_ICON: Record<string, { id: string; color?: string }> = {
  New: { id: 'clock', color: 'charts.yellow' },
  Accepted: { id: 'pass', color: 'testing.iconPassed' },
  Rejected: { id: 'close', color: 'errorForeground' },
  Denied: { id: 'close', color: 'errorForeground' },
  Timedout: { id: 'watch', color: 'list.warningForeground' },
};

function requestNode(
  known: KnownRequest,
  prefix: string,
  base: Pick<SystemsNode, 'profileId' | 'systemId' | 'entry'>,
  nowMs: number,
  t: Localizer['t'],
): SystemsNode {
  const { request, kind } = known;
  const status = shownStatus(request);
  const rights = rightResources(request.rights);
  const packages = request.accessPackages.map((p) => p.urn);
  return {
    ...base,
    id: `${prefix}/rq/${request.id}`,
    kind: 'request',
    label: request.partyOrgNo,
    description: [status, ageText(request.created, nowMs, t), kind === 'agent' ? t('agent') : '']
      .filter(Boolean)
      .join(' · '),
    tooltip: [
      `**${t('Request')}** \`${request.id}\``,
      `${t('Customer')}: ${request.partyOrgNo}`,
      `${t('Status')}: ${status}`,
      `${t('External reference')}: \`${request.externalRef ?? request.partyOrgNo}\``,
      `${t('Rights')}: ${escapeMarkdown(rights.join(', ') || '—')}`,
      `${t('Access packages')}: ${escapeMarkdown(packages.join(', ') || '—')}`,
      `${t('Confirm URL')}: ${escapeMarkdown(request.confirmUrl ?? '—')}`,
    ].join('\n\n'),
    icon: STATUS_ICON[status] ?? { id: 'question' },
    contextValue: ['request', status.toLowerCase(), kind, request.confirmUrl ? 'hasConfirmUrl' : '']
      .filter(Boolean)
      .join(' '),
    request: known,
  };
}
