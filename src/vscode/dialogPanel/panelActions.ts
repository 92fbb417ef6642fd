import type { Localizer } from '../../platform/presentation';
import * as vscode from 'vscode';
import { dialogDetails } from '../dialogDetails/dialogDetails';
import type { ExtensionServices } from '../services';
import { downloadAttachment } from './attachmentDownloads';
import type { ActionResult } from './dialogView';
import { runGuiAction } from './guiActions';
import type { PanelState } from './panelSource';
import type { PanelLanguage } from './protocol';

const t: Localizer['t'] = (message, ...args) => vscode.l10n.t(message, ...args);

/** What the GUI actions and downloads need from the dialog panel they run in. */
export interface ActionsOwner extends PanelState {
  readonly services: ExtensionServices;
  language(): PanelLanguage;
  /** Fetches the dialog again for a fresh dialog token (which asks first on Production). */
  load(reason: 'token'): Promise<void>;
  render(now?: boolean): void;
}

/**
 * What a dialog panel does for the user on the shown dialog: runs its GUI actions (keeping what happened, for the
 * renderer) and downloads its attachments, with a fresh dialog token for either.
 */
export class PanelActions {
  /** By GUI action id, for the renderer. */
  readonly results = new Map<string, ActionResult>();

  constructor(private readonly owner: ActionsOwner) {}

  /** Runs a GUI action of the shown dialog (see runGuiAction) and shows what happened under it. */
  async execute(actionId: string): Promise<ActionResult | undefined> {
    const loaded = this.owner.loaded();
    if (!loaded) throw new Error(t('The dialog is not loaded yet.'));
    if (!this.owner.isApi)
      throw new Error(t('Actions run only on dialogs fetched from Dialogporten, not on saved payloads.'));
    const { actionId: id, result } = await runGuiAction(
      {
        services: this.owner.services,
        dialog: loaded.dialog,
        environment: this.owner.environment(),
        language: this.owner.language(),
        signal: this.owner.signal,
        freshToken: () => this.freshToken(loaded.dialogToken),
      },
      actionId,
    );
    this.results.set(id, result);
    this.owner.render(true);
    return result;
  }

  async download(request: { readonly attachmentId: string; readonly url: string }): Promise<void> {
    const loaded = this.owner.loaded();
    if (loaded)
      await downloadAttachment(this.owner.services, loaded.dialog, request, () =>
        this.owner.isApi ? this.freshToken(loaded.dialogToken) : Promise.resolve(loaded.dialogToken),
      );
  }

  /** The dialog token while fresh, else one from fetching the dialog again (which asks first on Production). */
  private freshToken(current: string | undefined): Promise<string> {
    return dialogDetails(this.owner.services).freshToken(current, async () => {
      await this.owner.load('token');
      return this.owner.loaded()?.dialogToken;
    });
  }
}
