// The rows of a change request in the Systems view (no `vscode` import): what it adds and removes, its status and age.
import type { Localizer } from '../../platform/presentation';
import type { ChangeRequest } from '../../platform/systemUsers';
import { rightResources, shownStatus } from '../shared/vendorSnapshot';
import { escapeMarkdown } from '../shared/markdownText';
import { ageText, statusIcon } from './rowText';
import type { SystemsNode } from './systemNodes';

type Base = Pick<SystemsNode, 'profileId' | 'systemId' | 'entry'>;

/** One added or removed right or access package. */
export interface ChangeItem {
  readonly sign: '+' | '−';
  readonly kind: 'right' | 'package';
  readonly value: string;
}

export function changeItems(change: ChangeRequest): ChangeItem[] {
  const packages = (list: readonly { urn: string }[]) => list.map((p) => p.urn);
  return [
    ...rightResources(change.requiredRights).map((value) => ({ sign: '+' as const, kind: 'right' as const, value })),
    ...packages(change.requiredAccessPackages).map((value) => ({
      sign: '+' as const,
      kind: 'package' as const,
      value,
    })),
    ...rightResources(change.unwantedRights).map((value) => ({ sign: '−' as const, kind: 'right' as const, value })),
    ...packages(change.unwantedAccessPackages).map((value) => ({
      sign: '−' as const,
      kind: 'package' as const,
      value,
    })),
  ];
}

/** `urn:altinn:accesspackage:regnskapsforer` reads as `regnskapsforer` in a row. */
export function shortName(item: ChangeItem): string {
  return item.kind === 'package' ? item.value.replace(/^urn:altinn:accesspackage:/, '') : item.value;
}

export function changeRequestNode(
  change: ChangeRequest,
  prefix: string,
  base: Base,
  nowMs: number,
  t: Localizer['t'],
): SystemsNode {
  const status = shownStatus(change);
  const items = changeItems(change);
  const summary = items.map((i) => `${i.sign}${shortName(i)}`).join(' ');
  const customer = change.partyOrgNo ?? change.systemUserId ?? change.id;
  const list = (sign: ChangeItem['sign'], kind: ChangeItem['kind']) =>
    escapeMarkdown(
      items
        .filter((i) => i.sign === sign && i.kind === kind)
        .map((i) => i.value)
        .join(', ') || '—',
    );
  const id = `${prefix}/cr/${change.id}`;
  return {
    ...base,
    id,
    kind: 'changeRequest',
    label: customer,
    description: [status, ageText(change.created, nowMs, t), summary.length > 60 ? `${summary.slice(0, 59)}…` : summary]
      .filter(Boolean)
      .join(' · '),
    tooltip: [
      `**${t('Change request')}** \`${change.id}\``,
      `${t('Customer')}: ${customer}`,
      `${t('System user')}: \`${change.systemUserId ?? '—'}\``,
      `${t('Status')}: ${status}`,
      `${t('Rights to add')}: ${list('+', 'right')}`,
      `${t('Rights to remove')}: ${list('−', 'right')}`,
      `${t('Access packages to add')}: ${list('+', 'package')}`,
      `${t('Access packages to remove')}: ${list('−', 'package')}`,
      `${t('Confirm URL')}: ${escapeMarkdown(change.confirmUrl ?? '—')}`,
    ].join('\n\n'),
    icon: statusIcon(status),
    contextValue: ['changeRequest', status.toLowerCase(), change.confirmUrl ? 'hasConfirmUrl' : '']
      .filter(Boolean)
      .join(' '),
    changeRequest: change,
    children: items.map((item) => ({
      ...base,
      id: `${id}/${item.sign === '+' ? 'add' : 'remove'}/${item.value}`,
      kind: 'detail' as const,
      label: `${item.sign} ${shortName(item)}`,
      description:
        item.kind === 'right'
          ? item.sign === '+'
            ? t('right to add')
            : t('right to remove')
          : item.sign === '+'
            ? t('access package to add')
            : t('access package to remove'),
      icon: { id: item.sign === '+' ? 'add' : 'remove' },
      contextValue: 'systemDetail changeItem',
    })),
  };
}
