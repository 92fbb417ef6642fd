import * as vscode from 'vscode';
import { countParties, filterParties, partyLevel, type PartyRow } from '../../platform/parties/partyLevel';
import type { ApiClients } from '../shared/apiClients';
import { HintNode, InboxNode, LoadingNode, type InboxContext, type Loaded } from './inboxNode';
import type { TreeRow } from '../shared/treeRow';
import { AllPartiesNode, type PartyDirectory } from './allPartiesNode';
import { PartyGroupNode } from './partyGroupNode';
import { PartyNode, type ResourcesForParty } from './partyNodes';
import { nestParties, orderParties, type PartyEntry } from './partyTree';

/** From this many parties on, the quick filter row is shown at the top even when no filter is set. */
const QUICK_FILTER_FROM = 30;

/**
 * The invisible root: the active profile's parties (GET /parties), narrowed by the party quick filter and grouped
 * so no level shows more than a few hundred rows (platform/parties/partyLevel.ts).
 */
export class RootNode extends LoadingNode {
  /** Every top-level party node of the level shown (in groups or not); sub-units hang below them. */
  parties: PartyNode[] = [];
  /** Parties in the response (sub-units included, deleted ones only when shown), before the quick filter. */
  partyCount = 0;
  /** One list across the parties; kept while the quick filter changes (it spans every party). */
  allPartiesNode: AllPartiesNode | undefined;
  private fetched: Loaded<Awaited<ReturnType<ApiClients['dialogporten']['getParties']>>> | undefined;

  constructor(
    ctx: InboxContext,
    private readonly resourcesFor: ResourcesForParty,
  ) {
    super(`root/${ctx.profile.id}`, undefined, ctx);
  }

  row(): TreeRow {
    return { id: this.id, label: 'root', collapsible: 'expanded' };
  }

  protected whatFailed(): string {
    return vscode.l10n.t('the parties');
  }

  /** Shows the level again from the parties already fetched (the quick filter changed): no request. */
  reshape(): void {
    super.invalidate();
  }

  override invalidate(): void {
    super.invalidate();
    this.fetched = undefined;
    this.allPartiesNode = undefined;
  }

  protected async loadChildren(): Promise<InboxNode[]> {
    this.fetched ??= await this.ctx.load((clients, signal) => clients.dialogporten.getParties({ signal }));
    const { value, exchange } = this.fetched;
    const forest = nestParties(value.authorizedParties ?? [], { showDeleted: this.ctx.showDeletedParties() });
    const query = this.ctx.partyQuery();
    const shown = filterParties(forest.roots, query);
    this.partyCount = countParties(forest.roots);
    const exchangeId = exchange?.id ?? '';
    this.parties = [];
    const makeRows = (rows: readonly PartyRow<PartyEntry>[], parent: InboxNode): InboxNode[] =>
      rows.map((row) => {
        if (row.kind === 'group')
          return new PartyGroupNode(parent, row.group, this.ctx, (group) => makeRows(row.group.rows, group));
        const node = new PartyNode(
          parent,
          row.entry,
          exchangeId,
          this.ctx,
          this.resourcesFor,
          this.parties.length === 0 && !query,
        );
        this.parties.push(node);
        return node;
      });
    const nodes: InboxNode[] = [];
    if (query || this.partyCount >= QUICK_FILTER_FROM) nodes.push(this.quickFilterRow(query, countParties(shown)));
    nodes.push(...makeRows(partyLevel(shown, { order: orderParties }), this));
    if (this.partyCount >= 2) {
      this.allPartiesNode ??= new AllPartiesNode(this, this.ctx, partyDirectory(forest.roots));
      nodes.push(this.allPartiesNode);
    }
    if (query && shown.length === 0) {
      nodes.push(
        new HintNode(`${this.id}/noMatch`, this, {
          label: vscode.l10n.t('No party matches "{0}"', query),
          description: vscode.l10n.t('clear the filter'),
          icon: 'circle-slash',
          command: { command: 'altinnInbox.clearPartyFilter', title: vscode.l10n.t('Clear Party Filter') },
          contextValue: 'hint partyNoMatch',
        }),
      );
    }
    if (forest.roots.length === 0 && forest.hiddenDeleted === 0) nodes.push(this.noPartiesRow(exchange?.id));
    if (forest.hiddenDeleted > 0) {
      nodes.push(
        new HintNode(`${this.id}/deleted`, this, {
          label: vscode.l10n.t('{0} deleted party(ies) hidden', forest.hiddenDeleted),
          description: vscode.l10n.t('show them'),
          icon: 'eye-closed',
          command: { command: 'altinnInbox.showDeletedParties', title: vscode.l10n.t('Show deleted parties') },
          contextValue: 'hint deletedHidden',
        }),
      );
    }
    return nodes;
  }

