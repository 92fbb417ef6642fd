// The rows of the Connections tree as plain data: no `vscode` import, so the builders are unit-tested in Node.
// The VS Code layer (connectionsTree.ts) turns them into TreeItems with the Inbox's converter (shared/treeItems.ts).
import type { EnvironmentId } from '../../platform/environments';
import type { ConnectionProfile } from '../profiles/profile';
import type { Localizer } from '../../platform/presentation';
import type { TokenState } from '../tokenState';
import type { TreeRow } from '../shared/treeRow';

export type NodeKind =
  'environment' | 'profile' | 'token' | 'detail' | 'fix' | 'identity' | 'key' | 'scopes' | 'feature' | 'scope';

/** One row of the Connections tree: a tree row plus what the tree needs to know about it. */
export interface NodeSpec extends TreeRow {
  readonly kind: NodeKind;
  /** Markdown; computed when the row is hovered (resolveTreeItem). */
  readonly tooltip?: () => string;
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
