import { randomUUID } from 'node:crypto';

/** A fresh UUIDv7 (time-ordered) for entries created at run time, like Dialogporten's ids. */
export function newUuidV7(nowMs: number): string {
  const time = Math.floor(nowMs).toString(16).padStart(12, '0');
  const random = randomUUID().replace(/-/g, '');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(13, 16)}-${'89ab'[parseInt(random[16], 16) % 4]}${random.slice(17, 20)}-${random.slice(20, 32)}`;
}