  /** How many parties (sub-units included) match `query` in the parties fetched, or undefined before they are. */
  countMatching(query: string): number | undefined {
    if (!this.fetched) return undefined;
    const forest = nestParties(this.fetched.value.authorizedParties ?? [], {
      showDeleted: this.ctx.showDeletedParties(),
    });
    return countParties(filterParties(forest.roots, query));
  }

  /** Every party node (sub-units included) created so far. */
  allParties(): PartyNode[] {
    const out: PartyNode[] = [];
    const visit = (party: PartyNode): void => {
      out.push(party);
      party.subUnits.forEach(visit);
    };
    this.parties.forEach(visit);
    return out;
  }

  private quickFilterRow(query: string, matches: number): HintNode {
    return new HintNode(`${this.id}/partyFilter`, this, {
      label: query ? vscode.l10n.t('Parties matching "{0}"', query) : vscode.l10n.t('Filter parties…'),
      description: query
        ? vscode.l10n.t('{0} of {1} · click to change', matches, this.partyCount)
        : vscode.l10n.t('{0} parties · type a name or number', this.partyCount),
      icon: 'search',
      iconColor: query ? 'charts.blue' : undefined,
      command: { command: 'altinnInbox.filterParties', title: vscode.l10n.t('Filter Parties…') },
      tooltip: vscode.l10n.t(
        'Narrows the parties by name (every word, accents ignored) or by organisation or national identity number. Dialogporten lists parties in one response without a filter, so this filters that list here.',
      ),
      contextValue: query ? 'hint partyFilter partyFilterActive' : 'hint partyFilter',
    });
  }

  private noPartiesRow(exchangeId: string | undefined): HintNode {
    const systemUser =
      this.ctx.profile.kind === 'sandbox'
        ? this.ctx.profile.identity.type === 'systemUser'
        : this.ctx.profile.kind === 'maskinporten' && !!this.ctx.profile.systemUserOrg;
    return new HintNode(`${this.id}/none`, this, {
      label: systemUser ? vscode.l10n.t('This system user has no parties yet') : vscode.l10n.t('No parties'),
      description: systemUser
        ? vscode.l10n.t('the customer has not delegated any resources')
        : vscode.l10n.t('the token may act for nobody'),
      icon: 'info',
      tooltip: systemUser
        ? vscode.l10n.t(
            "Dialogporten answers with empty lists until the customer has delegated resources or access packages to the system user (in Altinn, under the customer's system access). Nothing is wrong with the token itself.",
          )
        : vscode.l10n.t('Dialogporten returned no authorized parties for this token.'),
      command: {
        command: 'altinnInbox.showRawJson',
        title: vscode.l10n.t('Show raw JSON'),
        arguments: [exchangeId ? { exchangeId, pointer: [] } : undefined],
      },
    });
  }
}

/**
 * Every party of the forest (sub-units included) by URN, in the order the Inbox shows them, with its name; worked
 * out when All parties or the Parties filter first asks, not when the party level is drawn.
 */
function partyDirectory(roots: readonly PartyEntry[]): PartyDirectory {
  let names: Map<string, string> | undefined;
  let byLowerCase: Map<string, string> | undefined;
  const directory = (): Map<string, string> => {
    if (names) return names;
    const found = new Map<string, string>();
    const visit = (entry: PartyEntry): void => {
      found.set(entry.party.party, entry.party.name);
      entry.subUnits.forEach(visit);
    };
    orderParties(roots).forEach(visit);
    return (names = found);
  };
  let urns: string[] | undefined;
  return {
    get urns() {
      return (urns ??= [...directory().keys()]);
    },
    nameOf: (urn) => {
      byLowerCase ??= new Map([...directory()].map(([key, name]) => [key.toLowerCase(), name]));
      return byLowerCase.get(urn.toLowerCase());
    },
  };
}
