import * as vscode from 'vscode';
import { environmentBadge, type AltinnEnvironment } from '../../platform/environments';
import type { RecordedExchange } from '../shared/exchangeRecorder';
import type { PayloadDebugging } from '../payloads/payloadDebugging';
import type { ConnectionProfile } from '../profiles/profile';
import type { ExtensionServices } from '../services';
import { createApiClients, type ApiClients } from '../shared/apiClients';
import { CorrespondenceConsent } from './correspondenceConsent';
import { discoverCorrespondenceResources, type ResourceDiscovery } from './correspondenceResources';
import { settingValue } from '../settings/settingProblems';
import { readCorrespondenceResources, readPageSize } from '../settings/settingValues';
import { describeFilter, isEmptyFilter, normalizeFilter, type InboxFilter } from './inboxFilter';
import { HintNode, InboxLoadError, InboxNode, type InboxContext, type Loaded } from './inboxNode';
import { PartyNode } from './partyNodes';
import { RootNode } from './rootNode';
import type { AllPartiesNode } from './allPartiesNode';
import { ALL_PARTIES_SCOPE } from './savedSearchStore';
import type { FormatOptions } from './presentation';
import { ContextKeys, setContextKey } from '../contextKeys';
import { toTreeItem, withTooltip } from '../shared/treeItems';

export const INBOX_VIEW_ID = 'altinnInbox.inbox';
const SHOW_DELETED_KEY = 'altinnInbox.inbox.showDeletedParties';

/**
 * The Inbox tree: the active profile's parties → dialogs → transmissions, attachments, activities, seen log; and
 * correspondence per party. Nothing is fetched until VS Code asks for children; loads show progress on the view and
 * are abandoned when the tree is rebuilt (refresh, profile switch).
 */
export class InboxTreeProvider implements vscode.TreeDataProvider<InboxNode>, vscode.Disposable {
  private readonly changedEmitter = new vscode.EventEmitter<InboxNode | undefined>();
  readonly onDidChangeTreeData = this.changedEmitter.event;
  private root: RootNode | undefined;
  private rootProblem: InboxNode | undefined;
  private generation = new AbortController();
  private profileKey: string | undefined;
  /** profile id → party URN → filter. In memory: a reload starts unfiltered. */
  private readonly filters = new Map<string, Map<string, InboxFilter>>();
  /** profile id → the party quick filter. In memory, like the dialog filters. */
  private readonly partyQueries = new Map<string, string>();
  /** Consent to fetch correspondence on Production. In memory and kept across refreshes: a new session asks again. */
  readonly correspondenceConsent = new CorrespondenceConsent();
  private treeView: vscode.TreeView<InboxNode> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [this.changedEmitter];

