import type * as vscode from 'vscode';
import { ledgerActive, noteSecret } from '../../platform/secretLedger';

/**
 * In test runs with a secret ledger (see platform/secretLedger.ts), every value the extension puts in
 * SecretStorage is noted, so the harness can prove none of them shows up anywhere else. Otherwise the
 * storage is returned as it is.
 */
export function withSecretLedger(secrets: vscode.SecretStorage): vscode.SecretStorage {
  if (!ledgerActive()) return secrets;
  return {
    get: (key) => secrets.get(key),
    store: (key, value) => secrets.store(key, noteSecret('stored-secret', value)),
    delete: (key) => secrets.delete(key),
    onDidChange: secrets.onDidChange,
  };
}
