import * as vscode from 'vscode';
import {
  AltinnTokenProvider,
  importPrivateJwk,
  MaskinportenTokenProvider,
  PastedTokenProvider,
  TokenCache,
  type TokenProvider,
} from '../platform/auth';
import { InvalidInputError, KeyImportError, PlatformError } from '../platform/errors';
import {
  resolveEnvironment,
  type AltinnEnvironment,
  type EnvironmentId,
  type EnvironmentOverrides,
} from '../platform/environments';
import type { HttpClient } from '../platform/http';
import { SandboxPersonTokenProvider } from '../platform/sandboxClient/sandboxPersonTokenProvider';
import type { ConnectionProfile, SandboxProfile } from './profiles/profile';
import type { ProfileStore } from './profiles/profileStore';
import { signingKeyFromStored } from './profiles/storedKey';
import type { SandboxHandle } from '../sandbox';
import type { SandboxManager } from './sandbox/sandboxManager';
import { settingValue } from './settings/settingProblems';
import { readCustomBaseUrls } from './settings/settingValues';
import { observedProvider, tokenStateFromError, type TokenState } from './tokenState';

/** Which token an API takes: Dialogporten accepts Maskinporten tokens; Correspondence and access management want Altinn tokens. */
export type TokenAudience = 'maskinporten' | 'altinn';

interface ProfileProviders {
  readonly maskinporten: TokenProvider;
  readonly altinn: TokenProvider;
  /** The sandbox a sandbox profile's providers talk to: a restarted sandbox listens elsewhere and needs new ones. */
  readonly sandbox?: SandboxHandle;
}

/**
 * The active connection: its environment's URLs (starting the sandbox when needed), its tokens
 * (cached, single-flight, refreshed) and what is known about them, for every view and command.
 */
