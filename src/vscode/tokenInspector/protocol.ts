// Messages between the token inspector panel and its webview script (types only: imported by both sides).

/** What the signature check found, in words for the panel. */
export interface VerdictView {
  readonly state: 'checking' | 'verified' | 'bad-signature' | 'unknown-issuer' | 'unreachable';
  readonly text: string;
}

export type ToWebview = { readonly type: 'verdict'; readonly verdict: VerdictView };

export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'copyJson' }
  | { readonly type: 'openJson' };

/** Persisted with the webview's setState, so a panel brought back from the background keeps its verdict. */
export interface InspectorWebviewState {
  readonly verdict?: VerdictView;
}
