import type { Router } from '../core/router';
import type { SandboxContext } from '../context';

export async function registerDialogporten(_router: Router, _context: SandboxContext): Promise<void> {
  // Routes of the emulated service are added here.
}