  constructor(
    private readonly services: ExtensionServices,
    private readonly payloads: PayloadDebugging,
  ) {
    this.profileKey = keyOf(services.connections.activeProfile);
    this.subscriptions.push(
      services.connections.onDidChange(() => {
        // Token state changes fire too; only a different active profile (or its environment) rebuilds the tree.
        const key = keyOf(services.connections.activeProfile);
        if (key !== this.profileKey) {
          this.profileKey = key;
          this.refresh();
        }
      }),
    );
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('altinnInbox.correspondence.resources')) {
          for (const party of this.root?.allParties() ?? []) this.refreshNode(party);
        }
      }),
    );
    void setContextKey(ContextKeys.showDeletedParties, this.showDeletedParties());
  }

  attach(treeView: vscode.TreeView<InboxNode>): void {
    this.treeView = treeView;
    this.updateViewText();
  }

  // ——— TreeDataProvider ———

  getTreeItem(node: InboxNode): vscode.TreeItem {
    return toTreeItem(node.row());
  }

  async getChildren(node?: InboxNode): Promise<InboxNode[]> {
    if (node) return node.children();
    if (this.rootProblem) return [this.rootProblem];
    let profile: ConnectionProfile | undefined;
    try {
      profile = this.services.connections.activeProfile ?? (await this.services.connections.ensureActiveProfile());
    } catch (error) {
      this.services.log.error(`[inbox] no connection: ${(error as Error).message}`);
      this.rootProblem = new HintNode('root/problem', undefined, {
        label: vscode.l10n.t('Could not prepare the connection: {0}', (error as Error).message),
        icon: 'error',
        iconColor: 'errorForeground',
        command: { command: 'altinnInbox.refreshInbox', title: vscode.l10n.t('Retry') },
      });
      return [this.rootProblem];
    }
    if (!profile) {
      this.root = undefined;
      this.updateViewText();
      return [];
    }
    if (!this.root || this.root.id !== `root/${profile.id}`) {
      this.profileKey = keyOf(profile);
      this.root = new RootNode(this.createContext(profile), (partyUrn) => this.resourcesFor(profile, partyUrn));
      this.updateViewText();
    }
    return this.root.children();
  }

  getParent(node: InboxNode): InboxNode | undefined {
    return node.parent instanceof RootNode ? undefined : node.parent;
  }

  resolveTreeItem(item: vscode.TreeItem, node: InboxNode): vscode.TreeItem {
    return withTooltip(item, node.tooltip());
  }

  // ——— refresh ———

  /** Rebuilds the whole tree (abandoning loads in flight). */
  refresh(): void {
    this.generation.abort();
    this.generation = new AbortController();
    this.root = undefined;
    this.rootProblem = undefined;
    this.updateViewText();
    this.changedEmitter.fire(undefined);
  }

  /** Reloads one node's children. */
  refreshNode(node: InboxNode): void {
    if (node instanceof RootNode || (!node.parent && !(node instanceof PartyNode))) {
      this.refresh();
      return;
    }
    node.invalidate();
    this.changed(node);
  }

  changed(node?: InboxNode): void {
    this.changedEmitter.fire(node instanceof RootNode ? undefined : node);
    this.updateViewText();
  }

  get rootNode(): RootNode | undefined {
    return this.root;
  }

  // ——— filters and options ———

  filterFor(partyUrn: string, profileId = this.services.connections.activeProfile?.id ?? ''): InboxFilter | undefined {
    return this.filters.get(profileId)?.get(partyUrn);
  }

  setFilter(party: PartyNode | AllPartiesNode, filter: InboxFilter | undefined): void {
    const byParty = this.filters.get(party.profileId) ?? new Map<string, InboxFilter>();
    this.filters.set(party.profileId, byParty);
    if (!filter || isEmptyFilter(filter)) byParty.delete(party.partyUrn);
    else byParty.set(party.partyUrn, normalizeFilter(filter));
    party.invalidate();
    this.changed(party);
  }

  /** The lists with a filter for the profile: party URN (or ALL_PARTIES_SCOPE) and filter. */
  filtersOf(profileId = this.services.connections.activeProfile?.id ?? ''): [string, InboxFilter][] {
    return [...(this.filters.get(profileId)?.entries() ?? [])];
  }

  clearFilters(): void {
    const profileId = this.services.connections.activeProfile?.id ?? '';
    const filtered = [...(this.filters.get(profileId)?.keys() ?? [])];
    this.filters.delete(profileId);
    for (const node of [
      ...(this.root?.allParties() ?? []),
      ...(this.root?.allPartiesNode ? [this.root.allPartiesNode] : []),
    ]) {
      if (filtered.includes(node.partyUrn)) {
        node.invalidate();
        this.changed(node);
      }
    }
    this.updateViewText();
  }

  showDeletedParties(): boolean {
    return this.services.context.globalState.get<boolean>(SHOW_DELETED_KEY, false);
  }

  async setShowDeletedParties(show: boolean): Promise<void> {
    await this.services.context.globalState.update(SHOW_DELETED_KEY, show);
    await setContextKey(ContextKeys.showDeletedParties, show);
    if (this.root) this.refreshNode(this.root);
  }

  partyQuery(profileId = this.services.connections.activeProfile?.id ?? ''): string {
    return this.partyQueries.get(profileId) ?? '';
  }

  /** Narrows the party level to parties matching `query` (name or number); empty shows them all again. */
  setPartyQuery(query: string): void {
    const profileId = this.services.connections.activeProfile?.id ?? '';
    const trimmed = query.trim();
    if (trimmed === this.partyQuery(profileId)) return;
    if (trimmed) this.partyQueries.set(profileId, trimmed);
    else this.partyQueries.delete(profileId);
    void setContextKey(ContextKeys.partyFiltered, !!trimmed);
    if (this.root) {
      this.root.reshape();
      this.changed(undefined);
    }
  }

  pageSize(): number {
    return settingValue(
      this.services.log,
      readPageSize(vscode.workspace.getConfiguration('altinnInbox.inbox').get<unknown>('pageSize'), vscode.l10n),
    );
  }

  // ——— internals ———

  private createContext(profile: ConnectionProfile): InboxContext {
    const signal = this.generation.signal;
    const language = vscode.env.language;
    const format: FormatOptions = { locale: language, languages: [language], l10n: vscode.l10n };
    let environment: Promise<AltinnEnvironment> | undefined;
    return {
      profile,
      format,
      signal,
      environment: () => (environment ??= this.services.connections.environmentFor(profile)),
      load: <T>(fn: (clients: ApiClients, signal: AbortSignal) => Promise<T>) => this.load(profile, signal, fn),
      changed: (node) => this.changed(node),
      filterFor: (partyUrn) => this.filterFor(partyUrn, profile.id),
      pageSize: () => this.pageSize(),
      showDeletedParties: () => this.showDeletedParties(),
      partyQuery: () => this.partyQuery(profile.id),
      correspondenceResources: () => this.configuredResources(),
      consent: this.correspondenceConsent,
    };
  }

  private async load<T>(
    profile: ConnectionProfile,
    signal: AbortSignal,
    fn: (clients: ApiClients, signal: AbortSignal) => Promise<T>,
  ): Promise<Loaded<T>> {
    const exchanges: RecordedExchange[] = [];
    const record = (exchange: Parameters<PayloadDebugging['record']>[0]): RecordedExchange => {
      const stored = this.payloads.store.add(exchange);
      exchanges.push(stored);
      return stored;
    };
    return vscode.window.withProgress({ location: { viewId: INBOX_VIEW_ID } }, async () => {
      try {
        const clients = await createApiClients(this.services, profile, { record });
        const value = await fn(clients, signal);
        const exchange = [...exchanges]
          .reverse()
          .find((e) => e.status !== undefined && e.status >= 200 && e.status < 300);
        return { value, exchange };
      } catch (error) {
        if (!signal.aborted)
          this.services.log.warn(`[inbox] ${error instanceof Error ? error.message : String(error)}`);
        throw new InboxLoadError(error, exchanges.at(-1));
      }
    });
  }

  /** Correspondence resources to list for a party, and where each came from (see correspondenceResources.ts). */
  private resourcesFor(profile: ConnectionProfile, partyUrn: string): Promise<ResourceDiscovery> {
    const signal = this.generation.signal;
    return discoverCorrespondenceResources({
      serviceResources: async () =>
        (
          await this.load(profile, signal, (clients, s) =>
            clients.dialogporten.searchServiceResources({ parties: [partyUrn] }, { signal: s }),
          )
        ).value,
      dialogs: async () =>
        (
          await this.load(profile, signal, (clients, s) =>
            clients.dialogporten.searchDialogs({ party: [partyUrn], limit: 1000 }, { signal: s }),
          )
        ).value.items,
      configured: this.configuredResources(),
    });
  }

  private configuredResources(): string[] {
    return settingValue(
      this.services.log,
      readCorrespondenceResources(
        vscode.workspace.getConfiguration('altinnInbox.correspondence').get<unknown>('resources'),
        vscode.l10n,
      ),
    );
  }

  private updateViewText(): void {
    if (!this.treeView) return;
    const profile = this.services.connections.activeProfile;
    this.treeView.description = profile ? `${profile.label} · ${environmentBadge(profile.environment)}` : undefined;
    const byParty = profile ? this.filters.get(profile.id) : undefined;
    const names = new Map((this.root?.allParties() ?? []).map((p) => [p.partyUrn, p.party.name]));
    names.set(ALL_PARTIES_SCOPE, vscode.l10n.t('All parties'));
    const parts = [...(byParty?.entries() ?? [])].map(
      ([urn, filter]) => `${names.get(urn) ?? urn}: ${describeFilter(filter, vscode.l10n)}`,
    );
    this.treeView.message = parts.length
      ? vscode.l10n.t(
          'Filtered — {0}. Clear with the party\'s filter button or "Clear All Inbox Filters".',
          parts.join('; '),
        )
      : undefined;
    void setContextKey(ContextKeys.inboxFiltered, parts.length > 0);
  }

  dispose(): void {
    this.generation.abort();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function keyOf(profile: ConnectionProfile | undefined): string | undefined {
  return profile ? `${profile.id}|${profile.environment}` : undefined;
}
