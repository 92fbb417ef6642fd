import * as vscode from 'vscode';
import { environmentBadge, type EnvironmentId } from '../platform/environments';
import { describeIdentity, type ConnectionProfile } from './profiles/profile';

/** Always shows the active environment and identity; Production is coloured as a warning. */
export class ConnectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'altinnInbox.connection',
    vscode.StatusBarAlignment.Left,
    50,
  );

  constructor() {
    this.item.name = vscode.l10n.t('Altinn connection');
    this.item.command = 'altinnInbox.switchProfile';
  }

  update(profile: ConnectionProfile | undefined, defaultEnvironment: EnvironmentId): void {
    const environment = profile?.environment ?? defaultEnvironment;
    const identity = profile ? profile.label : vscode.l10n.t('no profile');
    this.item.text = `$(${environment === 'production' ? 'warning' : 'cloud'}) Altinn ${environmentBadge(environment)}: ${identity}`;
    this.item.tooltip = new vscode.MarkdownString(
      profile
        ? vscode.l10n.t(
            '**{0}** — {1}\n\nEnvironment: {2}. Click to switch profile.',
            profile.label,
            describeIdentity(profile),
            environmentBadge(environment),
          )
        : vscode.l10n.t('No active connection profile. Click to choose one, or use the sandbox.'),
    );
    this.item.backgroundColor =
      environment === 'production' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
