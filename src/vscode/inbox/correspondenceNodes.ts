import * as vscode from 'vscode';
import type { RawRef } from '../payloads/rawJson';
import { consentRowOptions, type ConsentGated, type ConsentScope } from './correspondenceConsent';
import { CorrespondenceNode, needsConsent, type CorrespondenceOwner } from './correspondenceMessageNodes';
import {
  resourcesWithin,
  type DiscoveredResource,
  type ResourceDiscovery,
  type ResourceSource,
} from './correspondenceResources';
import {
  ErrorNode,
  HintNode,
  InboxLoadError,
  InboxNode,
  LoadMoreNode,
  LoadingNode,
  type InboxContext,
} from './inboxNode';
import type { TreeRow } from '../shared/treeRow';

const PAGE = 25;
const CONCURRENCY = 4;
const MAX_RESOURCES = 30;

/** Runs `fn` over `items` with at most `limit` at a time, keeping the order of the results. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * "Correspondence" under a party. The Correspondence API lists per resource (Altinn checks access per resource), so
 * the group shows one row per resource that has messages; listing ids has no side effects.
 */
export class CorrespondenceGroupNode extends LoadingNode {
  private total: number | undefined;
  private discovery: ResourceDiscovery | undefined;

  constructor(
    readonly owner: CorrespondenceOwner,
    ctx: InboxContext,
    private readonly resourcesFor: (partyUrn: string) => Promise<ResourceDiscovery>,
  ) {
    super(`${owner.id}/correspondence`, owner, ctx);
  }

  row(): TreeRow {
    return {
      id: this.id,
      label: vscode.l10n.t('Correspondence'),
      icon: { id: 'mail' },
      description:
        this.total === undefined ? vscode.l10n.t('Altinn melding') : vscode.l10n.t('{0} messages', this.total),
      contextValue: 'group correspondenceGroup',
      collapsible: 'collapsed',
    };
  }

  override tooltip(): string {
    const rows = [
      vscode.l10n.t(
        "Altinn Correspondence (Altinn melding) for this party, one row per resource. Correspondence lists one resource at a time, so the resources come from, in order: Dialogporten's serviceresources (what you may use here through roles, access packages or delegations), else the resources of this party's Correspondence dialogs, plus the setting altinnInbox.correspondence.resources. Expanding a resource reads each message's overview, which Altinn records as the status Fetched (not Read); on Production it asks first.",
      ),
    ];
    if (this.discovery) rows.push('', ...describeDiscovery(this.discovery));
    return rows.join('  \n');
  }

  protected whatFailed(): string {
    return vscode.l10n.t('correspondence');
  }

  protected async loadChildren(): Promise<InboxNode[]> {
    const discovery = await this.resourcesFor(this.owner.partyUrn);
    this.discovery = discovery;
    const configure: vscode.Command = {
      command: 'workbench.action.openSettings',
      title: vscode.l10n.t('Configure'),
      arguments: ['altinnInbox.correspondence.resources'],
    };
    if (discovery.resources.length === 0) {
      return [
        new HintNode(`${this.id}/none`, this, {
          label: vscode.l10n.t('No correspondence resources known for this party'),
          description: vscode.l10n.t('set altinnInbox.correspondence.resources'),
          icon: 'gear',
          command: configure,
          tooltip: describeDiscovery(discovery).join('  \n'),
        }),
      ];
    }
    const listed = resourcesWithin(discovery, MAX_RESOURCES);
    if (!listed) {
      return [
        new HintNode(`${this.id}/many`, this, {
          label: vscode.l10n.t('{0} resources: name the ones you use', discovery.resources.length),
          description: vscode.l10n.t('set altinnInbox.correspondence.resources'),
          icon: 'gear',
          command: configure,
        }),
      ];
    }
    type Listed =
      | { resource: DiscoveredResource; ids: string[]; raw: RawRef | undefined }
      | { resource: DiscoveredResource; error: unknown };
    const results = await mapLimited(listed, CONCURRENCY, async (resource): Promise<Listed> => {
      try {
        const loaded = await this.ctx.load((clients, signal) =>
          clients.correspondence.listIds({ resourceId: resource.id, onBehalfOf: this.owner.partyUrn }, { signal }),
        );
        return {
          resource,
          ids: loaded.value,
          raw: loaded.exchange ? { exchangeId: loaded.exchange.id, pointer: [] } : undefined,
        };
      } catch (error) {
        return { resource, error };
      }
    });
    const withItems = results.filter((r): r is Extract<Listed, { ids: string[] }> => 'ids' in r && r.ids.length > 0);
    const failures = results.filter((r): r is Extract<Listed, { error: unknown }> => 'error' in r);
    if (withItems.length === 0 && failures.length === results.length) throw failures[0].error;
    const firstLoad = this.total === undefined;
    this.total = withItems.reduce((n, r) => n + r.ids.length, 0);
    if (firstLoad) setTimeout(() => this.ctx.changed(this), 0);
    const nodes: InboxNode[] = withItems.map(
      (r) => new CorrespondenceResourceNode(this, r.resource, r.ids, r.raw, this.ctx),
    );
    if (withItems.length === 0) {
      nodes.push(
        new HintNode(`${this.id}/empty`, this, {
          label: vscode.l10n.t('No correspondence'),
          description: vscode.l10n.t('in {0} resource(s)', listed.length),
          icon: 'circle-slash',
          tooltip: listed.map((r) => r.id).join(', '),
        }),
      );
    }
    if (listed.length < discovery.resources.length) {
      nodes.push(
        new HintNode(`${this.id}/limited`, this, {
          label: vscode.l10n.t('Only the {0} resource(s) of the setting are listed', listed.length),
          description: vscode.l10n.t('{0} found in all', discovery.resources.length),
          icon: 'info',
          command: configure,
        }),
      );
    }
    if (failures.length > 0) {
      nodes.push(
        new HintNode(`${this.id}/failures`, this, {
          label: vscode.l10n.t('{0} resource(s) could not be listed', failures.length),
          description: failures.map((f) => f.resource.id).join(', '),
          icon: 'warning',
          iconColor: 'list.warningForeground',
          tooltip: failures
            .map((f) => `${f.resource.id}: ${escapeText(f.error instanceof Error ? f.error.message : String(f.error))}`)
            .join('\n\n'),
          command: { command: 'altinnInbox.refreshNode', title: vscode.l10n.t('Retry'), arguments: [this] },
        }),
      );
    }
    return nodes;
  }
}

