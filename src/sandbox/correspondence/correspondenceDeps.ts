import type { SandboxContext } from '../context';
import type { CorrespondenceStore } from './correspondenceStore';

/** What the Correspondence route handlers share. */
export interface CorrespondenceDeps {
  readonly context: SandboxContext;
  readonly store: CorrespondenceStore;
}
