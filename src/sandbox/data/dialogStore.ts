import { randomUUID } from 'node:crypto';
import { organizationUrn, personUrn } from '../../platform/identifiers';
import type { AuthorizedParty } from '../../platform/dialogporten/schemas';
import type { SandboxWorld } from '../world/types';
import type { BodyUrls } from './buildDialogBody';
import { emptyCapturedData, type CapturedData } from './capturedPayloads';
import { hash32 } from './dialogHash';
import { planPartyDialogs, type CorrespondenceLink, type Viewer } from './dialogPlan';
import type { StoredDialog } from './dialogTypes';
import { BodyCache, GeneratedDialog } from './generatedDialog';

export interface DialogStoreOptions {
  readonly seed: number;
  /** Generated times lie before this instant (the sandbox uses the start of the current UTC day). */
  readonly anchorMs: number;
  /** Dialogs of the default person's own party. */
  readonly dialogs: number;
  /** Dialogs of each client organisation of the accounting firm (default 1–6). */
  readonly dialogsPerClient?: number;
  readonly world: SandboxWorld;
  readonly urls: () => BodyUrls;
  /** Correspondences published as dialogs; read when the dialogs are first generated. */
  readonly correspondenceLinks?: () => readonly CorrespondenceLink[];
  readonly captured?: CapturedData;
}

export type DialogEventType = 'DIALOG_UPDATED' | 'DIALOG_DELETED';
export interface DialogEvent {
  readonly dialogId: string;
  readonly party: string;
  readonly type: DialogEventType;
}

export type Comparator = (a: StoredDialog, b: StoredDialog) => number;

interface PartyDialogs {
  readonly all: StoredDialog[];
  /** Sorted copies per order key; dropped when a dialog of the party changes. */
  readonly sorted: Map<string, StoredDialog[]>;
}

/**
 * All dialogs of one sandbox, generated on first use (every party at once, so ids resolve), indexed by party
 * and id, with sorted views per order so a page is a binary search plus a short walk, never a full scan.
 */
export class DialogStore {
  private parties?: Map<string, PartyDialogs>;
  private readonly byId = new Map<string, StoredDialog>();
  private readonly byCorrespondenceId = new Map<string, StoredDialog>();
  /** Built on the first lookup by label: few sessions make one, and every start would pay for it. */
  private byServiceOwnerLabel?: Map<string, StoredDialog[]>;
  private readonly listeners = new Set<(event: DialogEvent) => void>();
  private readonly cache = new BodyCache();
  readonly captured: CapturedData;

  constructor(private readonly options: DialogStoreOptions) {
    this.captured = options.captured ?? emptyCapturedData();
  }

  get anchorMs(): number {
    return this.options.anchorMs;
  }

  /** Party URNs that hold dialogs (generated or captured). */
  partyUrns(): string[] {
    return [...this.ensure().keys()];
  }

  dialogsOf(party: string): readonly StoredDialog[] {
    return this.ensure().get(party)?.all ?? [];
  }

  /** The party's dialogs sorted by `compare`, cached under `key` until one of them changes. */
  sortedDialogsOf(party: string, key: string, compare: Comparator): readonly StoredDialog[] {
    const entry = this.ensure().get(party);
    if (!entry) return [];
    let sorted = entry.sorted.get(key);
    if (!sorted) {
      sorted = [...entry.all].sort(compare);
      entry.sorted.set(key, sorted);
    }
    return sorted;
  }

  get(id: string): StoredDialog | undefined {
    this.ensure();
    return this.byId.get(id.toLowerCase());
  }

  findByCorrespondenceId(correspondenceId: string): StoredDialog | undefined {
    this.ensure();
    return this.byCorrespondenceId.get(correspondenceId.toLowerCase());
  }

  /**
   * Dialogs (not deleted) carrying this service-owner label. Dialogporten stores labels trimmed and lower-cased
   * (Altinn/dialogporten src/Digdir.Domain.Dialogporten.Domain/DialogServiceOwnerContexts/Entities/DialogServiceOwnerLabel.cs).
   */
  findByServiceOwnerLabel(label: string): StoredDialog[] {
    this.ensure();
    this.byServiceOwnerLabel ??= indexByLabel(this.byId.values());
    return (this.byServiceOwnerLabel.get(label.trim().toLowerCase()) ?? []).filter((d) => !d.state.deleted);
  }

  /** Parties from captured payloads plus the parties of captured dialogs that no parties file named. */
  capturedParties(): AuthorizedParty[] {
    const known = new Set(this.captured.parties.flatMap((p) => [p.party, ...(p.subParties ?? []).map((s) => s.party)]));
    const worldParties = new Set([
      ...this.options.world.persons.map((p) => personUrn(p.nationalIdentityNumber)),
      ...this.options.world.organisations.map((o) => organizationUrn(o.organisationNumber)),
    ]);
    const extra: AuthorizedParty[] = [];
    for (const dialog of this.captured.dialogs) {
      const party = dialog.fields.party;
      if (known.has(party) || worldParties.has(party)) continue;
      known.add(party);
      extra.push({
        party,
        partyUuid: randomUUIDFrom(party),
        name: `Captured party ${party.split(':').pop()}`,
        partyType: party.includes(':person:') ? 'Person' : 'Organization',
        isDeleted: false,
        hasKeyRole: false,
        isCurrentEndUser: false,
        isMainAdministrator: false,
        isAccessManager: false,
        hasOnlyAccessToSubParties: false,
        subParties: [],
      });
    }
    return [...this.captured.parties, ...extra];
  }