/** Short name of a source, for descriptions. */
function sourceLabel(source: ResourceSource): string {
  switch (source) {
    case 'serviceResources':
      return vscode.l10n.t('serviceresources');
    case 'dialogs':
      return vscode.l10n.t('dialogs');
    case 'setting':
      return vscode.l10n.t('setting');
  }
}

/** Markdown lines: which source gave which resources, and which failed. */
function describeDiscovery(discovery: ResourceDiscovery): string[] {
  const lines: string[] = [];
  const named = (source: ResourceSource): string =>
    discovery.resources
      .filter((r) => r.sources.includes(source))
      .map((r) => `\`${r.id}\``)
      .join(', ') || vscode.l10n.t('none');
  for (const source of discovery.asked) {
    const failure = discovery.failures.find((f) => f.source === source);
    const what =
      source === 'serviceResources'
        ? vscode.l10n.t('Dialogporten GET /api/v1/enduser/serviceresources (type CorrespondenceService)')
        : source === 'dialogs'
          ? vscode.l10n.t("This party's dialogs made by Correspondence")
          : vscode.l10n.t('The setting altinnInbox.correspondence.resources');
    lines.push(
      failure
        ? `${what}: ${vscode.l10n.t('failed ({0})', escapeText(failure.error instanceof Error ? failure.error.message : String(failure.error)))}`
        : `${what}: ${named(source)}`,
    );
  }
  return lines;
}

function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}

/**
 * The correspondence of one resource, newest first, overviews read a page at a time. Reading an overview records
 * Fetched, so on Production a row asks first (once per resource and party this session).
 */
export class CorrespondenceResourceNode extends LoadingNode implements ConsentGated {
  private shown: InboxNode[] = [];
  private nextIndex = 0;

  readonly resourceId: string;

  constructor(
    readonly group: CorrespondenceGroupNode,
    readonly resource: DiscoveredResource,
    readonly ids: readonly string[],
    raw: RawRef | undefined,
    ctx: InboxContext,
  ) {
    super(`${group.id}/${resource.id}`, group, ctx);
    this.resourceId = resource.id;
    this.raw = raw;
    this.rawTitle = `correspondence-ids-${resource.id}`;
  }

  get owner(): CorrespondenceOwner {
    return this.group.owner;
  }

  get consentScope(): ConsentScope {
    return { profileId: this.owner.profileId, partyUrn: this.owner.partyUrn, subject: `resource:${this.resourceId}` };
  }

  get consentWhat(): ConsentGated['consentWhat'] {
    return { kind: 'resource', name: this.resourceId, count: this.ids.length };
  }

  row(): TreeRow {
    return {
      id: this.id,
      label: this.resourceId,
      icon: { id: 'symbol-class' },
      description: `${vscode.l10n.t('{0} messages', this.ids.length)} · ${vscode.l10n.t('via {0}', this.resource.sources.map(sourceLabel).join(', '))}`,
      contextValue: this.groupContext('correspondenceResource'),
      collapsible: 'collapsed',
    };
  }

  override tooltip(): string {
    return [
      `**${escapeText(this.resource.id)}**`,
      '',
      vscode.l10n.t('Found through: {0}', this.resource.sources.map(sourceLabel).join(', ')),
    ].join('  \n');
  }

  protected whatFailed(): string {
    return vscode.l10n.t('correspondence');
  }

  protected async loadChildren(): Promise<InboxNode[]> {
    this.shown = [];
    this.nextIndex = 0;
    if (await needsConsent(this, this.ctx)) return [new HintNode(`${this.id}/consent`, this, consentRowOptions(this))];
    await this.nextPage();
    return this.rows();
  }

  async loadMore(): Promise<void> {
    await this.nextPage();
    this.setChildren(this.rows());
    this.ctx.changed(this);
  }

  private async nextPage(): Promise<void> {
    const page = this.ids.slice(this.nextIndex, this.nextIndex + PAGE);
    this.nextIndex += page.length;
    const nodes = await mapLimited(page, CONCURRENCY, async (id) => {
      try {
        const loaded = await this.ctx.load((clients, signal) => clients.correspondence.fetchOverview(id, { signal }));
        return new CorrespondenceNode(
          this,
          loaded.value,
          loaded.exchange ? { exchangeId: loaded.exchange.id, pointer: [] } : undefined,
          this.ctx,
        );
      } catch (error) {
        return new ErrorNode(
          new HintNode(`${this.id}/${id}`, this, { label: id }),
          error instanceof InboxLoadError ? error : new InboxLoadError(error),
          vscode.l10n.t('correspondence {0}', id.slice(0, 8)),
        );
      }
    });
    this.shown.push(...nodes);
  }

  private rows(): InboxNode[] {
    return this.nextIndex < this.ids.length
      ? [...this.shown, new LoadMoreNode(this, this.shown.length)]
      : [...this.shown];
  }
}
