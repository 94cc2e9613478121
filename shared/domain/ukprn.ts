// The UKPRN: the UK Register of Learning Providers' eight-digit number, which ILR XML files carry.
import { z } from 'zod';

const UKPRN = /^\d{8}$/;

export const UKPRN_MESSAGE = 'The UKPRN must be eight digits.';

export function isUkprn(text: string): boolean {
  return UKPRN.test(text);
}

export const ukprnSchema = z.string().regex(UKPRN, UKPRN_MESSAGE);
