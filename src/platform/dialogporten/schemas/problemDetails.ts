import { z } from 'zod';

/** RFC 9457 as Dialogporten writes it: `errors` is a map field → messages (the Feb-2025 spec wrongly said array). */
export const problemDetailsSchema = z.looseObject({
  type: z.string().nullish(),
  title: z.string().nullish(),
  status: z.number().int().nullish(),
  detail: z.string().nullish(),
  instance: z.string().nullish(),
  traceId: z.string().nullish(),
  code: z.string().nullish(),
  statusDescription: z.string().nullish(),
  errors: z.union([z.record(z.string(), z.array(z.string())), z.array(z.unknown())]).optional(),
  validationErrors: z
    .array(
      z.looseObject({
        code: z.string().nullish(),
        title: z.string().nullish(),
        detail: z.string().nullish(),
        paths: z.array(z.string()).nullish(),
      }),
    )
    .nullish(),
});

export type ProblemDetails = z.infer<typeof problemDetailsSchema>;
