import * as vscode from 'vscode';
import { decodeJwtUnverified } from '../../platform/auth/jwtDecode';
import { plainText } from '../../platform/content';
import { parseDialogTokenActions, type Dialog } from '../../platform/dialogporten';
import type { DialogTokenSummary } from './dialogView';
import type { PanelLanguage } from './protocol';

/** The panel's content language from VS Code's display language. */
export function preferredLanguage(): PanelLanguage {
  const language = vscode.env.language.toLowerCase();
  if (language.startsWith('nn')) return 'nn';
  if (language.startsWith('nb') || language.startsWith('no')) return 'nb';
  return 'en';
}

export function pickTitle(
  values: readonly { value: string; languageCode: string }[] | null | undefined,
  language: PanelLanguage,
): string | undefined {
  const all = values ?? [];
  const picked =
    all.find((v) => v.languageCode.toLowerCase().startsWith(language)) ??
    all.find((v) => v.languageCode.toLowerCase().startsWith('nb')) ??
    all[0];
  return picked?.value.replace(/\s+/g, ' ').trim() || undefined;
}

/** The title as plain text (markup removed the same way as in the panel's header). */
export function plainTitle(dialog: Dialog, language: PanelLanguage): string | undefined {
  const raw = pickTitle(dialog.content.title.value, language);
  if (!raw) return undefined;
  return plainText(raw.slice(0, 4096), dialog.content.title.mediaType).replace(/\s+/g, ' ').trim() || undefined;
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The dialog token's claims worth showing (never the token). */
export function summariseToken(token: string | undefined): DialogTokenSummary | undefined {
  if (!token) return undefined;
  try {
    const { claims } = decodeJwtUnverified(token);
    return {
      expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : undefined,
      actions:
        typeof claims.a === 'string'
          ? parseDialogTokenActions(claims.a).map((a) => (a.resource ? `${a.action} (${a.resource})` : a.action))
          : [],
      authenticatedParty: typeof claims.c === 'string' ? claims.c : undefined,
      authLevel: typeof claims.l === 'number' ? claims.l : undefined,
      issuer: typeof claims.iss === 'string' ? claims.iss : undefined,
    };
  } catch {
    return undefined;
  }
}
