import { looksLikeJwt } from '../http/redaction';

export interface DecodedJwt {
  readonly header: Readonly<Record<string, unknown>>;
  readonly claims: Readonly<Record<string, unknown>>;
  readonly signature: string;
}

export class JwtDecodeError extends Error {}

/** Decodes header and claims without verifying anything; the reason says what is wrong with the text. */
export function decodeJwtUnverified(token: string): DecodedJwt {
  const text = token
    .trim()
    .replace(/^Bearer\s+/i, '')
    .replace(/^"(.*)"$/s, '$1');
  const parts = text.split('.');
  if (parts.length === 5)
    throw new JwtDecodeError(
      'This is an encrypted JWT (JWE, five parts); it cannot be read without the decryption key.',
    );
  if (parts.length !== 3)
    throw new JwtDecodeError(`A JWT has three dot-separated parts; this text has ${parts.length}.`);
  const header = decodePart(parts[0], 'header');
  const claims = decodePart(parts[1], 'payload');
  return { header, claims, signature: parts[2] };
}

function decodePart(part: string, name: string): Record<string, unknown> {
  if (!/^[A-Za-z0-9_-]+$/.test(part))
    throw new JwtDecodeError(`The JWT ${name} is not base64url (copied with extra characters?).`);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new JwtDecodeError(`The JWT ${name} is not JSON (truncated copy?).`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new JwtDecodeError(`The JWT ${name} is not a JSON object.`);
  return value as Record<string, unknown>;
}

export function isJwt(text: string): boolean {
  return looksLikeJwt(text.trim().replace(/^Bearer\s+/i, ''));
}