export class ConnectionService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly tokenCache = new TokenCache();
  private readonly providers = new Map<string, Promise<ProfileProviders>>();
  private readonly states = new Map<string, TokenState>();
  private readonly subscriptions: vscode.Disposable[] = [this.changed];
  /** Bumped whenever profiles or their secrets change: answers of older providers are then ignored. */
  private generation = 0;

  constructor(
    private readonly store: ProfileStore,
    private readonly sandbox: SandboxManager,
    private readonly http: HttpClient,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      store.onDidChange(() => {
        // Profiles or their secrets changed (maybe in another window): rebuild providers lazily, and forget
        // what was known about their tokens (scopes, key or client may have changed; cached tokens stay cached).
        this.generation++;
        this.providers.clear();
        this.states.clear();
        this.changed.fire();
      }),
    );
  }

  get activeProfile(): ConnectionProfile | undefined {
    return this.store.active();
  }

  get profiles(): ConnectionProfile[] {
    return this.store.list();
  }

  defaultEnvironment(): EnvironmentId {
    return vscode.workspace.getConfiguration('altinnInbox').get<EnvironmentId>('defaultEnvironment', 'sandbox');
  }

  /**
   * The profile to browse with. With no profiles at all and the sandbox as default environment,
   * the sandbox's ready-made identities are created so a new user gets a working inbox at once.
   */
  async ensureActiveProfile(): Promise<ConnectionProfile | undefined> {
    const active = this.store.active();
    if (active) return active;
    if (this.store.list().length === 0 && this.defaultEnvironment() === 'sandbox') return this.useSandbox();
    return undefined;
  }

  /** Creates (once) the sandbox person and system-user profiles and activates the person. */
  async useSandbox(): Promise<SandboxProfile> {
    const existing = this.store.list().filter((p): p is SandboxProfile => p.kind === 'sandbox');
    let person = existing.find((p) => p.identity.type === 'person');
    person ??= (await this.store.add({
      kind: 'sandbox',
      environment: 'sandbox',
      label: vscode.l10n.t('Sandbox person'),
      identity: { type: 'person' },
    })) as SandboxProfile;
    if (!existing.some((p) => p.identity.type === 'systemUser')) {
      await this.store.add({
        kind: 'sandbox',
        environment: 'sandbox',
        label: vscode.l10n.t('Sandbox system user'),
        identity: { type: 'systemUser' },
      });
    }
    await this.store.setActive(person.id);
    return person;
  }

  async environmentFor(profile: Pick<ConnectionProfile, 'environment'>): Promise<AltinnEnvironment> {
    if (profile.environment === 'sandbox')
      return resolveEnvironment('sandbox', (await this.sandbox.ensureStarted()).urls);
    return resolveEnvironment(profile.environment, this.customBaseUrls(profile.environment));
  }

  tokenState(profileId: string): TokenState {
    return this.states.get(profileId) ?? { status: 'unknown' };
  }

  /** A provider whose tokens update the profile's token state. */
  async tokenProvider(profile: ConnectionProfile, audience: TokenAudience): Promise<TokenProvider> {
    const pending = this.profileProviders(profile);
    const made = await pending;
    if (!made.sandbox || made.sandbox === this.sandbox.running) return made[audience];
    // The sandbox restarted since (it listens on another port now): providers for the one running.
    if (this.providers.get(profile.id) === pending) this.providers.delete(profile.id);
    return (await this.profileProviders(profile))[audience];
  }

  private profileProviders(profile: ConnectionProfile): Promise<ProfileProviders> {
    let providers = this.providers.get(profile.id);
    if (!providers) {
      providers = this.createProviders(profile);
      this.providers.set(profile.id, providers);
      providers.catch(() => this.providers.delete(profile.id));
    }
    return providers;
  }

  /** Fetches (or reuses) a token now, to refresh the view's token state. */
  async refreshToken(
    profile: ConnectionProfile,
    options: { force?: boolean; signal?: AbortSignal } = {},
  ): Promise<TokenState> {
    const before = this.states.get(profile.id);
    const generation = this.generation;
    try {
      const provider = await this.tokenProvider(profile, 'maskinporten');
      if (options.force) provider.invalidate();
      await provider.getToken({ signal: options.signal });
    } catch (error) {
      this.log.warn(`[connections] token for "${profile.label}": ${(error as Error).message}`);
      // A failure before any token request (missing secret, sandbox not starting) was not observed: record it too.
      const cancelled = error instanceof PlatformError && error.kind === 'cancelled';
      if (!cancelled && generation === this.generation && this.states.get(profile.id) === before)
        this.report(profile.id, tokenStateFromError(error), generation);
    }
    return this.tokenState(profile.id);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private report(profileId: string, state: TokenState, generation: number): void {
    if (generation !== this.generation) return;
    this.states.set(profileId, state);
    this.changed.fire();
  }

  private async createProviders(profile: ConnectionProfile): Promise<ProfileProviders> {
    const generation = this.generation;
    const report = (state: TokenState): void => this.report(profile.id, state, generation);
    const wrap = (provider: TokenProvider): TokenProvider => observedProvider(provider, report);
    switch (profile.kind) {
      case 'token': {
        const token = await this.store.getSecret(profile.id, 'token');
        if (!token)
          throw new InvalidInputError(
            'token',
            vscode.l10n.t('The token of "{0}" is missing from SecretStorage; paste it again.', profile.label),
          );
        const provider = wrap(new PastedTokenProvider(token, { label: profile.label }));
        return { maskinporten: provider, altinn: provider };
      }
      case 'maskinporten': {
        const secret = await this.store.getSecret(profile.id, 'key');
        if (!secret)
          throw new KeyImportError(
            'unreadable',
            vscode.l10n.t('The key of "{0}" is missing from SecretStorage; import it again.', profile.label),
          );
        const environment = await this.environmentFor(profile);
        const maskinporten = new MaskinportenTokenProvider({
          http: this.http,
          environment,
          clientId: profile.clientId,
          key: signingKeyFromStored(secret),
          scopes: profile.scopes,
          cache: this.tokenCache,
          resource: profile.resource,
          systemUser: profile.systemUserOrg
            ? { organisationNumber: profile.systemUserOrg, externalRef: profile.externalRef }
            : undefined,
        });
        const altinn = new AltinnTokenProvider({
          http: this.http,
          environment,
          source: maskinporten,
          cache: this.tokenCache,
        });
        return profile.exchangeToAltinn
          ? { maskinporten: wrap(altinn), altinn: wrap(altinn) }
          : { maskinporten: wrap(maskinporten), altinn: wrap(altinn) };
      }
      case 'sandbox': {
        const handle = await this.sandbox.ensureStarted();
        const environment = resolveEnvironment('sandbox', handle.urls);
        const scopes = handle.defaultClient.scopes;
        if (profile.identity.type === 'person') {
          const provider = wrap(
            new SandboxPersonTokenProvider({
              http: this.http,
              baseUrl: handle.urls.baseUrl,
              scopes,
              nationalIdentityNumber:
                profile.identity.nationalIdentityNumber ?? handle.context.world.defaultPerson.nationalIdentityNumber,
            }),
          );
          return { maskinporten: provider, altinn: provider, sandbox: handle };
        }
        const organisationNumber =
          profile.identity.organisationNumber ??
          handle.context.world.systemUsers.find(
            (u) => u.clientIds.includes(handle.defaultClient.clientId) && u.delegatedResources.length > 0,
          )?.organisationNumber;
        // A profile made by "Use This System User" names its external reference, the default (the organisation
        // number) included; Maskinporten is sent one only when it is not the default.
        const chosenRef = profile.identity.type === 'systemUser' ? profile.identity.externalRef : undefined;
        const systemUser = handle.context.world.systemUsers.find(
          (u) =>
            u.organisationNumber === organisationNumber &&
            (chosenRef === undefined || (u.externalRef ?? u.organisationNumber) === chosenRef),
        );
        const externalRef = chosenRef === undefined ? systemUser?.externalRef : chosenRef;
        const maskinporten = new MaskinportenTokenProvider({
          http: this.http,
          environment,
          clientId: handle.defaultClient.clientId,
          key: importPrivateJwk(handle.defaultClient.privateJwk),
          scopes,
          cache: this.tokenCache,
          systemUser: organisationNumber
            ? { organisationNumber, externalRef: externalRef === organisationNumber ? undefined : externalRef }
            : undefined,
        });
        const altinn = new AltinnTokenProvider({
          http: this.http,
          environment,
          source: maskinporten,
          cache: this.tokenCache,
        });
        return { maskinporten: wrap(maskinporten), altinn: wrap(altinn), sandbox: handle };
      }
    }
  }

  private customBaseUrls(environment: EnvironmentId): EnvironmentOverrides {
    return settingValue(
      this.log,
      readCustomBaseUrls(
        vscode.workspace.getConfiguration('altinnInbox').get<unknown>('customBaseUrls'),
        environment,
        vscode.l10n,
      ),
    );
  }
}
