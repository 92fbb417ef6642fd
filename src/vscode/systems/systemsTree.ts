import * as vscode from 'vscode';
import type { ChangeRequest } from '../../platform/systemUsers';
import { maskSecrets } from '../commands';
import { ContextKeys, setContextKey } from '../contextKeys';
import { toTreeItem, withTooltip } from '../shared/treeItems';
import type { ConnectionProfile } from '../profiles/profile';
import type { ExtensionServices } from '../services';
import { canActAsVendor, vendorClientsFor } from '../shared/vendorClients';
import { RequestWatch, type StatusChange } from './requestWatch';
import {
  isPending,
  loadVendorSnapshot,
  pendingChangeRequests,
  shownStatus,
  type KnownRequest,
  type VendorSnapshot,
} from '../shared/vendorSnapshot';
import { changeRequestAnnouncement } from './changeAnnouncement';
import { systemNodes, type SystemsNode } from './systemNodes';

export const SYSTEMS_VIEW_ID = 'altinnInbox.systems';

/** What the view announced (host tests read it; the user sees a notification). */
export interface SystemsAnnouncement {
  readonly kind: 'request' | 'changeRequest';
  readonly requestId: string;
  readonly organisation: string;
  readonly status: string;
}

interface Loaded {
  readonly profileId: string;
  readonly snapshot?: VendorSnapshot;
  readonly error?: unknown;
}

/**
 * The active vendor profile's systems, their system users, requests and change requests. Requests and change requests
 * still `New` are polled with backoff while the view is visible (Altinn tells the vendor nothing when a customer
 * answers); a change of status is announced once.
 */
