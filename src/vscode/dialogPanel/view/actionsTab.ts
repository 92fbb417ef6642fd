import type { Dialog } from '../../../platform/dialogporten/schemas/dialog';
import { UNAUTHORIZED_URL } from '../../../platform/dialogporten/schemas/constants';
import type { Localizer } from '../../../platform/presentation';
import { escapeHtml } from '../../webview/webviewHtml';
import { attr, inlinePlain, linkHtml, section, timeHtml } from './html';
import type { ActionResult, DialogViewInput } from './viewTypes';

type GuiAction = NonNullable<Dialog['guiActions']>[number];
type ApiAction = NonNullable<Dialog['apiActions']>[number];

const PRIORITY_ORDER: Record<string, number> = { Primary: 0, Secondary: 1, Tertiary: 2 };

export function guiActionsHtml(actions: readonly GuiAction[], input: DialogViewInput, l10n: Localizer): string {
  const sorted = [...actions].sort((a, b) => (PRIORITY_ORDER[a.priority] ?? 3) - (PRIORITY_ORDER[b.priority] ?? 3));
  const items = sorted.map((action) => {
    const title = inlinePlain(action.title, input.language) ?? escapeHtml(action.action);
    const method = action.httpMethod ?? 'GET';
    const unauthorized = action.isAuthorized === false || action.url === UNAUTHORIZED_URL;
    const priorityName =
      action.priority === 'Primary'
        ? l10n.t('Primary')
        : action.priority === 'Secondary'
          ? l10n.t('Secondary')
          : l10n.t('Tertiary');
    const prompt = inlinePlain(action.prompt, input.language);
    const result = input.actionResults.get(action.id);
    const disabled = unauthorized || input.source === 'payload';
    const why = unauthorized
      ? l10n.t('Not authorised for this action')
      : input.source === 'payload'
        ? l10n.t('Actions run only on dialogs fetched from Dialogporten')
        : method === 'GET'
          ? l10n.t('Opens in your browser after you confirm')
          : l10n.t('Sends {0} with the dialog token after you confirm', method);
    return `<li class="gui-action priority-${attr(action.priority)}${action.isDeleteDialogAction ? ' delete-action' : ''}">
<button type="button" class="${action.priority === 'Primary' ? 'primary' : 'secondary'}" data-command="executeGuiAction" data-action-id="${attr(action.id)}"${disabled ? ' disabled' : ''} title="${attr(why)}">${title}</button>
<span class="badge">${escapeHtml(priorityName)}</span>${action.isDeleteDialogAction ? ` <span class="badge warning">${escapeHtml(l10n.t('deletes the dialog'))}</span>` : ''}${unauthorized ? ` <span class="badge warning">${escapeHtml(l10n.t('not authorised'))}</span>` : ''}
<div class="action-target"><code>${escapeHtml(method)}</code> <code class="url">${escapeHtml(action.url)}</code></div>
${prompt ? `<div class="muted">${escapeHtml(l10n.t('Asks first:'))} «${prompt}»</div>` : ''}
${action.authorizationAttribute ? `<div class="muted">${escapeHtml(l10n.t('Authorisation attribute'))}: <code>${escapeHtml(action.authorizationAttribute)}</code></div>` : ''}
${result ? actionResultHtml(result, input, l10n) : ''}</li>`;
  });
  return `<ul class="gui-actions">${items.join('')}</ul>`;
}

