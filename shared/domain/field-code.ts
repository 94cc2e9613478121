// An ILR field code: the data set letter (L learner, A aim, H higher education), two digits and,
// for a field that occurs more than once, a lower-case occurrence letter: A27, L42a, H01.
import { z } from 'zod';

const FIELD_CODE = /^[LAH]\d{2}[a-z]?$/;

export const FIELD_CODE_MESSAGE = 'Use ILR field codes such as A27 or L42a.';

export function isFieldCode(text: string): boolean {
  return FIELD_CODE.test(text);
}

/**
 * The ILR's own spelling of a code written in any case: MIS exports often shout (`L42A` is `L42a`),
 * and the guide never says case matters. Anything that is not a code in some case is returned as
 * it was, trimmed.
 */
export function canonicalFieldCode(name: string): string {
  const t = name.trim();
  const m = /^([lahLAH])(\d{2})([a-zA-Z]?)$/.exec(t);
  return m ? `${m[1]?.toUpperCase()}${m[2]}${m[3]?.toLowerCase()}` : t;
}

export const fieldCodeSchema = z.string().regex(FIELD_CODE, FIELD_CODE_MESSAGE);
