/**
 * The dialog panel's page script (runs in the webview, bundled for the browser). It never builds markup from
 * data: the extension host sends sanitised HTML, and this script wires tabs, buttons and links to messages.
 * Every link click is intercepted and handed to the extension, which decides whether to open it.
 */
import {
  isPanelCommand,
  isPanelLanguage,
  isPanelTab,
  type FromWebview,
  type PanelTab,
  type PersistedPanelState,
  type ToWebview,
} from '../vscode/dialogPanel/protocol';
import { announceReady, connectToExtension, onExtensionMessage } from './shared/extensionChannel';

const vscode = connectToExtension<FromWebview, PersistedPanelState>();

function readInitialState(): PersistedPanelState | undefined {
  try {
    const element = document.getElementById('initial-state');
    const parsed = JSON.parse(element?.textContent ?? 'null') as { persisted?: PersistedPanelState } | null;
    return parsed?.persisted;
  } catch {
    return undefined;
  }
}

const saved = vscode.getState();
let state: PersistedPanelState | undefined = readInitialState();
if (state && saved && saved.dialogId === state.dialogId)
  state = { ...state, tab: saved.tab ?? state.tab, language: state.language ?? saved.language };
let currentTab: PanelTab = isPanelTab(state?.tab) ? state.tab : 'overview';

function persist(): void {
  if (state) vscode.setState({ ...state, tab: currentTab });
}

function root(): HTMLElement {
  return document.getElementById('dialog-root') ?? document.body;
}

function post(message: FromWebview): void {
  vscode.postMessage(message);
}

// ——— tabs ———

function tabs(): HTMLElement[] {
  return Array.from(root().querySelectorAll<HTMLElement>('[role="tab"][data-tab]'));
}

function selectTab(tab: PanelTab, options: { focus?: boolean; notify?: boolean } = {}): void {
  const all = tabs();
  if (all.length === 0) return;
  const known = all.some((element) => element.dataset.tab === tab) ? tab : 'overview';
  currentTab = known;
  for (const element of all) {
    const selected = element.dataset.tab === known;
    element.setAttribute('aria-selected', String(selected));
    element.tabIndex = selected ? 0 : -1;
    const panel = document.getElementById(element.getAttribute('aria-controls') ?? '');
    if (panel) panel.hidden = !selected;
    if (selected && options.focus) element.focus();
  }
  persist();
  if (options.notify) post({ type: 'selectTab', tab: known });
}

function tabOf(element: Element): PanelTab | undefined {
  const panel = element.closest<HTMLElement>('[role="tabpanel"]');
  const tab = panel?.id.replace(/^panel-/, '');
  return isPanelTab(tab) ? tab : undefined;
}

/** In-page links (`#tx-…`): show the tab that holds the target and move focus there. */
function goToAnchor(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  const tab = tabOf(target);
  if (tab && tab !== currentTab) selectTab(tab, { notify: true });
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  target.scrollIntoView({ block: 'start' });
  target.classList.add('flash');
  setTimeout(() => target.classList.remove('flash'), 1200);
}

// ——— clicks, keys, changes ———

function onActivate(event: MouseEvent): void {
  const target = event.target as Element | null;
  if (!target) return;
  const link = target.closest('a');
  if (link) {
    // Nothing navigates inside the webview: in-page anchors scroll, everything else goes to the extension to check.
    // Stopping here also keeps VS Code's own webview link handler (on the window) from opening it unchecked.
    event.preventDefault();
    event.stopPropagation();
    if (event.type === 'auxclick' && event.button !== 1) return;
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#')) goToAnchor(decodeURIComponent(href.slice(1)));
    else if (href) post({ type: 'openLink', href });
    return;
  }
  if (event.type !== 'click') return;
  const tab = target.closest<HTMLElement>('[role="tab"][data-tab]');
  if (tab) {
    if (isPanelTab(tab.dataset.tab)) selectTab(tab.dataset.tab, { focus: true, notify: true });
    return;
  }
  const button = target.closest<HTMLButtonElement>('button[data-command]');
  if (!button || button.disabled) return;
  const command = button.dataset.command ?? '';
  switch (command) {
    case 'executeGuiAction':
      if (button.dataset.actionId) post({ type: 'executeGuiAction', actionId: button.dataset.actionId });
      return;
    case 'downloadAttachment':
      if (button.dataset.attachmentId && button.dataset.url)
        post({ type: 'downloadAttachment', attachmentId: button.dataset.attachmentId, url: button.dataset.url });
      return;
    case 'retryEmbed':
      if (button.dataset.url) post({ type: 'retryEmbed', url: button.dataset.url });
      return;
    default:
      if (isPanelCommand(command)) post({ type: 'command', command });
      return;
  }
}

document.addEventListener('click', onActivate);
document.addEventListener('auxclick', onActivate);
// No content form may submit (the sanitiser removes forms; this is the second lock).
document.addEventListener('submit', (event) => event.preventDefault(), true);

document.addEventListener('change', (event) => {
  const target = event.target as HTMLElement | null;
  if (target instanceof HTMLSelectElement && target.dataset.command === 'setLanguage') {
    const language = target.value;
    if (!isPanelLanguage(language)) return;
    if (state) state = { ...state, language };
    persist();
    post({ type: 'setLanguage', language });
  } else if (target instanceof HTMLInputElement && target.dataset.command === 'toggleRemoteImages') {
    post({ type: 'command', command: 'toggleRemoteImages' });
  }
});

document.addEventListener('keydown', (event) => {
  const tab = (event.target as Element | null)?.closest<HTMLElement>('[role="tab"][data-tab]');
  if (!tab) return;
  const all = tabs();
  const index = all.indexOf(tab);
  let next: number | undefined;
  if (event.key === 'ArrowRight') next = (index + 1) % all.length;
  else if (event.key === 'ArrowLeft') next = (index - 1 + all.length) % all.length;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = all.length - 1;
  if (next === undefined) return;
  event.preventDefault();
  const nextTab = all[next].dataset.tab;
  if (isPanelTab(nextTab)) selectTab(nextTab, { focus: true, notify: true });
});

// ——— messages from the extension ———

onExtensionMessage<ToWebview>((message) => {
  switch (message.type) {
    case 'render': {
      const active = document.activeElement as HTMLElement | null;
      const focusKey = active?.dataset.command
        ? `[data-command="${active.dataset.command}"]${active.dataset.actionId ? `[data-action-id="${active.dataset.actionId}"]` : ''}`
        : active?.dataset.tab
          ? `[data-tab="${active.dataset.tab}"]`
          : undefined;
      const scroll = window.scrollY;
      // The HTML was built and sanitised by the extension host; the page's CSP runs no inline script or handler.
      root().innerHTML = message.bodyHtml;
      state = { ...message.persisted, tab: currentTab };
      selectTab(currentTab);
      window.scrollTo(0, scroll);
      if (focusKey) {
        try {
          root().querySelector<HTMLElement>(focusKey)?.focus({ preventScroll: true });
        } catch {
          // an unusual attribute value; focus stays where it is
        }
      }
      return;
    }
    case 'live': {
      const element = document.getElementById('live-status');
      if (element) {
        element.textContent = message.live.text;
        element.className = `live live-${message.live.state}`;
      }
      document.getElementById('live-retry')?.toggleAttribute('hidden', !message.live.retry);
      return;
    }
  }
});

selectTab(currentTab);
announceReady(vscode);
