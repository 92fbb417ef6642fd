import { z } from 'zod';

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().int().positive(),
  scope: z.string().optional(),
});

export const tokenErrorBodySchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
  error_uri: z.string().optional(),
});

export const issuerMetadataSchema = z.object({ issuer: z.string().optional(), jwks_uri: z.string().url() });
export const issuerJwksSchema = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });
