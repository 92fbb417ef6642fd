import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import * as vscode from 'vscode';
import { AllPartiesSearch } from '../../platform/dialogporten/allParties';
import {
  allPartiesExportPages,
  DEFAULT_EXPORT_HEADERS,
  dialogsToCsv,
  dialogsToJson,
  EXPORT_COLUMNS,
  searchExportPages,
  writeExport,
  type ExportItem,
} from '../../platform/dialogporten/export';
import { withCancellableProgress } from '../cancellableProgress';
import { UserCancelledError } from '../commands';
import type { ExtensionServices } from '../services';
import { createApiClients, resolveProfile } from '../shared/apiClients';
import { AllPartiesNode } from './allPartiesNode';
import { DialogNode } from './dialogNodes';
import { defaultDownloadUri, safeFileName } from './downloads';
import { filterTargetFor } from './filterCommands';
import { toSearchFilters } from './inboxFilter';
import type { InboxTreeProvider } from './inboxTreeProvider';
import { PartyNode } from './partyNodes';

type Register = (id: string, handler: (...args: never[]) => unknown) => void;

/** Dialogs per request while exporting: Dialogporten's largest page, so 100,000 dialogs take 100 requests. */
const EXPORT_PAGE_SIZE = 1000;

export interface ExportOutcome {
  readonly path: string;
  readonly format: 'csv' | 'json';
  readonly dialogs: number;
}

/**
 * Export Dialogs…: a list (a party or All parties, with its filter, every page) or the selected rows, to CSV or
 * JSON, streamed to the file page by page (never more than one page held), with progress and Cancel.
 */
export function registerExportCommand(
  command: Register,
  services: ExtensionServices,
  provider: InboxTreeProvider,
): void {
  command(
    'altinnInbox.exportDialogs',
    async (arg?: unknown, selection?: unknown, options?: { format?: 'csv' | 'json' }): Promise<ExportOutcome> => {
      const selected = Array.isArray(selection)
        ? selection.filter((n): n is DialogNode => n instanceof DialogNode)
        : [];
      const list =
        selected.length > 1
          ? undefined
          : await filterTargetFor(provider, services, arg instanceof DialogNode ? arg.owner : arg);
      const profileId = list?.profileId ?? selected[0]?.owner.profileId;
      const profile = resolveProfile(services, profileId);
      const what = list
        ? list instanceof PartyNode
          ? list.party.name
          : vscode.l10n.t('All parties')
        : vscode.l10n.t('{0} selected dialogs', selected.length);
      const format =
        options?.format ??
        (
          await services.prompts().pick(
            [
              { id: 'csv' as const, label: 'CSV', description: vscode.l10n.t('for spreadsheets (UTF-8, semicolons)') },
              { id: 'json' as const, label: 'JSON', description: vscode.l10n.t('an array of the same columns') },
            ],
            { title: vscode.l10n.t('Export {0}', what), placeHolder: vscode.l10n.t('Which format?') },
          )
        ).id;
      const stamp = new Date().toISOString().slice(0, 10);
      const target = await services.prompts().saveFile({
        defaultUri: defaultDownloadUri(safeFileName(`dialogs-${what}-${stamp}.${format}`, `dialogs.${format}`)),
        title: vscode.l10n.t('Export {0}', what),
        saveLabel: vscode.l10n.t('Export'),
        filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
      });
      if (target.scheme !== 'file')
        throw new Error(vscode.l10n.t('Export writes to a local file; pick one on this machine.'));
      const environment = await services.connections.environmentFor(profile);
      const directory = provider.rootNode?.allPartiesNode?.directory;
      const partyNames = new Map(
        (provider.rootNode?.allParties() ?? []).map((p) => [p.partyUrn.toLowerCase(), p.party.name]),
      );
      let written = 0;
      const exportOptions = {
        inboxUrl: environment.inboxUrl,
        languages: [vscode.env.language],
        partyName: (urn: string) => directory?.nameOf(urn) ?? partyNames.get(urn.toLowerCase()),
        headers: Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, vscode.l10n.t(DEFAULT_EXPORT_HEADERS[c])])),
      };
      try {
        await withCancellableProgress(vscode.l10n.t('Exporting {0}', what), async (signal, progress) => {
          const clients = await createApiClients(services, profile);
          const pages = exportPages(clients.dialogporten, list, selected, provider, signal);
          const onProgress = (count: number): void => {
            written = count;
            progress.report({ message: vscode.l10n.t('{0} dialogs written', count) });
          };
          const chunks =
            format === 'csv'
              ? dialogsToCsv(pages, { ...exportOptions, onProgress })
              : dialogsToJson(pages, { ...exportOptions, onProgress });
          await writeExport(chunks, createWriteStream(target.fsPath));
        });
      } catch (error) {
        await rm(target.fsPath, { force: true });
        if ((error as Error).name === 'AbortError' || (error as { kind?: string }).kind === 'cancelled') {
          void vscode.window.setStatusBarMessage(vscode.l10n.t('Export cancelled; nothing was saved.'), 4000);
          throw new UserCancelledError();
        }
        throw error;
      }
      const open = vscode.l10n.t('Open');
      void vscode.window
        .showInformationMessage(vscode.l10n.t('Exported {0} dialogs to {1}.', written, target.fsPath), open)
        .then((choice) => {
          if (choice === open) void vscode.commands.executeCommand('vscode.open', target);
        });
      return { path: target.fsPath, format, dialogs: written };
    },
  );
}

/** The pages to write: the selection as one page, or every page of the list's search with its filter. */
async function* exportPages(
  client: Parameters<typeof searchExportPages>[0] & ConstructorParameters<typeof AllPartiesSearch>[0],
  list: PartyNode | AllPartiesNode | undefined,
  selected: readonly DialogNode[],
  provider: InboxTreeProvider,
  signal: AbortSignal,
): AsyncGenerator<readonly ExportItem[]> {
  if (!list) {
    yield selected.map((node) => node.item);
    return;
  }
  const filter = provider.filterFor(list.partyUrn, list.profileId);
  if (list instanceof PartyNode) {
    yield* searchExportPages(client, toSearchFilters(list.partyUrn, filter, EXPORT_PAGE_SIZE), { signal });
    return;
  }
  const {
    party: _party,
    limit: _limit,
    continuationToken: _token,
    ...filters
  } = toSearchFilters('', filter, EXPORT_PAGE_SIZE);
  const search = new AllPartiesSearch(client, { parties: list.parties, filters, pageSize: EXPORT_PAGE_SIZE });
  yield* allPartiesExportPages(search, { signal });
}
