import { isFrontChannelEmbed, pickLocalized } from '../../../platform/content';
import type { Dialog } from '../../../platform/dialogporten/schemas/dialog';
import { EXPIRED_URL, UNAUTHORIZED_URL } from '../../../platform/dialogporten/schemas/constants';
import type { ContentValue, Localizer } from '../../../platform/presentation';
import { escapeHtml } from '../../webview/webviewHtml';
import type { PanelLanguage } from '../protocol';
import { attr, block, warningsHtml } from './html';
import type { DialogViewInput } from './viewTypes';

export interface EmbedRef {
  /** Where the embed sits: `main` or `transmission:<id>`. */
  readonly where: string;
  readonly url: string;
  readonly mediaType: string;
}

/**
 * The front-channel embeds the panel shows in `language`: the main content and each authorised transmission's
 * content reference. Unauthorised, expired and non-URL values are not fetched (they are explained instead).
 */
export function embedsToFetch(dialog: Dialog, language: PanelLanguage): EmbedRef[] {
  const refs: EmbedRef[] = [];
  const add = (where: string, value: ContentValue): void => {
    if (!value || !isFrontChannelEmbed(value.mediaType) || value.isAuthorized === false) return;
    const url = pickLocalized(value.value ?? [], [language])?.value?.trim();
    if (!url || url === UNAUTHORIZED_URL || url === EXPIRED_URL || !/^https?:\/\//i.test(url)) return;
    refs.push({ where, url, mediaType: value.mediaType });
  };
  add('main', dialog.content.mainContentReference);
  for (const transmission of dialog.transmissions ?? []) {
    if (transmission.isAuthorized === false) continue;
    add(`transmission:${transmission.id}`, transmission.content.contentReference);
  }
  return refs;
}

export function embedHtml(value: ContentValue, input: DialogViewInput, l10n: Localizer): string {
  if (!value) return '';
  const url = pickLocalized(value.value ?? [], [input.language])?.value?.trim() ?? '';
  if (value.isAuthorized === false || url === UNAUTHORIZED_URL) {
    return `<p class="notice notice-warning">${escapeHtml(l10n.t('You are not authorised to see this content (the dialog token does not grant it).'))}</p>`;
  }
  if (url === EXPIRED_URL)
    return `<p class="notice notice-warning">${escapeHtml(l10n.t('This content has expired.'))}</p>`;
  if (!isFrontChannelEmbed(value.mediaType)) return block(value, input.language, input.allowRemoteImages) ?? '';
  if (!/^https?:\/\//i.test(url))
    return `<p class="notice notice-warning">${escapeHtml(l10n.t('The content reference is not an http(s) address, so it was not fetched.'))}</p>`;
  const state = input.embeds.get(url);
  const source = `<p class="embed-source">${escapeHtml(l10n.t('Front-channel embed'))}: <code>${escapeHtml(url)}</code></p>`;
  switch (state?.state) {
    case undefined:
    case 'loading':
      return `${source}<p class="loading" role="status">${escapeHtml(l10n.t('Loading the embedded content with the dialog token…'))}</p>`;
    case 'content':
      return `<div class="embed-content">${state.html}</div>${warningsHtml(state.warnings)}${source}${state.note ? `<p class="muted embed-note">${escapeHtml(state.note)}</p>` : ''}`;
    case 'consent':
      return (
        `${source}<div class="notice notice-info embed-consent"><p>${escapeHtml(state.message)}</p>` +
        `<button type="button" class="secondary" data-command="retryEmbed" data-url="${attr(url)}">${escapeHtml(state.action)}</button></div>`
      );
    case 'empty':
      return `<p class="muted">${escapeHtml(l10n.t('The service owner returned no content (empty or 204).'))}</p>${source}`;
    case 'not-fetched':
      return `${source}<p class="notice notice-info">${escapeHtml(state.reason)}</p>`;
    case 'error':
      return (
        `${source}<div class="notice notice-error" role="alert"><p>${escapeHtml(l10n.t('The embedded content could not be fetched: {0}', state.message))}</p>` +
        `<button type="button" class="secondary" data-command="retryEmbed" data-url="${attr(url)}">${escapeHtml(l10n.t('Retry'))}</button></div>`
      );
  }
}
