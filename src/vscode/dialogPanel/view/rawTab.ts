import type { Localizer } from '../../../platform/presentation';
import { escapeHtml } from '../../webview/webviewHtml';
import { attr, section, timeHtml } from './html';
import type { DialogViewInput } from './viewTypes';

/** The dialog token's claims (never the token) and the response JSON as received. */ export function rawHtml(
  input: DialogViewInput,
  l10n: Localizer,
): string {
  const token = input.token;
  const tokenHtml = token
    ? `<table class="facts-table"><tbody>
<tr><th scope="row">${escapeHtml(l10n.t('Expires'))}</th><td>${token.expiresAt ? timeHtml(token.expiresAt, input.locale) : '—'}</td></tr>
<tr><th scope="row">${escapeHtml(l10n.t('Authorised actions (a)'))}</th><td>${token.actions.length ? token.actions.map((a) => `<code>${escapeHtml(a)}</code>`).join(' ') : '—'}</td></tr>
${token.authenticatedParty ? `<tr><th scope="row">${escapeHtml(l10n.t('Authenticated party (c)'))}</th><td><code>${escapeHtml(token.authenticatedParty)}</code></td></tr>` : ''}
${token.authLevel !== undefined ? `<tr><th scope="row">${escapeHtml(l10n.t('Authentication level (l)'))}</th><td>${escapeHtml(String(token.authLevel))}</td></tr>` : ''}
${token.issuer ? `<tr><th scope="row">${escapeHtml(l10n.t('Issuer'))}</th><td><code>${escapeHtml(token.issuer)}</code></td></tr>` : ''}
</tbody></table>`
    : `<p class="muted">${escapeHtml(l10n.t('The response carried no dialog token.'))}</p>`;
  const size =
    input.rawBytes >= 1024 * 1024
      ? `${(input.rawBytes / (1024 * 1024)).toFixed(1)} MB`
      : input.rawBytes >= 1024
        ? `${(input.rawBytes / 1024).toFixed(1)} KB`
        : `${input.rawBytes} B`;
  return (
    section(
      l10n.t('Dialog token'),
      `<p class="muted">${escapeHtml(l10n.t('The token itself is a bearer credential and is never shown here; these are its claims.'))}</p>${tokenHtml}`,
      'token-claims',
    ) +
    section(
      l10n.t('Response JSON'),
      `<p class="muted">${escapeHtml(l10n.t('{0}, exactly as received except that the dialog token is replaced by a placeholder.', size))} <button type="button" class="link-button" data-command="openRaw">${escapeHtml(l10n.t('Open in an editor'))}</button></p><pre class="raw-json" tabindex="0" aria-label="${attr(l10n.t('Response JSON'))}">${escapeHtml(input.rawJson)}</pre>`,
      'raw',
    )
  );
}
