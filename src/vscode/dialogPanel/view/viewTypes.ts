import type { Dialog } from '../../../platform/dialogporten/schemas/dialog';
import type { LiveState, PanelLanguage } from '../protocol';

/** Rendered front-channel-embed content, or why there is none. */
export type EmbedState =
  | { readonly state: 'loading' }
  | { readonly state: 'content'; readonly html: string; readonly warnings: readonly string[]; readonly note?: string }
  /** Fetching it changes something (an Altinn message is marked as read): it waits for the user's click. */
  | { readonly state: 'consent'; readonly message: string; readonly action: string }
  | { readonly state: 'empty' }
  | { readonly state: 'error'; readonly message: string }
  | { readonly state: 'not-fetched'; readonly reason: string };

/** What a GUI action's request answered (shown under the action). */
export interface ActionResult {
  readonly method: string;
  readonly url: string;
  readonly status?: number;
  readonly contentType?: string;
  /** As text; shown escaped in a <pre>, never rendered. */
  readonly body?: string;
  readonly truncated?: boolean;
  readonly error?: string;
  readonly at: string;
  /** GET actions open in the browser instead of being sent. */
  readonly openedExternally?: boolean;
}

export interface Notice {
  readonly kind: 'info' | 'warning' | 'error';
  readonly text: string;
  readonly command?: { readonly id: string; readonly label: string };
}

export interface DialogTokenSummary {
  readonly expiresAt?: string;
  readonly actions: readonly string[];
  readonly authenticatedParty?: string;
  readonly authLevel?: number;
  readonly issuer?: string;
}

export interface DialogViewInput {
  readonly dialog: Dialog;
  /** The response JSON, two-space indented, with the dialog token replaced (see rawJson.ts). */
  readonly rawJson: string;
  /** Size of the response as received. */
  readonly rawBytes: number;
  readonly language: PanelLanguage;
  /** BCP 47 locale for dates (VS Code's display language). */
  readonly locale: string;
  /** Keyed by embed URL (see embedsToFetch). */
  readonly embeds: ReadonlyMap<string, EmbedState>;
  readonly allowRemoteImages: boolean;
  readonly environment: {
    readonly id: string;
    readonly label: string;
    readonly isProduction: boolean;
    readonly hasInbox: boolean;
  };
  /** `api`: fetched from Dialogporten; `payload`: a saved Dialog JSON shown offline. */
  readonly source: 'api' | 'payload';
  readonly sourceLabel?: string;
  readonly live: LiveState;
  readonly notices: readonly Notice[];
  readonly actionResults: ReadonlyMap<string, ActionResult>;
  readonly fetchedAt: string;
  readonly token?: DialogTokenSummary;
  readonly now: Date;
}
