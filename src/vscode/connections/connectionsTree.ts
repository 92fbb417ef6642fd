import * as vscode from 'vscode';
import { maskSecrets } from '../commands';
import type { ConnectionProfile } from '../profiles/profile';
import type { ExtensionServices } from '../services';
import { environmentNodes, profileChildren, profileNodes } from './profileNodes';
import { nextRefreshAt } from './refreshSchedule';
import type { NodeSpec } from './nodeSpec';
import type { TokenState } from '../tokenState';
import { ContextKeys, setContextKey } from '../contextKeys';
import { toTreeItem, withTooltip } from '../shared/treeItems';

export const CONNECTIONS_VIEW_ID = 'altinnInbox.connections';

const KEYRING_PROBE = 'altinnInbox.keyringProbe';
/** Never refresh tokens automatically more often than this, whatever the tokens' lifetimes say. */
const MIN_AUTO_REFRESH_MS = 5000;

function maskState(state: TokenState): TokenState {
  if (state.status !== 'error') return state;
  return {
    ...state,
    message: maskSecrets(state.message),
    likelyCause: state.likelyCause && maskSecrets(state.likelyCause),
    fix: state.fix && maskSecrets(state.fix),
  };
}

/** Made on first use: the first Intl formatter of a process costs milliseconds, too much for activation. */
let timeFormat: Intl.DateTimeFormat | undefined;

/**
 * Environment → profile → token state, identity, key, scopes (feature checklist + scopes).
 * Fetches a profile's token the first time the profile is expanded (progress on the view), redraws on every
 * connection change, and, while the view is visible, renews the tokens it shows shortly before they expire.
 */
export class ConnectionsTreeProvider implements vscode.TreeDataProvider<NodeSpec>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<NodeSpec | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly parents = new Map<string, NodeSpec | undefined>();
  private readonly fetching = new Map<string, Promise<unknown>>();
  /** Profiles whose token state the view has shown (the ones worth renewing). */
  private readonly shown = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  private lastAutoRefreshMs = 0;
  private view: vscode.TreeView<NodeSpec> | undefined;

  constructor(private readonly services: ExtensionServices) {
    this.disposables.push(services.connections.onDidChange(() => this.scheduleRedraw()));
  }

  attach(view: vscode.TreeView<NodeSpec>): void {
    this.view = view;
    this.disposables.push(view.onDidChangeVisibility(() => this.scheduleAutoRefresh()));
  }

  /** Redraws everything (debounced: token answers and store changes arrive in bursts). */
  scheduleRedraw(): void {
    if (this.redrawTimer) clearTimeout(this.redrawTimer);
    this.redrawTimer = setTimeout(() => {
      this.redrawTimer = undefined;
      this.changed.fire(undefined);
      this.scheduleAutoRefresh();
    }, 30);
  }

  getTreeItem(node: NodeSpec): vscode.TreeItem {
    return toTreeItem(node);
  }

  resolveTreeItem(item: vscode.TreeItem, node: NodeSpec): vscode.TreeItem {
    return withTooltip(item, node.tooltip?.());
  }

  getParent(node: NodeSpec): NodeSpec | undefined {
    return this.parents.get(node.id);
  }

  async getChildren(node?: NodeSpec): Promise<NodeSpec[]> {
    const children = await this.childrenOf(node);
    for (const child of children) this.parents.set(child.id, node);
    return children;
  }

  private async childrenOf(node: NodeSpec | undefined): Promise<NodeSpec[]> {
    const { profiles } = this.services;
    if (!node) {
      try {
        // A locked or missing keyring shows up here rather than as a broken profile later.
        await this.services.context.secrets.get(KEYRING_PROBE);
        const list = profiles.list();
        void setContextKey(ContextKeys.connectionsError, false);
        this.shown.clear();
        return environmentNodes(list, profiles.active()?.id, vscode.l10n.t);
      } catch (error) {
        this.services.log.error(
          `[connections] could not read the connection profiles: ${maskSecrets((error as Error).message)}`,
        );
        void setContextKey(ContextKeys.connectionsError, true);
        return [];
      }
    }
    if (node.kind === 'environment' && node.environment)
      return profileNodes(profiles.list(), node.environment, profiles.active()?.id, vscode.l10n.t);
    if (node.kind === 'profile' && node.profileId) {
      const profile = profiles.get(node.profileId);
      if (!profile) return [];
      return this.profileChildren(profile);
    }
    return [...(node.children ?? [])];
  }

  private async profileChildren(profile: ConnectionProfile): Promise<NodeSpec[]> {
    if (this.services.connections.tokenState(profile.id).status === 'unknown') await this.fetchToken(profile);
    this.shown.add(profile.id);
    this.scheduleAutoRefresh();
    return profileChildren({
      profile,
      state: maskState(this.services.connections.tokenState(profile.id)),
      nowMs: Date.now(),
      t: vscode.l10n.t,
      timeOfDay: (date) =>
        (timeFormat ??= new Intl.DateTimeFormat(vscode.env.language || undefined, {
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        })).format(date),
    });
  }

  /** One token request per profile at a time, with progress on the view. */
  private fetchToken(profile: ConnectionProfile, force = false): Promise<unknown> {
    let pending = this.fetching.get(profile.id);
    if (!pending) {
      pending = Promise.resolve(
        vscode.window.withProgress({ location: { viewId: CONNECTIONS_VIEW_ID } }, () =>
          this.services.connections.refreshToken(profile, { force }),
        ),
      )
        .catch((error: unknown) => this.services.log.warn(`[connections] ${maskSecrets((error as Error).message)}`))
        .finally(() => this.fetching.delete(profile.id));
      this.fetching.set(profile.id, pending);
    }
    return pending;
  }

  /** Renews shown tokens shortly before they expire, only while the view is visible (no timers when hidden). */
  private scheduleAutoRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    if (!this.view?.visible) return;
    const shown = [...this.shown].flatMap((profileId) => {
      const profile = this.services.profiles.get(profileId);
      return profile
        ? [{ profileId, state: this.services.connections.tokenState(profileId), refreshable: profile.kind !== 'token' }]
        : [];
    });
    const now = Date.now();
    const next = nextRefreshAt(shown, now);
    if (!next) return;
    const delay = Math.min(
      2 ** 31 - 1,
      Math.max(next.atMs - now, this.lastAutoRefreshMs + MIN_AUTO_REFRESH_MS - now, 0),
    );
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.lastAutoRefreshMs = Date.now();
      for (const profileId of next.profileIds) {
        const profile = this.services.profiles.get(profileId);
        if (profile) void this.fetchToken(profile, profile.kind !== 'token');
      }
    }, delay);
  }

  /** Forces new tokens for the profiles shown (the view's Refresh action). */
  async refreshAll(signal?: AbortSignal): Promise<void> {
    const profiles = [...this.shown]
      .map((id) => this.services.profiles.get(id))
      .filter((p): p is ConnectionProfile => p !== undefined);
    await Promise.all(
      profiles.map((profile) =>
        this.services.connections.refreshToken(profile, { force: profile.kind !== 'token', signal }),
      ),
    );
    this.scheduleRedraw();
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    if (this.redrawTimer) clearTimeout(this.redrawTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
