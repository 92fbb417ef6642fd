import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import { isCorrespondenceType } from '../../../src/vscode/inbox/correspondenceResources';
import { activateExtension } from './hostHelpers';

/** The sandbox profile made active, and what a suite needs to read the sandbox's state beside the extension. */
export interface SandboxSession {
  readonly hooks: TestHooks;
  readonly profileId: string;
  /** The sandbox person's party. */
  readonly partyUrn: string;
  readonly baseUrl: string;
  readonly dialogportenBase: string;
  /** The sandbox profile's access token (for pasted-token stand-ins of other environments). */
  readonly token: string;
  /** A GET on the end-user API with the profile's token; fails unless it answers 200. */
  api<T>(path: string): Promise<T>;
  /** Marks the dialog updated as its service owner would (a /__sandbox route); live updates follow. */
  touch(dialogId: string): Promise<void>;
  /** The person's dialogs that the Altinn inbox shows and that are not Altinn messages (opening one records Read). */
  plainDialogIds(limit: number): Promise<string[]>;
}

export async function useSandboxSession(): Promise<SandboxSession> {
  const hooks = (await activateExtension()).testHooks;
  assert.ok(hooks, 'test hooks');
  const services = hooks.services;
  await vscode.commands.executeCommand('altinnInbox.useSandbox');
  const profile = services.connections.activeProfile;
  assert.ok(profile);
  const token = await (await services.connections.tokenProvider(profile, 'maskinporten')).getToken();
  const handle = services.sandbox.running;
  assert.ok(handle, 'the sandbox runs');
  const { baseUrl, dialogportenBase } = handle.urls;
  const partyUrn = `urn:altinn:person:identifier-no:${handle.context.world.defaultPerson.nationalIdentityNumber}`;
  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${dialogportenBase}/api/v1/enduser${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(response.status, 200, `${path} answered ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    hooks,
    profileId: profile.id,
    partyUrn,
    baseUrl,
    dialogportenBase,
    token,
    api,
    async touch(dialogId) {
      assert.equal((await fetch(`${baseUrl}/__sandbox/dialogs/${dialogId}/touch`, { method: 'POST' })).status, 200);
    },
    async plainDialogIds(limit) {
      const page = await api<{ items: { id: string; isApiOnly?: boolean; serviceResourceType?: string }[] }>(
        `/dialogs?party=${encodeURIComponent(partyUrn)}&limit=${limit}`,
      );
      return page.items
        .filter((item) => !item.isApiOnly && !isCorrespondenceType(item.serviceResourceType))
        .map((item) => item.id);
    },
  };
}
