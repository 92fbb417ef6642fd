import * as vscode from 'vscode';
import { DIALOG_STATUSES, type DialogStatus } from '../../platform/dialogporten/schemas/constants';
import type { Prompts } from '../prompts';
import {
  describeFilter,
  filterProblem,
  INBOX_VIEWS,
  isValidDay,
  normalizeFilter,
  viewName,
  type InboxFilter,
  type InboxView,
} from './inboxFilter';
import { dialogStatusName } from '../../platform/presentation';

type Facet = 'search' | 'view' | 'status' | 'org' | 'resource' | 'dates' | 'unread' | 'parties' | 'apply' | 'clear';

interface FacetItem extends vscode.QuickPickItem {
  readonly id: Facet;
}

/** Hints for the sender and resource prompts: what the loaded dialogs of the party use. */
export interface FilterHints {
  readonly orgs: readonly string[];
  readonly resources: readonly string[];
  /** For All parties: the parties it may be narrowed to (a "Parties" facet). */
  readonly parties?: { readonly urns: readonly string[]; nameOf(urn: string): string | undefined };
}

/**
 * The filter editor: a menu of facets showing their current values; picking one asks for it, "Apply" returns.
 * Escape anywhere cancels without changing the filter (UserCancelledError from the prompts).
 */
export async function promptForFilter(
  prompts: Prompts,
  partyName: string,
  current: InboxFilter | undefined,
  hints: FilterHints,
): Promise<InboxFilter> {
  let filter: InboxFilter = normalizeFilter(current ?? {});
  const any = vscode.l10n.t('any');
  for (;;) {
    const items: FacetItem[] = [
      {
        id: 'apply',
        label: `$(check) ${vscode.l10n.t('Apply')}`,
        description: describeFilter(filter, vscode.l10n) || vscode.l10n.t('no filter: every dialog, newest first'),
      },
      {
        id: 'search',
        label: `$(search) ${vscode.l10n.t('Text')}`,
        description: filter.search ? `"${filter.search}"` : any,
      },
      {
        id: 'view',
        label: `$(inbox) ${vscode.l10n.t('View')}`,
        description: viewName(filter.view ?? 'all', vscode.l10n),
      },
      {
        id: 'status',
        label: `$(circle-large-outline) ${vscode.l10n.t('Status')}`,
        description: filter.status?.map((status) => dialogStatusName(status, vscode.l10n)).join(', ') ?? any,
      },
      {
        id: 'org',
        label: `$(organization) ${vscode.l10n.t('Sender (service owner code)')}`,
        description: filter.org?.join(', ') ?? any,
      },
      {
        id: 'resource',
        label: `$(symbol-class) ${vscode.l10n.t('Service resource')}`,
        description: filter.serviceResource?.join(', ') ?? any,
      },
      {
        id: 'dates',
        label: `$(calendar) ${vscode.l10n.t('Content updated between')}`,
        description:
          filter.updatedFrom || filter.updatedTo ? `${filter.updatedFrom ?? '…'} – ${filter.updatedTo ?? '…'}` : any,
      },
      {
        id: 'unread',
        label: `$(mail) ${vscode.l10n.t('Unread only')}`,
        description: filter.unreadOnly ? vscode.l10n.t('yes') : vscode.l10n.t('no'),
      },
      { id: 'clear', label: `$(clear-all) ${vscode.l10n.t('Clear all and apply')}` },
    ];
    if (hints.parties)
      items.splice(items.length - 1, 0, {
        id: 'parties',
        label: `$(organization) ${vscode.l10n.t('Parties')}`,
        description: filter.parties?.length
          ? vscode.l10n.t('{0} of {1}', filter.parties.length, hints.parties.urns.length)
          : vscode.l10n.t('all {0}', hints.parties.urns.length),
      });
    const picked = await prompts.pick(items, {
      title: vscode.l10n.t('Filter the dialogs of {0}', partyName),
      placeHolder: vscode.l10n.t('Sent to Dialogporten as search parameters; pick a facet to change it, then Apply'),
    });
    switch (picked.id) {
      case 'apply': {
        const problem = filterProblem(filter, vscode.l10n);
        if (!problem) return filter;
        void vscode.window.showWarningMessage(problem);
        break;
      }
      case 'clear':
        return {};
      case 'search': {
        const search = await prompts.input({
          title: vscode.l10n.t('Free text'),
          prompt: vscode.l10n.t(
            'Searched by Dialogporten in titles, summaries and sender names; at least 3 characters. Empty for any.',
          ),
          value: filter.search ?? '',
          validateInput: (value) =>
            value.trim().length > 0 && value.trim().length < 3
              ? vscode.l10n.t("At least 3 characters (Dialogporten's rule).")
              : undefined,
        });
        filter = normalizeFilter({ ...filter, search });
        break;
      }
      case 'view': {
        const views = INBOX_VIEWS.map((view) => ({
          id: view,
          label: viewName(view, vscode.l10n),
          description: viewDescription(view),
          picked: (filter.view ?? 'all') === view,
        }));
        const view = await prompts.pick(views, {
          title: vscode.l10n.t('View'),
          placeHolder: vscode.l10n.t('The views of the Altinn inbox'),
        });
        filter = normalizeFilter({ ...filter, view: view.id as InboxView });
        break;
      }
      case 'status': {
        const statuses = DIALOG_STATUSES.map((status) => ({
          id: status,
          label: dialogStatusName(status, vscode.l10n),
          description: status,
          picked: filter.status?.includes(status) ?? false,
        }));
        const chosen = await prompts.pickMany(statuses, {
          title: vscode.l10n.t('Status'),
          placeHolder: vscode.l10n.t('None picked = any status'),
        });
        filter = normalizeFilter({ ...filter, status: chosen.map((s) => s.id as DialogStatus) });
        break;
      }
      case 'org': {
        const value = await prompts.input({
          title: vscode.l10n.t('Sender'),
          prompt: hints.orgs.length
            ? vscode.l10n.t('Service owner codes, comma-separated. In this list: {0}', hints.orgs.join(', '))
            : vscode.l10n.t('Service owner codes, comma-separated (e.g. skd, nav)'),
          value: filter.org?.join(', ') ?? '',
        });
        filter = normalizeFilter({ ...filter, org: splitList(value) });
        break;
      }
      case 'resource': {
        const value = await prompts.input({
          title: vscode.l10n.t('Service resource'),
          prompt: hints.resources.length
            ? vscode.l10n.t('Resource ids, comma-separated. In this list: {0}', hints.resources.join(', '))
            : vscode.l10n.t('Resource ids, comma-separated (e.g. skd-mva-melding)'),
          value: filter.serviceResource?.join(', ') ?? '',
        });
        filter = normalizeFilter({ ...filter, serviceResource: splitList(value) });
        break;
      }
      case 'dates': {
        const validate = (value: string): string | undefined =>
          value.trim() && !isValidDay(value.trim()) ? vscode.l10n.t('A date like 2025-01-31, or empty') : undefined;
        const from = await prompts.input({
          title: vscode.l10n.t('Content updated from (inclusive)'),
          prompt: vscode.l10n.t('YYYY-MM-DD, or empty for no lower bound'),
          value: filter.updatedFrom ?? '',
          validateInput: validate,
        });
        const to = await prompts.input({
          title: vscode.l10n.t('Content updated until (inclusive)'),
          prompt: vscode.l10n.t('YYYY-MM-DD, or empty for no upper bound'),
          value: filter.updatedTo ?? '',
          validateInput: validate,
        });
        filter = normalizeFilter({
          ...filter,
          updatedFrom: from.trim() || undefined,
          updatedTo: to.trim() || undefined,
        });
        break;
      }
      case 'unread':
        filter = normalizeFilter({ ...filter, unreadOnly: !filter.unreadOnly });
        break;
      case 'parties': {
        const directory = hints.parties!;
        const chosen = new Set(filter.parties ?? []);
        const picked = await prompts.pickMany(
          directory.urns.map((urn) => ({
            id: urn,
            label: directory.nameOf(urn) ?? urn,
            description: urn.split(':').pop(),
            picked: chosen.has(urn),
          })),
          {
            title: vscode.l10n.t('Parties'),
            placeHolder: vscode.l10n.t('Type to narrow by name or number; none picked = every party'),
            matchOnDescription: true,
          },
        );
        filter = normalizeFilter({ ...filter, parties: picked.map((p) => p.id) });
        break;
      }
    }
  }
}

function viewDescription(view: InboxView): string {
  switch (view) {
    case 'all':
      return vscode.l10n.t('every dialog, whatever its labels');
    case 'inbox':
      return vscode.l10n.t('not archived, not in the bin, not drafts');
    case 'drafts':
      return vscode.l10n.t('status Draft');
    case 'sent':
      return vscode.l10n.t('label Sent');
    case 'archive':
      return vscode.l10n.t('label Archive');
    case 'bin':
      return vscode.l10n.t('label Bin');
  }
}

function splitList(value: string): string[] {
  return value
    .split(/[,\s]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}
