import type * as vscode from 'vscode';
import type { HttpClient } from '../platform/http';
import type { ConnectionService } from './connectionService';
import type { ProfileStore } from './profiles/profileStore';
import type { Prompts } from './prompts';
import type { SandboxManager } from './sandbox/sandboxManager';

/** What every feature module gets from activate(): created once, disposed with the extension. */
export interface ExtensionServices {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly http: HttpClient;
  readonly profiles: ProfileStore;
  readonly sandbox: SandboxManager;
  readonly connections: ConnectionService;
  /** Ask the user through this (never vscode.window directly), so host tests can script the answers. */
  prompts(): Prompts;
}