export class SystemsTreeProvider implements vscode.TreeDataProvider<SystemsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SystemsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly announcements: SystemsAnnouncement[] = [];
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly parents = new Map<string, SystemsNode | undefined>();
  private loaded: Loaded | undefined;
  /** The vendor profile the view's rows were last built for (undefined: it showed that there is none). */
  private shownProfileId: string | undefined;
  private loading: Promise<Loaded> | undefined;
  private watch = new RequestWatch();
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private view: vscode.TreeView<SystemsNode> | undefined;

  constructor(private readonly services: ExtensionServices) {
    this.disposables.push(
      services.profiles.onDidChange(() => {
        // Also when the view last showed no vendor (its welcome text): activating one must fill it.
        if (this.shownProfileId !== this.vendorProfile()?.id) this.refresh();
      }),
    );
  }

  attach(view: vscode.TreeView<SystemsNode>): void {
    this.view = view;
    this.disposables.push(view.onDidChangeVisibility(() => this.schedulePoll()));
  }

  /** The profile the view manages systems for: the active one, when it is a Maskinporten client or the sandbox. */
  vendorProfile(): ConnectionProfile | undefined {
    const active = this.services.profiles.active();
    return active && canActAsVendor(active) ? active : undefined;
  }

  /** The last loaded snapshot (after `ready()`), for commands that pick among systems. */
  get snapshot(): VendorSnapshot | undefined {
    return this.loaded?.snapshot;
  }

  /** Loads (once) and returns what the view shows. */
  async ready(): Promise<Loaded | undefined> {
    const profile = this.vendorProfile();
    if (!profile) return undefined;
    if (this.loaded?.profileId === profile.id) return this.loaded;
    this.loading ??= this.load(profile).finally(() => (this.loading = undefined));
    return this.loading;
  }

  refresh(): void {
    this.loaded = undefined;
    this.watch.hurry();
    this.changed.fire(undefined);
  }

  getTreeItem(node: SystemsNode): vscode.TreeItem {
    const collapsible = node.children ? (node.expanded ? 'expanded' : 'collapsed') : 'none';
    return withTooltip(toTreeItem({ ...node, collapsible }), node.tooltip);
  }

  getParent(node: SystemsNode): SystemsNode | undefined {
    return this.parents.get(node.id);
  }

  async getChildren(node?: SystemsNode): Promise<SystemsNode[]> {
    const children = node ? [...(node.children ?? [])] : await this.roots();
    for (const child of children) this.parents.set(child.id, node);
    return children;
  }

  private async roots(): Promise<SystemsNode[]> {
    const profile = this.vendorProfile();
    this.shownProfileId = profile?.id;
    if (!profile) {
      void setContextKey(ContextKeys.systemsState, 'noVendor');
      return [];
    }
    const loaded = await vscode.window.withProgress({ location: { viewId: SYSTEMS_VIEW_ID } }, () => this.ready());
    if (!loaded) return [];
    if (loaded.error) {
      void setContextKey(ContextKeys.systemsState, 'error');
      const message = maskSecrets(loaded.error instanceof Error ? loaded.error.message : String(loaded.error));
      return [
        {
          id: `${profile.id}/error`,
          kind: 'error',
          label: vscode.l10n.t('Could not load the systems'),
          description: message.slice(0, 200),
          tooltip: message.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`),
          icon: { id: 'error', color: 'errorForeground' },
          contextValue: 'systemError',
          profileId: profile.id,
        },
      ];
    }
    const snapshot = loaded.snapshot!;
    void setContextKey(ContextKeys.systemsState, snapshot.systems.length ? 'ready' : 'empty');
    return systemNodes(snapshot, profile.id, Date.now(), vscode.l10n.t);
  }

  private async load(profile: ConnectionProfile): Promise<Loaded> {
    let loaded: Loaded;
    try {
      const clients = await vendorClientsFor(this.services, profile);
      loaded = { profileId: profile.id, snapshot: await loadVendorSnapshot(clients) };
    } catch (error) {
      this.services.log.warn(`[systems] ${maskSecrets((error as Error).message)}`);
      loaded = { profileId: profile.id, error };
    }
    if (this.vendorProfile()?.id === profile.id) {
      this.loaded = loaded;
      if (loaded.snapshot)
        this.observe(
          loaded.snapshot.systems.flatMap((s) => s.requests),
          loaded.snapshot.systems.flatMap((s) => s.changeRequests),
        );
      this.schedulePoll();
    }
    return loaded;
  }

  /** Ids of requests and change requests are UUIDs of their own: one watch follows both. */
  private observe(requests: readonly KnownRequest[], changeRequests: readonly ChangeRequest[]): void {
    if (requests.some((r) => r.request.status === 'Accepted')) void setContextKey(ContextKeys.systemUserAccepted, true);
    const changes = this.watch.observe([
      ...requests.map((r) => ({ id: r.request.id, status: shownStatus(r.request) })),
      ...changeRequests.map((c) => ({ id: c.id, status: shownStatus(c) })),
    ]);
    for (const change of changes) {
      const known = requests.find((r) => r.request.id === change.id);
      if (known) this.announce(change, known);
      else
        this.announceChangeRequest(
          change,
          changeRequests.find((c) => c.id === change.id)!,
        );
    }
  }

  private announceChangeRequest(change: StatusChange, changeRequest: ChangeRequest): void {
    const message = changeRequestAnnouncement(changeRequest, change.to, vscode.l10n.t);
    if (!message) return;
    const organisation = changeRequest.partyOrgNo ?? '';
    this.announcements.push({ kind: 'changeRequest', requestId: change.id, organisation, status: change.to });
    this.services.log.info(`[systems] change request ${change.id} for ${organisation}: ${change.from} → ${change.to}`);
    void vscode.window.showInformationMessage(message);
  }

  private announce(change: StatusChange, known: KnownRequest): void {
    const organisation = known.request.partyOrgNo;
    this.announcements.push({ kind: 'request', requestId: change.id, organisation, status: change.to });
    this.services.log.info(`[systems] request ${change.id} for ${organisation}: ${change.from} → ${change.to}`);
    const use = vscode.l10n.t('Use This System User');
    const actions = change.to === 'Accepted' ? [use] : [];
    const message =
      change.to === 'Accepted'
        ? vscode.l10n.t('{0} accepted the system-user request.', organisation)
        : change.to === 'Timedout'
          ? vscode.l10n.t('The system-user request for {0} timed out.', organisation)
          : vscode.l10n.t('{0} answered the system-user request: {1}.', organisation, change.to);
    void vscode.window.showInformationMessage(message, ...actions).then((choice) => {
      if (choice === use)
        void vscode.commands.executeCommand('altinnInbox.useSystemUser', {
          systemId: known.request.systemId,
          organisation,
          externalRef: known.request.externalRef ?? undefined,
        });
    });
  }

  /** Polls the pending requests after the watch's delay, only while the view is visible. */
  private schedulePoll(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    const delay = this.watch.nextDelayMs();
    if (delay === undefined || !this.view?.visible || !this.loaded?.snapshot) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      void this.poll();
    }, delay);
  }

  /** Asks Altinn for each pending request and change request again; a change redraws the view and is announced. */
  async poll(): Promise<void> {
    const profile = this.vendorProfile();
    const loaded = this.loaded;
    if (!profile || !loaded?.snapshot || loaded.profileId !== profile.id) return;
    const pending = loaded.snapshot.systems.flatMap((s) => s.requests.filter((r) => isPending(r.request)));
    const pendingChanges = pendingChangeRequests(loaded.snapshot);
    try {
      const clients = await vendorClientsFor(this.services, profile);
      const [fresh, freshChanges] = await Promise.all([
        Promise.all(
          pending.map(async (known) => ({
            ...known,
            request: await clients.requests.get(known.kind, known.request.id),
          })),
        ),
        Promise.all(pendingChanges.map((change) => clients.changeRequests.get(change.id))),
      ]);
      if (this.loaded !== loaded) return;
      const byId = new Map(fresh.map((known) => [known.request.id, known]));
      const changesById = new Map(freshChanges.map((change) => [change.id, change]));
      const snapshot: VendorSnapshot = {
        ...loaded.snapshot,
        systems: loaded.snapshot.systems.map((s) => ({
          ...s,
          requests: s.requests.map((known) => byId.get(known.request.id) ?? known),
          changeRequests: s.changeRequests.map((change) => changesById.get(change.id) ?? change),
        })),
      };
      const before = this.watch.pending().length;
      this.observe(fresh, freshChanges);
      // An accepted request means a new system user, an accepted change request other rights: load everything again
      // so they show.
      if (this.watch.pending().length !== before) this.refresh();
      else {
        this.loaded = { ...loaded, snapshot };
        this.changed.fire(undefined);
      }
    } catch (error) {
      this.services.log.warn(`[systems] polling the requests: ${maskSecrets((error as Error).message)}`);
      this.watch.observe([]);
    }
    this.schedulePoll();
  }

  dispose(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