function actionResultHtml(result: ActionResult, input: DialogViewInput, l10n: Localizer): string {
  if (result.openedExternally)
    return `<div class="action-result" role="status">${escapeHtml(l10n.t('Opened in the browser'))} — ${timeHtml(result.at, input.locale)}</div>`;
  if (result.error)
    return `<div class="action-result notice-error" role="alert">${escapeHtml(l10n.t('{0} {1} failed: {2}', result.method, result.url, result.error))}</div>`;
  const body = result.body
    ? `<pre class="response-body">${escapeHtml(result.body)}${result.truncated ? `\n${escapeHtml(l10n.t('… (cut; the answer was longer)'))}` : ''}</pre>`
    : `<p class="muted">${escapeHtml(l10n.t('(no body)'))}</p>`;
  return `<div class="action-result" role="status"><div><code>${escapeHtml(result.method)}</code> → <strong>${escapeHtml(String(result.status ?? '?'))}</strong>${result.contentType ? ` <span class="muted">${escapeHtml(result.contentType)}</span>` : ''} — ${timeHtml(result.at, input.locale)}</div>${body}</div>`;
}

function apiActionsHtml(actions: readonly ApiAction[], input: DialogViewInput, l10n: Localizer): string {
  const items = actions.map((action) => {
    const unauthorized = action.isAuthorized === false;
    const endpoints = (action.endpoints ?? []).map((endpoint) => {
      const facts = [
        endpoint.version ? `${escapeHtml(l10n.t('version'))} <code>${escapeHtml(endpoint.version)}</code>` : '',
        endpoint.deprecated ? `<span class="badge warning">${escapeHtml(l10n.t('deprecated'))}</span>` : '',
        endpoint.sunsetAt ? `${escapeHtml(l10n.t('sunset'))} ${timeHtml(endpoint.sunsetAt, input.locale)}` : '',
        endpoint.documentationUrl ? linkHtml(endpoint.documentationUrl, l10n.t('documentation')) : '',
        endpoint.requestSchema ? linkHtml(endpoint.requestSchema, l10n.t('request schema')) : '',
        endpoint.responseSchema ? linkHtml(endpoint.responseSchema, l10n.t('response schema')) : '',
      ]
        .filter(Boolean)
        .join(' · ');
      return `<li><code>${escapeHtml(endpoint.httpMethod ?? 'GET')}</code> <code class="url">${escapeHtml(endpoint.url)}</code>${facts ? `<div class="muted">${facts}</div>` : ''}</li>`;
    });
    return `<li class="api-action"><strong>${escapeHtml(action.name ?? action.action)}</strong> <span class="muted">${escapeHtml(l10n.t('action'))} <code>${escapeHtml(action.action)}</code></span>${unauthorized ? ` <span class="badge warning">${escapeHtml(l10n.t('not authorised'))}</span>` : ''}
${action.authorizationAttribute ? `<div class="muted">${escapeHtml(l10n.t('Authorisation attribute'))}: <code>${escapeHtml(action.authorizationAttribute)}</code></div>` : ''}
<ul class="endpoints">${endpoints.join('') || `<li class="muted">${escapeHtml(l10n.t('No endpoints'))}</li>`}</ul></li>`;
  });
  return `<ul class="api-actions">${items.join('')}</ul>`;
}

/** The GUI actions a person can run (after confirming) and the API actions an end-user system would call. */
export function actionsHtml(input: DialogViewInput, l10n: Localizer): string {
  const gui = input.dialog.guiActions ?? [];
  const api = input.dialog.apiActions ?? [];
  const guiPart = gui.length
    ? `<p class="muted">${escapeHtml(l10n.t('Buttons the Altinn inbox shows, by priority. Nothing runs without your confirmation; the answer appears under the action.'))}</p>${guiActionsHtml(gui, input, l10n)}`
    : `<p class="muted">${escapeHtml(l10n.t('No GUI actions.'))}</p>`;
  const apiPart = api.length
    ? `<p class="muted">${escapeHtml(l10n.t('Endpoints an end-user system calls for this dialog. Shown for reference; they are not called from here.'))}</p>${apiActionsHtml(api, input, l10n)}`
    : `<p class="muted">${escapeHtml(l10n.t('No API actions.'))}</p>`;
  return (
    section(l10n.t('GUI actions'), guiPart, 'gui-actions-section') +
    section(l10n.t('API actions'), apiPart, 'api-actions-section')
  );
}
