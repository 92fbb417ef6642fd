/** Small HTML pieces every tab uses; every value from the API is escaped or sanitised here. */
import { normalizeLanguageCode, pickLocalized, plainText, renderContent } from '../../../platform/content';
import {
  dateTime,
  localizedPlain,
  localizedText,
  serviceOwnerName,
  type ContentValue,
  type Localizations,
  type Localizer,
} from '../../../platform/presentation';
import { escapeHtml } from '../../webview/webviewHtml';
import type { PanelLanguage } from '../protocol';

/** A content value reduced to one inline, escaped line (titles, sender names, extended status). */
export function inline(value: ContentValue, language: PanelLanguage): string | undefined {
  const text = localizedText(value, [language]);
  return text ? escapeHtml(text) : undefined;
}

/** A plain localised string (no media type): attachment names, action titles, activity descriptions. */
export function inlinePlain(values: Localizations, language: PanelLanguage): string | undefined {
  const text = localizedPlain(values, [language]);
  return text ? escapeHtml(text) : undefined;
}

/**
 * Block content is cut before rendering so a hostile dialog cannot keep the extension host busy (Dialogporten
 * allows far less; front-channel embeds are capped at 100 KB when fetched).
 */
export const MAX_BLOCK_CHARS = 64 * 1024;

/** A content value as sanitised block HTML. */
export function block(value: ContentValue, language: PanelLanguage, allowRemoteImages: boolean): string | undefined {
  const picked = pickLocalized(value?.value ?? [], [language]);
  if (!picked || picked.value.trim() === '') return undefined;
  const long = picked.value.length > MAX_BLOCK_CHARS;
  const rendered = renderContent(
    long ? picked.value.slice(0, MAX_BLOCK_CHARS) : picked.value,
    value?.mediaType ?? 'text/plain',
    { allowRemoteImages },
  );
  const warnings = long
    ? [
        `Only the first ${MAX_BLOCK_CHARS / 1024} KB of ${Math.round(picked.value.length / 1024)} KB are shown (Dialogporten allows far less here).`,
        ...rendered.warnings,
      ]
    : rendered.warnings;
  return rendered.html + warningsHtml(warnings);
}

export function warningsHtml(warnings: readonly string[]): string {
  if (warnings.length === 0) return '';
  return `<ul class="render-warnings">${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`;
}

/** Which language a localised value was actually shown in, when it is not the one asked for. */
export function fallbackLanguage(values: Localizations, language: PanelLanguage): string | undefined {
  const picked = pickLocalized(values ?? [], [language]);
  if (!picked) return undefined;
  const shown = normalizeLanguageCode(picked.languageCode);
  return shown === language ? undefined : shown;
}

/** A date and time in the locale, the value as received in its title; an unreadable value as escaped text. */
export function timeHtml(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const text = dateTime(iso, locale);
  if (text === iso) return escapeHtml(iso);
  return `<time datetime="${escapeHtml(iso)}" title="${escapeHtml(iso)}">${escapeHtml(text)}</time>`;
}

export function attr(value: string): string {
  return escapeHtml(value);
}

export function section(title: string, body: string, className: string): string {
  return `<section class="${className}"><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

/** A link of ours to an address from the API: only http(s) becomes a link (clicks go through the extension). */
export function linkHtml(url: string, label: string): string {
  if (!/^https?:\/\//i.test(url)) return `${escapeHtml(label)}: <code>${escapeHtml(url)}</code>`;
  return `<a href="${attr(url)}" rel="noopener noreferrer" title="${attr(url)}">${escapeHtml(label)}</a>`;
}

export function actorName(
  actor: { actorType?: string | null; actorId?: string | null; actorName?: string | null } | undefined,
  org: string,
  l10n: Localizer,
): string {
  if (!actor) return l10n.t('unknown');
  if (actor.actorName) return escapeHtml(plainText(actor.actorName, 'text/plain'));
  if (actor.actorType === 'ServiceOwner') return escapeHtml(`${serviceOwnerName(org)} (${l10n.t('service owner')})`);
  if (actor.actorId) return escapeHtml(actor.actorId);
  return actor.actorType === 'PartyRepresentative' ? l10n.t('the party') : l10n.t('unknown');
}
