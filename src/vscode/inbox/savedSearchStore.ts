import { plainLocalizer, type Localizer } from '../../platform/presentation';
import { isEmptyFilter, normalizeFilter, type InboxFilter } from './inboxFilter';

/** The filter key of the All parties node (party nodes use their party URN). */
export const ALL_PARTIES_SCOPE = '*';

/** A named filter set: where it applies (one party, or All parties) and the filter, parties included. */
export interface SavedSearch {
  readonly name: string;
  /** A party URN, or ALL_PARTIES_SCOPE. */
  readonly scope: string;
  readonly filter: InboxFilter;
  readonly savedAt: string;
}

/** What the store needs of VS Code's globalState (a Memento); plain so it is unit-tested without VS Code. */
export interface KeyValueState {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
}

const KEY = 'altinnInbox.inbox.savedSearches';
const MAX_NAME = 80;

/**
 * Saved searches per connection profile, in globalState (kept across windows and reloads, never synced: they
 * name parties). Names are unique per profile, compared without case; saving under an existing name replaces it.
 */
export class SavedSearchStore {
  constructor(
    private readonly state: KeyValueState,
    private readonly l10n: Localizer = plainLocalizer,
  ) {}

  list(profileId: string): SavedSearch[] {
    const all = this.state.get<Record<string, unknown>>(KEY) ?? {};
    const entries = Array.isArray(all[profileId]) ? (all[profileId] as unknown[]) : [];
    return entries.filter(isSavedSearch).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  }

  find(profileId: string, name: string): SavedSearch | undefined {
    return this.list(profileId).find((s) => sameName(s.name, name));
  }

  /** Why `name` cannot be used, or undefined. */
  nameProblem(name: string): string | undefined {
    const trimmed = name.trim();
    if (!trimmed) return this.l10n.t('Give the search a name.');
    if (trimmed.length > MAX_NAME)
      return this.l10n.t('At most {0} characters (this has {1}).', MAX_NAME, trimmed.length);
    return undefined;
  }

  async save(profileId: string, search: Omit<SavedSearch, 'savedAt'>, now = new Date()): Promise<SavedSearch> {
    const problem = this.nameProblem(search.name);
    if (problem) throw new Error(problem);
    if (isEmptyFilter(search.filter))
      throw new Error(this.l10n.t('There is no filter to save: set one with Filter Dialogs… first.'));
    const saved: SavedSearch = {
      name: search.name.trim(),
      scope: search.scope,
      filter: normalizeFilter(search.filter),
      savedAt: now.toISOString(),
    };
    await this.write(profileId, [...this.list(profileId).filter((s) => !sameName(s.name, saved.name)), saved]);
    return saved;
  }

  async rename(profileId: string, from: string, to: string): Promise<SavedSearch> {
    const problem = this.nameProblem(to);
    if (problem) throw new Error(problem);
    const existing = this.find(profileId, from);
    if (!existing) throw new Error(this.l10n.t('No saved search is called "{0}".', from));
    const clash = this.find(profileId, to);
    if (clash && clash !== existing && !sameName(from, to))
      throw new Error(
        this.l10n.t('A saved search is already called "{0}"; pick another name or delete that one first.', clash.name),
      );
    const renamed = { ...existing, name: to.trim() };
    await this.write(profileId, [...this.list(profileId).filter((s) => !sameName(s.name, from)), renamed]);
    return renamed;
  }

  async remove(profileId: string, name: string): Promise<boolean> {
    const before = this.list(profileId);
    const after = before.filter((s) => !sameName(s.name, name));
    if (after.length === before.length) return false;
    await this.write(profileId, after);
    return true;
  }

  private async write(profileId: string, searches: SavedSearch[]): Promise<void> {
    const all = { ...(this.state.get<Record<string, unknown>>(KEY) ?? {}) };
    if (searches.length) all[profileId] = searches;
    else delete all[profileId];
    await this.state.update(KEY, all);
  }
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('nb') === b.trim().toLocaleLowerCase('nb');
}

function isSavedSearch(value: unknown): value is SavedSearch {
  const v = value as Partial<SavedSearch> | null;
  return (
    !!v &&
    typeof v.name === 'string' &&
    typeof v.scope === 'string' &&
    typeof v.filter === 'object' &&
    v.filter !== null &&
    typeof v.savedAt === 'string'
  );
}
