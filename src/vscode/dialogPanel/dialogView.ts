/**
 * The dialog panel's body as HTML, built in the extension host from a Dialog (vscode-free, unit-tested in Node); one module per tab in view/.
 * Every string a service owner wrote goes through the content module first: content values through
 * renderContent() (sanitised markdown / legacy HTML / plain text), plain localised strings (attachment names,
 * action titles, descriptions) through plainText() and then escaping. Our own markup carries no inline script,
 * no event handler and no style attribute: the webview script wires behaviour to `data-command` attributes.
 */
import type { Localizer } from '../../platform/presentation';
import { escapeHtml } from '../webview/webviewHtml';
import { PANEL_TABS, type PanelTab } from './protocol';
import { actionsHtml } from './view/actionsTab';
import { activityHtml } from './view/activityTab';
import { headerHtml, noticesHtml, tabsHtml } from './view/header';
import { attr } from './view/html';
import { overviewHtml } from './view/overviewTab';
import { rawHtml } from './view/rawTab';
import { transmissionsHtml } from './view/transmissionsTab';
import type { DialogViewInput } from './view/viewTypes';

export { embedsToFetch, type EmbedRef } from './view/embeds';
export { PANEL_LANGUAGES, PANEL_TABS } from './protocol';
export type { ActionResult, DialogTokenSummary, DialogViewInput, EmbedState, Notice } from './view/viewTypes';

/** The whole body: header, notices, tab list and the five tab panels (the first one visible). */
export function renderDialogBody(input: DialogViewInput, l10n: Localizer): string {
  const panels: Record<PanelTab, string> = {
    overview: overviewHtml(input, l10n),
    transmissions: transmissionsHtml(input, l10n),
    actions: actionsHtml(input, l10n),
    activity: activityHtml(input, l10n),
    raw: rawHtml(input, l10n),
  };
  return `<div class="dialog" data-dialog-id="${attr(input.dialog.id)}">
${headerHtml(input, l10n)}
${noticesHtml(input.notices)}
${tabsHtml(input, l10n)}
${PANEL_TABS.map((tab, index) => `<section class="tab-panel" role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}" tabindex="0"${index === 0 ? '' : ' hidden'}>${panels[tab]}</section>`).join('\n')}
</div>`;
}

/**
 * Shown instead of the body while the dialog is being fetched, or when it could not be. `detail`: the technical
 * cause under the message (e.g. the request and the service's answer).
 */
export function renderPlaceholderBody(options: {
  title?: string;
  message: string;
  detail?: string;
  kind: 'loading' | 'error' | 'restored' | 'too-large';
  commands?: readonly { id: string; label: string }[];
  environmentLabel?: string;
}): string {
  const buttons = (options.commands ?? [])
    .map(
      (command, index) =>
        `<button type="button" class="${index === 0 ? 'primary' : 'secondary'}" data-command="${attr(command.id)}">${escapeHtml(command.label)}</button>`,
    )
    .join(' ');
  return `<div class="dialog placeholder placeholder-${options.kind}">
${options.environmentLabel ? `<div class="env-line"><span class="badge env">${escapeHtml(options.environmentLabel)}</span></div>` : ''}
${options.title ? `<h1 class="dialog-title">${escapeHtml(options.title)}</h1>` : ''}
<div class="notice ${options.kind === 'error' ? 'notice-error' : 'notice-info'}" role="${options.kind === 'error' ? 'alert' : 'status'}"><p>${escapeHtml(options.message)}</p>${options.detail ? `<p class="detail">${escapeHtml(options.detail)}</p>` : ''}${buttons ? `<div class="buttons">${buttons}</div>` : ''}</div>
</div>`;
}
