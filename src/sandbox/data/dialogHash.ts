import { createHash } from 'node:crypto';

/** FNV-1a over a string: a cheap, stable 32-bit seed for per-party and per-dialog random streams. */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Dialogporten masks person identifiers in seen logs with a per-dialog hash, so a person cannot be followed
 * across dialogs: `urn:altinn:person:identifier-ephemeral:<10 hex>`.
 */
export function ephemeralPersonUrn(dialogId: string, nationalIdentityNumber: string): string {
  const digest = createHash('sha256').update(`${dialogId}:${nationalIdentityNumber}`).digest('hex');
  return `urn:altinn:person:identifier-ephemeral:${digest.slice(0, 10)}`;
}

/** The time encoded in the first 48 bits of a UUIDv7 (NaN for other UUIDs). */
export function uuidV7TimeMs(id: string): number {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-7/i.test(id)) return Number.NaN;
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}
