// What a CSV import answers: its counts and each refused line.
import { z } from 'zod';

export const ImportRowError = z.object({
  line: z.number().int(),
  handle: z.string().nullable(),
  reason: z.string(),
});
export const ImportReport = z.object({
  rows: z.number().int(),
  products: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  errors: z.array(ImportRowError),
});
export type ImportReport = z.infer<typeof ImportReport>;
