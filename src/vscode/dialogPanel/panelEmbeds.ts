import type { Localizer } from '../../platform/presentation';
import * as vscode from 'vscode';
import { renderContent } from '../../platform/content';
import { correspondenceContentId } from '../../platform/correspondence';
import { acceptLanguageFor } from '../../platform/dialogporten';
import { redactJwts } from '../../platform/http';
import { isUserCancelled, maskSecrets } from '../commands';
import { embedsToFetch, type EmbedRef, type EmbedState } from './dialogView';
import type { PanelState } from './panelSource';
import { PANEL_LANGUAGES, type PanelLanguage } from './protocol';
import { checkTokenTarget, isKnownEmbed } from './safeTargets';

const t: Localizer['t'] = (message, ...args) => vscode.l10n.t(message, ...args);

/** What the embeds need from the dialog panel that shows them. */
export interface EmbedsOwner extends PanelState {
  language(): PanelLanguage;
  allowRemoteImages(): boolean;
  /** Asks (Production) or says once that showing an Altinn message marks it as read. Throws UserCancelledError. */
  confirmCorrespondenceRead(): Promise<void>;
  render(now?: boolean): void;
  reportError(error: unknown): void;
}

/**
 * A dialog panel's front-channel embeds: fetched with the dialog token, shown sanitised, and an Altinn message's
 * content only after consent (fetching it marks the message as read, so its text is kept and never fetched again
 * by itself).
 */
export class PanelEmbeds {
  /** By embed URL, for the renderer. */
  readonly states = new Map<string, EmbedState>();
  private readonly requests = new Map<string, Promise<void>>();
  /** Correspondence content addresses the user agreed to fetch in this panel. */
  private readonly correspondenceConsent = new Set<string>();
  private readonly correspondenceTexts = new Map<string, { readonly text: string; readonly mediaType: string }>();

  constructor(private readonly owner: EmbedsOwner) {}

  /** The dialog's content may have changed: fetch every embed again (an Altinn message's kept text stays). */
  forget(): void {
    this.states.clear();
    this.requests.clear();
  }

  /** Remote images were switched on or off: render fetched content again. */
  dropContent(): void {
    for (const [url, state] of this.states) if (state.state === 'content') this.states.delete(url);
    this.requests.clear();
  }

  /**
   * Fetches the embeds not shown yet. A Correspondence content address is fetched by itself only when the user
   * opens the dialog outside Production (said once per session); otherwise it waits for the user's click.
   */
  fetchAll(opening = false): void {
    const loaded = this.owner.loaded();
    if (!loaded) return;
    const refs = embedsToFetch(loaded.dialog, this.owner.language());
    for (const ref of refs) {
      if (this.states.has(ref.url) && this.states.get(ref.url)?.state !== 'error') continue;
      if (!this.owner.isApi) {
        this.states.set(ref.url, {
          state: 'not-fetched',
          reason: t(
            'Front-channel embeds are not fetched for a saved payload: they need a fresh dialog token from Dialogporten. Open the dialog from the Inbox to see this content.',
          ),
        });
        continue;
      }
      if (correspondenceContentId(ref.url)) {
        const kept = this.correspondenceTexts.get(ref.url);
        if (kept) this.showEmbedText(ref.url, kept.text, kept.mediaType);
        else if (this.correspondenceConsent.has(ref.url))
          continue; // agreed, but the fetch failed: Retry fetches
        else if (opening && this.owner.environment() && !this.owner.environment()!.isProduction)
          void this.request(ref.url).catch((error: unknown) => this.owner.reportError(error));
        else
          this.states.set(ref.url, {
            state: 'consent',
            message: t(
              'This is an Altinn message. Showing its content fetches it from Altinn Correspondence, which marks it as read: the sender will see the message as read.',
            ),
            action: t('Show the Message'),
          });
        continue;
      }
      this.fetchOne(ref);
    }
    this.owner.render(true);
  }

  /**
   * The user asked for an embed (Retry, or "Show the message"). A Correspondence content address is fetched only
   * after confirmCorrespondenceRead; resolves when the content is shown, and quietly when the user declines.
   */
  async request(url: string): Promise<void> {
    const loaded = this.owner.loaded();
    if (!loaded || !this.owner.isApi || !isKnownEmbed(loaded.dialog, url, PANEL_LANGUAGES)) return;
    if (correspondenceContentId(url) && !this.correspondenceConsent.has(url)) {
      try {
        await this.owner.confirmCorrespondenceRead();
      } catch (error) {
        if (isUserCancelled(error)) return;
        throw error;
      }
      if (this.owner.isDisposed() || this.owner.loaded() !== loaded) return;
      this.correspondenceConsent.add(url);
    }
    const ref = PANEL_LANGUAGES.flatMap((language) => embedsToFetch(loaded.dialog, language)).find(
      (candidate) => candidate.url === url,
    );
    if (!ref) return;
    if (!this.requests.has(url)) {
      this.states.delete(url);
      this.fetchOne(ref);
      this.owner.render(true);
    }
    await this.requests.get(url);
    this.owner.render(true);
  }

  private showEmbedText(url: string, text: string, mediaType: string): void {
    const rendered = renderContent(text, mediaType, { allowRemoteImages: this.owner.allowRemoteImages() });
    const note = correspondenceContentId(url)
      ? t('Fetching this content marked the message as read in Altinn Correspondence: the sender sees it as read.')
      : undefined;
    this.states.set(url, { state: 'content', html: rendered.html, warnings: rendered.warnings, note });
  }

  private fetchOne(ref: EmbedRef): void {
    const { url } = ref;
    const loaded = this.owner.loaded();
    if (!loaded || this.requests.has(url)) return;
    const token = loaded.dialogToken;
    if (!token) {
      this.states.set(url, { state: 'error', message: t('the dialog details carried no dialog token') });
      return;
    }
    const target = checkTokenTarget(url);
    if (!target.ok) {
      this.states.set(url, { state: 'error', message: target.reason });
      return;
    }
    this.states.set(url, { state: 'loading' });
    const request = (async () => {
      try {
        const embed = await this.owner.clients()!.dialogporten.fetchFrontChannelEmbed(target.url, token, {
          signal: this.owner.signal,
          declaredMediaType: ref.mediaType,
          acceptLanguage: acceptLanguageFor(this.owner.language()),
        });
        if (this.owner.loaded() !== loaded) return;
        if (embed.kind === 'empty') {
          this.states.set(url, { state: 'empty' });
        } else {
          if (correspondenceContentId(url))
            this.correspondenceTexts.set(url, { text: embed.text, mediaType: embed.mediaType });
          this.showEmbedText(url, embed.text, embed.mediaType);
        }
        const read = correspondenceContentId(url) ? ' (Altinn Correspondence records the message as read)' : '';
        const as =
          embed.kind === 'content' && embed.responseMediaType !== embed.mediaType
            ? ` as ${embed.mediaType} (declared; the response said ${embed.responseMediaType || 'nothing'})`
            : '';
        this.owner.log.info(`[dialog panel] front-channel embed ${redactJwts(target.url)} → ${embed.kind}${as}${read}`);
      } catch (error) {
        if (this.owner.isDisposed() || this.owner.loaded() !== loaded) return;
        const message = maskSecrets(error instanceof Error ? error.message : String(error));
        this.owner.log.warn(`[dialog panel] front-channel embed failed: ${message}`);
        this.states.set(url, { state: 'error', message });
      } finally {
        if (this.owner.loaded() === loaded) this.requests.delete(url);
        this.owner.render();
      }
    })();
    this.requests.set(url, request);
  }
}
