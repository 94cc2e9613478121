// An ILR field code: the data set letter (L learner, A aim, H higher education), two digits and,
// for a field that occurs more than once, a lower-case occurrence letter: A27, L42a, H01.
import { z } from 'zod';

const FIELD_CODE = /^[LAH]\d{2}[a-z]?$/;

export const FIELD_CODE_MESSAGE = 'Use ILR field codes such as A27 or L42a.';

export function isFieldCode(text: string): boolean {
  return FIELD_CODE.test(text);
}

export const fieldCodeSchema = z.string().regex(FIELD_CODE, FIELD_CODE_MESSAGE);
