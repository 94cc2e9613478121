// The checker reads a file chunk by chunk: the report must not depend on where the chunks break,
// even inside an entity, a comment marker or a tag, and it stops at the first XML error.
import { describe, expect, it } from 'vitest';
import { IlrXmlChecker } from '../../../shared/ilr-xml';
import { ilrDoc, ilrName, ilrText, positionOf } from '../../support/ilr-xml';
import { mulberry32 } from '../../support/random';
import { TODAY, checkText, codesOf, splitAt } from './check';

const CLEAN = ilrText();
const MANY_FINDINGS = ilrText(
  ilrDoc({
    serialNo: '02',
    learners: ['A1', null, 'A1', ''],
    header: { Year: '1213', FilePreparationDate: '2099-01-01', TransmissionType: 'B' },
  }),
);
const SECTIONS = CLEAN.replace(
  '<Dest>95</Dest>',
  '<!-- a & b - c --><Dest><![CDATA[x & y ]] ]>]]>95</Dest><?pi a & b ? c?>',
);
const BARE_LATE = CLEAN.replace('<Sex>M</Sex>', '<Sex>M & F</Sex>');
const TEXTS = [
  ['a clean file', CLEAN],
  ['a file with findings of every header kind and learner kind', MANY_FINDINGS],
  ['a file with & in a comment, CDATA and a processing instruction', SECTIONS],
  ['a file with a bare & in a later learner', BARE_LATE],
  ['a file cut off in a learner', CLEAN.slice(0, CLEAN.length - 300)],
] as const;

describe('chunked checking', () => {
  it.each(TEXTS)('gives the same report at random split points: %s', (_, text) => {
    const whole = checkText(text);
    const random = mulberry32(20120314);
    for (let run = 0; run < 40; run++) {
      const cuts = Array.from({ length: 1 + Math.floor(random() * 30) }, () =>
        Math.floor(random() * text.length),
      );
      expect(checkText(text, {}, splitAt(text, cuts)), `cuts ${cuts.join(',')}`).toEqual(whole);
    }
  });

  it.each(TEXTS)('gives the same report one character at a time: %s', (_, text) => {
    expect(checkText(text, {}, [...text])).toEqual(checkText(text));
  });

  it('finds a bare & split from its text at every point around it', () => {
    const amp = BARE_LATE.indexOf(' & F');
    const whole = checkText(BARE_LATE);
    expect(codesOf(whole)).toEqual(['XML_NOT_WELL_FORMED']);
    for (let cut = amp - 3; cut <= amp + 5; cut++) {
      expect(checkText(BARE_LATE, {}, splitAt(BARE_LATE, [cut]))).toEqual(whole);
    }
  });

  it('skips an & in a comment whose markers are split across chunks', () => {
    for (const marker of ['<!--', '-->', '<![CDATA[', ']]>', '<?', '?>']) {
      const start = SECTIONS.indexOf(marker);
      for (let k = 1; k < marker.length; k++) {
        const report = checkText(SECTIONS, {}, splitAt(SECTIONS, [start + k]));
        expect(report.findings, `${marker} split after ${k}`).toEqual([]);
      }
    }
  });
});

describe('after the first XML error', () => {
  it('keeps what was found before it and checks nothing after it', () => {
    const doc = ilrDoc({ learners: ['A1', 'A1', 'B2', 'B2'], header: { SerialNo: '00' } });
    const text = ilrText(doc).replace('<Sex>M</Sex>', '<Sex>M</Sx>');
    const report = checkText(text, { fileName: ilrName(doc) });
    // SerialNo comes before the error, the first repeat of A1 at learner 2 too; B2 repeats after it.
    expect(codesOf(report)).toEqual([
      'XML_SERIAL_NO',
      'XML_DUPLICATE_LEARNER',
      'XML_NOT_WELL_FORMED',
    ]);
    const error = report.findings.find((f) => f.rule === 'XML_NOT_WELL_FORMED');
    const close = positionOf(text, '</Sx>');
    expect(error).toMatchObject({ line: close.line, column: close.column + 4 });
    expect(error?.field).toBe('Message/Learner');
  });

  it('does not add missing-element findings to a file that stops early', () => {
    const report = checkText(CLEAN.slice(0, CLEAN.indexOf('<Source>')));
    expect(codesOf(report)).toEqual(['XML_NOT_WELL_FORMED']);
  });
});

describe('the checker object', () => {
  it('refuses text written after the end and returns the same report again', () => {
    const c = new IlrXmlChecker({ fileName: ilrName(), today: TODAY });
    c.write(CLEAN);
    const report = c.end();
    expect(() => c.write('more')).toThrow('write after end');
    expect(c.end()).toBe(report);
  });

  it('ignores empty chunks', () => {
    expect(checkText(CLEAN, {}, ['', CLEAN, ''])).toEqual(checkText(CLEAN));
  });
});
