import { z } from 'zod';

export { parseDialogTokenActions } from './dialogTokenActions';

/**
 * Claims of Dialogporten's dialog token (compact EdDSA JWS, 10 minutes): `c` authenticated party, `l` auth level,
 * `p` dialog party, `u` supplier, `y`/`o` system user and its org, `s` service resource, `i` dialog id,
 * `a` authorized actions (`;`-separated, `,resource` suffix).
 */
export const dialogTokenClaimsSchema = z.looseObject({
  jti: z.string(),
  iss: z.string(),
  iat: z.number(),
  nbf: z.number().optional(),
  exp: z.number(),
  c: z.string(),
  l: z.number().int(),
  p: z.string(),
  u: z.string().optional(),
  y: z.string().optional(),
  o: z.string().optional(),
  s: z.string(),
  i: z.string(),
  a: z.string(),
});

export type DialogTokenClaims = z.infer<typeof dialogTokenClaimsSchema>;

export const jwksSchema = z.looseObject({
  keys: z.array(
    z.looseObject({
      kty: z.string(),
      kid: z.string().optional(),
      alg: z.string().optional(),
      crv: z.string().optional(),
      x: z.string().optional(),
    }),
  ),
});