  onEvent(listener: (event: DialogEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A service-owner update: new content, new revision; everyone's "seen" goes stale. */
  touch(id: string, nowMs: number): StoredDialog | undefined {
    const dialog = this.get(id);
    if (!dialog || dialog.state.deleted) return undefined;
    dialog.fields.updatedAtMs = nowMs;
    dialog.fields.contentUpdatedAtMs = nowMs;
    dialog.state.revision = randomUUID();
    if (dialog instanceof GeneratedDialog) dialog.invalidateBody();
    this.changed(dialog, 'DIALOG_UPDATED');
    return dialog;
  }

  /** Soft delete, as when the service owner (or a delete GUI action) removes the dialog. */
  delete(id: string): StoredDialog | undefined {
    const dialog = this.get(id);
    if (!dialog || dialog.state.deleted) return undefined;
    dialog.state.deleted = true;
    this.changed(dialog, 'DIALOG_DELETED');
    return dialog;
  }

  /** Call after any change to a dialog: drops the party's sorted views and tells subscribers. */
  changed(dialog: StoredDialog, type: DialogEventType): void {
    this.ensure().get(dialog.fields.party)?.sorted.clear();
    const event: DialogEvent = { dialogId: dialog.fields.id, party: dialog.fields.party, type };
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // One broken subscriber must not stop the others.
      }
    }
  }

  private ensure(): Map<string, PartyDialogs> {
    if (this.parties) return this.parties;
    const parties = new Map<string, PartyDialogs>();
    // Grouped by recipient once: each party reads only its own links (thousands of parties × links otherwise).
    const linksOf = new Map<string, CorrespondenceLink[]>();
    for (const link of this.options.correspondenceLinks?.() ?? []) {
      const list = linksOf.get(link.recipient) ?? [];
      list.push(link);
      linksOf.set(link.recipient, list);
    }
    for (const target of this.generationTargets()) {
      const planned = planPartyDialogs({
        ...target,
        seed: this.options.seed,
        anchorMs: this.options.anchorMs,
        serviceOwners: this.options.world.serviceOwners,
        correspondenceLinks: linksOf.get(target.party) ?? [],
      });
      const all = planned.map((p) => new GeneratedDialog(p.fields, p.plan, this.options.urls, this.cache));
      parties.set(target.party, { all, sorted: new Map() });
      for (const dialog of all) {
        this.byId.set(dialog.fields.id.toLowerCase(), dialog);
        if (dialog.plan.correspondenceId)
          this.byCorrespondenceId.set(dialog.plan.correspondenceId.toLowerCase(), dialog);
      }
    }
    for (const dialog of this.captured.dialogs) {
      if (this.byId.has(dialog.fields.id.toLowerCase())) continue;
      let entry = parties.get(dialog.fields.party);
      if (!entry) parties.set(dialog.fields.party, (entry = { all: [], sorted: new Map() }));
      entry.all.push(dialog);
      this.byId.set(dialog.fields.id.toLowerCase(), dialog);
    }
    this.parties = parties;
    return parties;
  }

  private generationTargets(): {
    party: string;
    partyName: string;
    partyId: number;
    isPerson: boolean;
    count: number;
    viewers: Viewer[];
  }[] {
    const { world, dialogs } = this.options;
    const viewersOf = (party: string): Viewer[] =>
      world.persons
        .filter((p) => (world.personAccess.get(p.nationalIdentityNumber) ?? []).some((a) => a.party === party))
        .map((p) => ({ nationalIdentityNumber: p.nationalIdentityNumber, name: p.name }));
    const delegatedOrgs = new Set(
      world.systemUsers.filter((s) => s.delegatedResources.length > 0).map((s) => s.organisationNumber),
    );
    // An accounting firm's clients (the `clients` option) hold a few dialogs each: thousands of small inboxes.
    const clients = new Set(world.accountingFirm?.clientOrganisations ?? []);
    const persons = world.persons.map((person) => {
      const party = personUrn(person.nationalIdentityNumber);
      const count = person === world.defaultPerson ? dialogs : 4 + (hash32(party) % 10);
      return {
        party,
        partyName: person.name,
        partyId: person.partyId,
        isPerson: true,
        count,
        viewers: [{ nationalIdentityNumber: person.nationalIdentityNumber, name: person.name }],
      };
    });
    const organisations = world.organisations.map((org) => {
      const party = organizationUrn(org.organisationNumber);
      const count = clients.has(org.organisationNumber)
        ? (this.options.dialogsPerClient ?? 1 + (hash32(party) % 6))
        : org.isDeleted
          ? 5
          : delegatedOrgs.has(org.organisationNumber)
            ? Math.max(150, Math.min(dialogs, 2_000))
            : 12 + (hash32(party) % 28);
      return {
        party,
        partyName: org.name,
        partyId: org.partyId,
        isPerson: false,
        count,
        viewers: viewersOf(party),
      };
    });
    return [...persons, ...organisations];
  }
}

/** A stable UUID-shaped value for a captured party that came without one. */
function randomUUIDFrom(text: string): string {
  const hex = Array.from({ length: 4 }, (_, i) => hash32(`${i}:${text}`).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function indexByLabel(dialogs: Iterable<StoredDialog>): Map<string, StoredDialog[]> {
  const index = new Map<string, StoredDialog[]>();
  for (const dialog of dialogs)
    for (const label of dialog.serviceOwnerLabels()) {
      const key = label.trim().toLowerCase();
      const list = index.get(key);
      if (list) list.push(dialog);
      else index.set(key, [dialog]);
    }
  return index;
}
