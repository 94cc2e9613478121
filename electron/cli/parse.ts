import type { z } from 'zod';
import { UsageError } from './output';

/** Every command's options go through a schema; the first problem becomes one clear line. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new UsageError(r.error.issues.map((i) => i.message).join('; '));
  return r.data;
}
