/**
 * The messages between the dialog panel (extension host) and its webview script. Shared by both sides;
 * imports nothing, so the browser bundle stays small.
 */

/** The content languages the panel offers, in the order of its language picker. */
export const PANEL_LANGUAGES = ['nb', 'nn', 'en'] as const;
export type PanelLanguage = (typeof PANEL_LANGUAGES)[number];

/** The panel's tabs, in order. */
export const PANEL_TABS = ['overview', 'transmissions', 'actions', 'activity', 'raw'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

/** The buttons (`data-command`) that send `{ type: 'command' }`: the toolbar, notices and placeholders. */
export const PANEL_COMMANDS = [
  'refresh',
  'openInInbox',
  'copyCurl',
  'copyCurlWithToken',
  'showRequest',
  'openRaw',
  'toggleRemoteImages',
  'load',
  'renderAnyway',
  'retryLive',
] as const;
export type PanelCommand = (typeof PANEL_COMMANDS)[number];

export const isPanelLanguage = (value: unknown): value is PanelLanguage =>
  (PANEL_LANGUAGES as readonly unknown[]).includes(value);
export const isPanelTab = (value: unknown): value is PanelTab => (PANEL_TABS as readonly unknown[]).includes(value);
export const isPanelCommand = (value: unknown): value is PanelCommand =>
  (PANEL_COMMANDS as readonly unknown[]).includes(value);

export interface LiveState {
  /** `polling`: no event stream could be held, so the dialog is checked for changes every 30 s while visible. */
  readonly state: 'off' | 'connecting' | 'live' | 'reconnecting' | 'polling' | 'paused' | 'stopped';
  /** Shown in the header, e.g. "Live updates on". */
  readonly text: string;
  /** Offer to connect the event stream again. */
  readonly retry?: boolean;
}

/** What the webview persists with setState (also what the serializer gets back after a reload). */
export interface PersistedPanelState {
  readonly v: 1;
  readonly kind: 'api' | 'payload';
  readonly dialogId: string;
  readonly profileId?: string;
  readonly partyUrn?: string;
  /** Plain-text title, to show before anything is fetched. */
  readonly title?: string;
  /** For `payload` panels: the document the dialog JSON came from. */
  readonly payloadUri?: string;
  readonly language?: PanelLanguage;
  readonly tab?: PanelTab;
}

/** Initial data embedded in the page (inert JSON, read by the script). */
export interface InitialState {
  readonly persisted: PersistedPanelState;
}

export type ToWebview =
  /** A new body (sanitised in the extension host). `persisted` is what the webview should remember. */
  | { readonly type: 'render'; readonly bodyHtml: string; readonly persisted: PersistedPanelState }
  | { readonly type: 'live'; readonly live: LiveState };

export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'command'; readonly command: PanelCommand }
  | { readonly type: 'setLanguage'; readonly language: PanelLanguage }
  | { readonly type: 'selectTab'; readonly tab: PanelTab }
  | { readonly type: 'openLink'; readonly href: string }
  | { readonly type: 'executeGuiAction'; readonly actionId: string }
  | { readonly type: 'downloadAttachment'; readonly attachmentId: string; readonly url: string }
  | { readonly type: 'retryEmbed'; readonly url: string };

/** The webview is less trusted than the host: every message is checked before it is acted on. */
export function parseFromWebview(message: unknown): FromWebview | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const m = message as Record<string, unknown>;
  const text = (value: unknown, max = 4096): value is string =>
    typeof value === 'string' && value.length > 0 && value.length <= max;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'command':
      return isPanelCommand(m.command) ? { type: 'command', command: m.command } : undefined;
    case 'setLanguage':
      return isPanelLanguage(m.language) ? { type: 'setLanguage', language: m.language } : undefined;
    case 'selectTab':
      return isPanelTab(m.tab) ? { type: 'selectTab', tab: m.tab } : undefined;
    case 'openLink':
      return text(m.href, 8192) ? { type: 'openLink', href: m.href } : undefined;
    case 'executeGuiAction':
      return text(m.actionId, 100) ? { type: 'executeGuiAction', actionId: m.actionId } : undefined;
    case 'downloadAttachment':
      return text(m.attachmentId, 100) && text(m.url, 8192)
        ? { type: 'downloadAttachment', attachmentId: m.attachmentId, url: m.url }
        : undefined;
    case 'retryEmbed':
      return text(m.url, 8192) ? { type: 'retryEmbed', url: m.url } : undefined;
    default:
      return undefined;
  }
}

export function isPersistedPanelState(value: unknown): value is PersistedPanelState {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return v.v === 1 && (v.kind === 'api' || v.kind === 'payload') && typeof v.dialogId === 'string';
}
