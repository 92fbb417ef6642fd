// Follows Digdir's Maskinporten docs: https://docs.digdir.no/docs/Maskinporten/maskinporten_feilsoking (error, error_description with MP code and trace id)
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson } from '../core/respond';

/** A refused grant, answered with Maskinporten's error shape: `{error, error_description}` with the MP code and a trace id. */
export class GrantRejection extends Error {
  constructor(
    readonly error: string,
    readonly mpCode: string,
    readonly description: string,
    readonly status: 400 | 401 | 403 = 400,
  ) {
    super(`${error} ${mpCode}: ${description}`);
  }

  send(res: ServerResponse): void {
    const traceId = randomBytes(8).toString('hex');
    sendJson(
      res,
      this.status,
      { error: this.error, error_description: `${this.description} (${this.mpCode}) (trace_id: ${traceId})` },
      { 'cache-control': 'no-store' },
    );
  }
}

export const reject = {
  request: (mpCode: string, description: string): GrantRejection =>
    new GrantRejection('invalid_request', mpCode, description),
  grant: (mpCode: string, description: string): GrantRejection =>
    new GrantRejection('invalid_grant', mpCode, description),
  scope: (mpCode: string, description: string): GrantRejection =>
    new GrantRejection('invalid_scope', mpCode, description),
  details: (mpCode: string, description: string): GrantRejection =>
    new GrantRejection('invalid_authorization_details', mpCode, description),
  denied: (mpCode: string, description: string): GrantRejection =>
    new GrantRejection('access_denied', mpCode, description, 403),
};
