// Messages between the token inspector panel and its webview script (imported by both sides; imports nothing).

/** What the signature check found, in words for the panel. */
export interface VerdictView {
  readonly state: 'checking' | 'verified' | 'bad-signature' | 'unknown-issuer' | 'unreachable';
  readonly text: string;
}

export type ToWebview = { readonly type: 'verdict'; readonly verdict: VerdictView };

/** The inspector's buttons (each button's id is its command). */
export const INSPECTOR_COMMANDS = ['copyJson', 'openJson'] as const;
export type InspectorCommand = (typeof INSPECTOR_COMMANDS)[number];

export type FromWebview = { readonly type: 'ready' } | { readonly type: InspectorCommand };

/** The webview is less trusted than the host: anything but these messages is dropped. */
export function parseFromWebview(message: unknown): FromWebview | undefined {
  const type = message && typeof message === 'object' ? (message as { type?: unknown }).type : undefined;
  if (type === 'ready') return { type };
  return (INSPECTOR_COMMANDS as readonly unknown[]).includes(type) ? { type: type as InspectorCommand } : undefined;
}

/** Persisted with the webview's setState, so a panel brought back from the background keeps its verdict. */
export interface InspectorWebviewState {
  readonly verdict?: VerdictView;
}
