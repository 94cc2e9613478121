// Every text a call takes has a maximum length (or a pattern that bounds it), so no field can bloat
// the history; the contract says how long a refused text was and the most accepted.
import { describe, expect, it } from 'vitest';
import { inputs } from '../../../shared/ipc/contract';
import { FILE_CONTENT_FOR_TESTS, TEXT_LIMITS } from '../../../shared/ipc/limits';
import { ddMmYyyySchema, ilrYearSchema, isoDateSchema } from '../../../shared/domain';

interface Zod {
  _zod: {
    def: Record<string, unknown> & {
      type: string;
      shape?: Record<string, unknown>;
      checks?: { _zod: { def: { check: string; format?: string } } }[];
    };
  };
}

/** A maximum length, or a pattern (anchored, as every one in the contract is) that bounds it. */
const bounded = (s: Zod) =>
  (s._zod.def.checks ?? []).some(
    ({ _zod: { def } }) =>
      def.check === 'max_length' || (def.check === 'string_format' && def.format === 'regex'),
  );

/** Every string schema in SCHEMA, with the path to it, leaving out a file's content. */
function strings(schema: unknown, path: string, out: [string, Zod][] = []): [string, Zod][] {
  if (typeof schema !== 'object' || schema === null || FILE_CONTENT_FOR_TESTS.has(schema))
    return out;
  const z = schema as Zod;
  const def = z._zod?.def;
  if (!def) return out;
  if (def.type === 'string') out.push([path, z]);
  for (const [k, v] of Object.entries(def.shape ?? {})) strings(v, `${path}.${k}`, out);
  for (const key of ['element', 'innerType', 'in', 'out', 'left', 'right', 'keyType', 'valueType'])
    strings(def[key], path, out);
  for (const o of (def.options as unknown[] | undefined) ?? []) strings(o, path, out);
  return out;
}

/** Checked in full by their own predicates (a date, a year), which read only a few characters. */
const BOUNDED_BY_PREDICATE = new Set<unknown>([ddMmYyyySchema, ilrYearSchema, isoDateSchema]);

describe('the contract', () => {
  it('gives every text input a maximum length', () => {
    const unbounded = Object.entries(inputs)
      .flatMap(([channel, schema]) => strings(schema, channel))
      .filter(([, s]) => !bounded(s) && !BOUNDED_BY_PREDICATE.has(s))
      .map(([path]) => path);
    expect([...new Set(unbounded)]).toEqual([]);
  });

  it('says how long a refused text is and the most it accepts', () => {
    const r = inputs['providers.add'].safeParse({ upin: '105432', name: 'x'.repeat(100_000) });
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      'The provider name is 100,000 characters; the most ReturnDesk accepts is 200.',
    ]);
    const note = 'n'.repeat(TEXT_LIMITS.note);
    expect(inputs['plans.revise'].safeParse({ planId: 1, note }).success).toBe(true);
  });
});
