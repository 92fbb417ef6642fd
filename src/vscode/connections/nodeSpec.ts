// The rows of the Connections tree as plain data: no `vscode` import, so the builders are unit-tested in Node.
// The VS Code layer (connectionsTree.ts) turns these specs into TreeItems.
import type { EnvironmentId } from '../../platform/environments';
import type { ConnectionProfile } from '../profiles/profile';
import type { Localizer } from '../../platform/presentation';
import type { TokenState } from '../tokenState';

export type NodeKind =
  'environment' | 'profile' | 'token' | 'detail' | 'fix' | 'identity' | 'key' | 'scopes' | 'feature' | 'scope';

export interface NodeCommand {
  readonly command: string;
  readonly title: string;
  readonly arguments?: readonly unknown[];
}

/** One row of the Connections tree. */
export interface NodeSpec {
  /** Stable across refreshes (keeps expansion and selection). */
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  readonly description?: string;
  /** Markdown; computed when the row is hovered (resolveTreeItem). */
  readonly tooltip?: () => string;
  /** A codicon id, optionally with a theme colour id. */
  readonly icon?: { readonly id: string; readonly color?: string };
  readonly contextValue?: string;
  readonly collapsible: 'none' | 'collapsed' | 'expanded';
  readonly command?: NodeCommand;
  readonly profileId?: string;
  readonly environment?: EnvironmentId;
  /** Scopes a "Draft scope request" action on this row preselects. */
  readonly missingScopes?: readonly string[];
  /** Children known in advance (everything below a profile). */
  readonly children?: readonly NodeSpec[];
}

export interface ProfileChildrenInput {
  readonly profile: ConnectionProfile;
  readonly state: TokenState;
  readonly nowMs: number;
  readonly t: Localizer['t'];
  /** Formats a time of day (hh:mm) in the user's locale. */
  readonly timeOfDay: (date: Date) => string;
}
