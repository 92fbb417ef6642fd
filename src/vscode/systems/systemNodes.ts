// The rows of the Systems view as plain data (no `vscode` import); systemsTree.ts turns them into TreeItems with the
// converter the other trees use (shared/treeItems.ts).
import type { Localizer } from '../../platform/presentation';
import type { ChangeRequest, VendorSystemUser } from '../../platform/systemUsers';
import {
  rightResources,
  shownStatus,
  type KnownRequest,
  type SystemEntry,
  type VendorSnapshot,
} from '../shared/vendorSnapshot';
import type { TreeRow } from '../shared/treeRow';
import { changeRequestNode } from './changeRequestNodes';
import { escapeMarkdown } from '../shared/markdownText';
import { ageText, statusIcon } from './rowText';
import { systemUserGrants } from './systemUserGrants';

export { ageText } from './rowText';

export type SystemsNodeKind = 'system' | 'group' | 'detail' | 'systemUser' | 'request' | 'changeRequest' | 'error';

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
  readonly changeRequest?: ChangeRequest;
  readonly entry?: SystemEntry;
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
  children.push(
    openGroup(
      base,
      prefix,
      'systemUsers',
      t('System users'),
      'person',
      entry.systemUsers.length,
      entry.systemUsers.map((user) => systemUserNode(user, entry, prefix, base, t)),
    ),
    openGroup(
      base,
      prefix,
      'requests',
      t('Requests'),
      'mail',
      entry.requests.length,
      entry.requests.map((request) => requestNode(request, prefix, base, nowMs, t)),
    ),
    changeRequestGroup(entry, prefix, base, nowMs, t),
  );
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

function changeRequestGroup(
  entry: SystemEntry,
  prefix: string,
  base: Pick<SystemsNode, 'profileId' | 'systemId' | 'entry'>,
  nowMs: number,
  t: Localizer['t'],
): SystemsNode {
  const rows = entry.changeRequests.map((change) => changeRequestNode(change, prefix, base, nowMs, t));
  if (!entry.changeRequestsComplete)
    rows.push({
      ...base,
      id: `${prefix}/changeRequests/incomplete`,
      kind: 'detail',
      label: t('Altinn lists only the first {0} change requests', entry.changeRequests.length),
      description: t('its list answers the first page for every page token'),
      icon: { id: 'warning', color: 'list.warningForeground' },
      contextValue: 'systemDetail',
    });
  return openGroup(base, prefix, 'changeRequests', t('Change requests'), 'diff', entry.changeRequests.length, rows);
}

/** A group shown open under a system, counting its items: the system users, requests and change requests. */
function openGroup(
  base: Pick<SystemsNode, 'profileId' | 'systemId' | 'entry'>,
  prefix: string,
  name: 'systemUsers' | 'requests' | 'changeRequests',
  label: string,
  icon: string,
  count: number,
  children: SystemsNode[],
): SystemsNode {
  return {
    ...base,
    id: `${prefix}/${name}`,
    kind: 'group',
    label,
    description: String(count),
    icon: { id: icon },
    contextValue: `systemGroup ${name}`,
    expanded: true,
    children,
  };
}

function count(n: number, one: string, many: string): string {
  return n === 0 ? '' : n === 1 ? one : many;
}

function systemUserNode(
  user: VendorSystemUser,
  entry: SystemEntry,
  prefix: string,
  base: Pick<SystemsNode, 'profileId' | 'systemId' | 'entry'>,
  t: Localizer['t'],
): SystemsNode {
  const type = user.userType === 'agent' ? t('agent') : t('standard');
  const grants = systemUserGrants(user, entry);
  const counts = grants
    ? [
        count(grants.resources.length, t('1 right'), t('{0} rights', grants.resources.length)),
        count(grants.packages.length, t('1 package'), t('{0} packages', grants.packages.length)),
      ]
    : [];
  const grantLines = grants
    ? [
        `${grants.fromRequest ? t('Rights (its request and accepted change requests)') : t('Rights (accepted change requests only)')}: ${escapeMarkdown(grants.resources.join(', ') || '—')}`,
        `${t('Access packages')}: ${escapeMarkdown(grants.packages.join(', ') || '—')}`,
      ]
    : [];
  return {
    ...base,
    id: `${prefix}/su/${user.id}`,
    kind: 'systemUser',
    label: user.reporteeOrgNo,
    description: [type, ...counts, user.created ? t('created {0}', user.created.slice(0, 10)) : '']
      .filter(Boolean)
      .join(' · '),
    tooltip: [
      `**${t('System user')}** \`${user.id}\``,
      `${t('Customer')}: ${user.reporteeOrgNo}`,
      `${t('Type')}: ${type}`,
      `${t('External reference')}: \`${user.externalRef ?? user.reporteeOrgNo}\``,
      `${t('Created')}: ${user.created ?? '—'}`,
      ...grantLines,
    ].join('\n\n'),
    icon: { id: user.userType === 'agent' ? 'organization' : 'person' },
    contextValue: `systemUser ${user.userType === 'agent' ? 'agent' : 'standard'}`,
    systemUser: user,
  };
}

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
    icon: statusIcon(status),
    contextValue: ['request', status.toLowerCase(), kind, request.confirmUrl ? 'hasConfirmUrl' : '']
      .filter(Boolean)
      .join(' '),
    request: known,
  };
}
