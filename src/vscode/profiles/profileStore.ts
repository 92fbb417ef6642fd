import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { ConnectionProfile } from './profile';

const PROFILES_KEY = 'altinnInbox.profiles';
const ACTIVE_KEY = 'altinnInbox.activeProfileId';
const SECRET_PREFIX = 'altinnInbox.profile.';

export type SecretKind = 'key' | 'token' | 'certificate-password';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewProfile = DistributiveOmit<ConnectionProfile, 'id' | 'createdAt'>;

/**
 * Connection profiles: metadata in global state, key material and tokens only in SecretStorage
 * (keyed per profile). Changes from other windows arrive through secrets.onDidChange and are re-emitted.
 */
export class ProfileStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
  ) {
    this.subscriptions.push(
      secrets.onDidChange((event) => {
        if (event.key.startsWith(SECRET_PREFIX)) this.changed.fire();
      }),
    );
  }

  list(): ConnectionProfile[] {
    return [...(this.state.get<ConnectionProfile[]>(PROFILES_KEY) ?? [])];
  }

  get(id: string): ConnectionProfile | undefined {
    return this.list().find((profile) => profile.id === id);
  }

  active(): ConnectionProfile | undefined {
    const id = this.state.get<string>(ACTIVE_KEY);
    return (id && this.get(id)) || undefined;
  }

  /**
   * Saves a new profile and its secrets together: secrets first, metadata last, so an interrupted save
   * leaves no profile pointing at missing secrets (and the secrets are removed again on failure).
   */
  async add(profile: NewProfile, secrets: Partial<Record<SecretKind, string>> = {}): Promise<ConnectionProfile> {
    const saved = { ...profile, id: randomUUID(), createdAt: new Date().toISOString() } as ConnectionProfile;
    const written: SecretKind[] = [];
    try {
      for (const [kind, value] of Object.entries(secrets) as [SecretKind, string][]) {
        await this.secrets.store(secretKey(saved.id, kind), value);
        written.push(kind);
      }
      await this.state.update(PROFILES_KEY, [...this.list(), saved]);
    } catch (error) {
      for (const kind of written) await this.secrets.delete(secretKey(saved.id, kind)).then(undefined, () => undefined);
      throw error;
    }
    this.changed.fire();
    return saved;
  }

  async update(
    id: string,
    patch: Partial<Omit<ConnectionProfile, 'id' | 'kind' | 'createdAt'>>,
  ): Promise<ConnectionProfile> {
    const profiles = this.list();
    const index = profiles.findIndex((profile) => profile.id === id);
    if (index < 0) throw new Error(vscode.l10n.t('The connection profile no longer exists.'));
    const updated = { ...profiles[index], ...patch } as ConnectionProfile;
    profiles[index] = updated;
    await this.state.update(PROFILES_KEY, profiles);
    this.changed.fire();
    return updated;
  }

  async remove(id: string): Promise<void> {
    for (const kind of ['key', 'token', 'certificate-password'] as SecretKind[])
      await this.secrets.delete(secretKey(id, kind));
    await this.state.update(
      PROFILES_KEY,
      this.list().filter((profile) => profile.id !== id),
    );
    if (this.state.get<string>(ACTIVE_KEY) === id) await this.state.update(ACTIVE_KEY, undefined);
    this.changed.fire();
  }

  async setActive(id: string | undefined): Promise<void> {
    if (id !== undefined && !this.get(id)) throw new Error(vscode.l10n.t('The connection profile no longer exists.'));
    await this.state.update(ACTIVE_KEY, id);
    this.changed.fire();
  }

  getSecret(id: string, kind: SecretKind): Thenable<string | undefined> {
    return this.secrets.get(secretKey(id, kind));
  }

  async storeSecret(id: string, kind: SecretKind, value: string): Promise<void> {
    await this.secrets.store(secretKey(id, kind), value);
  }

  async copySecrets(fromId: string, toId: string): Promise<void> {
    for (const kind of ['key', 'token', 'certificate-password'] as SecretKind[]) {
      const value = await this.secrets.get(secretKey(fromId, kind));
      if (value !== undefined) await this.secrets.store(secretKey(toId, kind), value);
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

export function secretKey(profileId: string, kind: SecretKind): string {
  return `${SECRET_PREFIX}${profileId}.${kind}`;
}
