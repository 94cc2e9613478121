// The static judgement of a file format's expressions: the shapes known to take exponential time
// are refused before any value is tested, and the expressions the regulators publish are not.
import { describe, expect, it } from 'vitest';
import { expressionRisk } from '../../../shared/portal/expression-risk';
import { parseFileFormat } from '../../../shared/portal/file-format';

// As Ofqual publishes them (reference/returns-and-portals), and the usual shapes of codes and lists.
const PUBLISHED = [
  '^\\d{4}$',
  '^\\d{4}-\\d{2}-\\d{2}$',
  '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
  '^.{1,100}$',
  '^.{1,10}$',
  '^.{1,150}$',
  '^\\d{8}$',
  '^\\d{1,8}$',
  '^(GCSE|AS|A level|Project L1|Project L2|Project L3)$',
  '^(F|H|-2)$',
  '^(DBL|SGL|-2)$',
  '^(FC|SC|-2)$',
  '^(Y|N)$',
  '^(January|March|June|November) \\d{4}$',
  '^-?\\d+$',
  '^[A-Z0-9]+(,[A-Z0-9]+)*$',
  '^(\\w+\\s)*\\w+$',
  '^(\\d{1,3}\\.){3}\\d{1,3}$',
  '^(?:ab|cd)+$',
  '^[a-z]+(\\.[a-z]+)*@[a-z]+$',
];

describe('the risk in a file format expression', () => {
  it.each(PUBLISHED)('finds none in %s', (pattern) => {
    expect(expressionRisk(pattern)).toBeNull();
  });

  it.each([
    ['^(a+)+$', 'a repeated group repeated'],
    ['^((a+))+$', 'through two groups'],
    ['^(?:a+)*$', 'through a non-capturing group'],
    ['^(a+|b)+$', 'through a choice'],
    ['^(\\w+\\s?)*$', 'with only an optional separator'],
    ['^(\\d*)*$', 'of an optional part'],
    ['^(a*a*)+$', 'of two repeats side by side'],
    ['^(x{1,5})+$', 'of a bounded repeat'],
    ['^(a+){1,50}$', 'under a long bounded repeat'],
    ['^([a-z]+[0-9]?)*!$', 'of a class and an optional digit'],
  ])('finds a nested repeat in %s (%s)', (pattern) => {
    expect(expressionRisk(pattern)).toBe('nested-repeat');
  });

  it.each(['^(a|aa)+$', '^(a|a)*$', '^(\\w|\\d)+$', '^(a|b|ab)*c$', '^(?:[a-c]|b[0-9])+$'])(
    'finds a repeated choice of options that start alike in %s',
    (pattern) => {
      expect(expressionRisk(pattern)).toBe('overlapping-choice');
    },
  );

  it('leaves a choice that is not repeated, and a repeat of a single part, alone', () => {
    expect(expressionRisk('^(AS|A level)$')).toBeNull();
    expect(expressionRisk('^[a\\-z]+$')).toBeNull();
    expect(expressionRisk('^\\x41+(\\u0042|c)*$')).toBeNull();
  });

  it('refuses a format holding one, naming the row, column and expression', () => {
    const r = parseFileFormat([
      ['Name', 'Description', 'Position', 'Validation Regular Expression'],
      ['Year', 'Year', '1', '^\\d{4}$'],
      ['Note', 'Note', '2', '^(\\w+\\s?)*$'],
      ['Tier', 'Tier', '3', '^(a|aa)+$'],
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      'Row 3 of the specification (Note): the expression ^(\\w+\\s?)*$ repeats a repeated group (as (a+)+ or (\\w+\\s?)* do), which can take unbounded time to check; ask the regulator for a simpler form.',
      'Row 4 of the specification (Tier): the expression ^(a|aa)+$ repeats a choice whose options can start with the same character (as (a|aa)+ does), which can take unbounded time to check; ask the regulator for a simpler form.',
    ]);
  });
});
