/**
 * The messages between the dialog panel (extension host) and its webview script. Shared by both sides;
 * imports nothing, so the browser bundle stays small.
 */

export type PanelLanguage = 'nb' | 'nn' | 'en';
export type PanelTab = 'overview' | 'transmissions' | 'actions' | 'activity' | 'raw';

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
  | { readonly type: 'render'; readonly bodyHtml: string; readonly persisted: PersistedPanelState; readonly focus?: string }
  | { readonly type: 'live'; readonly live: LiveState }
  | { readonly type: 'busy'; readonly busy: boolean };

export type PanelCommand = 'refresh' | 'openInInbox' | 'copyCurl' | 'copyCurlWithToken' | 'showRequest' | 'openRaw' | 'toggleRemoteImages' | 'load' | 'renderAnyway' | 'previewAgain' | 'retryLive';

export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'command'; readonly command: PanelCommand }
  | { readonly type: 'setLanguage'; readonly language: PanelLanguage }
  | { readonly type: 'selectTab'; readonly tab: PanelTab }
  | { readonly type: 'openLink'; readonly href: string }
  | { readonly type: 'executeGuiAction'; readonly actionId: string }
  | { readonly type: 'downloadAttachment'; readonly attachmentId: string; readonly url: string }
  | { readonly type: 'retryEmbed'; readonly url: string };

const LANGUAGES = new Set(['nb', 'nn', 'en']);
const TABS = new Set(['overview', 'transmissions', 'actions', 'activity', 'raw']);
const COMMANDS = new Set(['refresh', 'openInInbox', 'copyCurl', 'copyCurlWithToken', 'showRequest', 'openRaw', 'toggleRemoteImages', 'load', 'renderAnyway', 'previewAgain', 'retryLive']);

/** The webview is less trusted than the host: every message is checked before it is acted on. */
export function parseFromWebview(message: unknown): FromWebview | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const m = message as Record<string, unknown>;
  const text = (value: unknown, max = 4096): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'command':
      return typeof m.command === 'string' && COMMANDS.has(m.command) ? { type: 'command', command: m.command as PanelCommand } : undefined;
    case 'setLanguage':
      return typeof m.language === 'string' && LANGUAGES.has(m.language) ? { type: 'setLanguage', language: m.language as PanelLanguage } : undefined;
    case 'selectTab':
      return typeof m.tab === 'string' && TABS.has(m.tab) ? { type: 'selectTab', tab: m.tab as PanelTab } : undefined;
    case 'openLink':
      return text(m.href, 8192) ? { type: 'openLink', href: m.href } : undefined;
    case 'executeGuiAction':
      return text(m.actionId, 100) ? { type: 'executeGuiAction', actionId: m.actionId } : undefined;
    case 'downloadAttachment':
      return text(m.attachmentId, 100) && text(m.url, 8192) ? { type: 'downloadAttachment', attachmentId: m.attachmentId, url: m.url } : undefined;
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
