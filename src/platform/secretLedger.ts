import { appendFileSync } from 'node:fs';

/** What a noted secret is, so a leak report can say which kind leaked (never the value). */
export type SecretLedgerKind =
  | 'maskinporten-token'
  | 'altinn-token'
  | 'test-token'
  | 'dialog-token'
  | 'client-assertion'
  | 'stored-secret'
  | 'sandbox-private-key'
  | 'test-secret';

/**
 * Test runs only. The harness proves afterwards that no secret reached settings, state, storage folders, logs or
 * screenshots; for that it must know every secret the run made. Each one is appended to the ledger file named by
 * ALTINN_TEST_SECRET_LEDGER, and only when ALTINN_INBOX_TEST_HOOKS=1 as well, so normal use never writes one.
 * Returns the value, so a call can wrap the expression that makes it.
 */
export function noteSecret<T extends string | undefined>(kind: SecretLedgerKind, value: T): T {
  const ledger = ledgerFile();
  if (ledger && value) {
    try {
      appendFileSync(ledger, `${JSON.stringify({ kind, value })}\n`, { mode: 0o600 });
    } catch {
      // The scan then misses this secret and says how many it had; a test run must not fail here.
    }
  }
  return value;
}

/** For callers that would have to do work to produce the value. */
export function ledgerActive(): boolean {
  return ledgerFile() !== undefined;
}

function ledgerFile(): string | undefined {
  return process.env.ALTINN_INBOX_TEST_HOOKS === '1' ? process.env.ALTINN_TEST_SECRET_LEDGER || undefined : undefined;
}
