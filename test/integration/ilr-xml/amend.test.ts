// `returndesk xml amend`: from the 2011-12 file as returned and the corrected one, one amendment
// file holding exactly the learners that changed or were added, every field as corrected, that
// passes `returndesk validate`; learners only in the returned file are listed, not sent.
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MessageReader, fieldsOf } from '../../../shared/ilr-xml/amend-read';
import type { XmlNode } from '../../../shared/ilr-xml/amend-read';
import { ilrDoc, ilrName, ilrText } from '../../support/ilr-xml';
import { expectNoStackTrace, runCli, useTempDirs, writeIn } from '../cli';

const tempDir = useTempDirs();

const RETURNED = ilrDoc({ learners: ['000000000001', '000000000002', 'AB1234', 'DEL1'] });
/**
 * Learner 2's family name corrected, AB1234's start date moved, DEL1 replaced by NEW00001 (added),
 * learner 1 as it was; written with other line ends, which change nothing.
 */
function correctedText(): string {
  const doc = ilrDoc({
    learners: ['000000000001', '000000000002', 'AB1234', 'NEW00001'],
    eol: '\n',
  });
  return ilrText(doc)
    .replace('<FamilyName>Patel</FamilyName>', '<FamilyName>Patel-Jones</FamilyName>')
    .replace(
      '<LearnStartDate>2011-09-04</LearnStartDate>',
      '<LearnStartDate>2011-09-05</LearnStartDate>',
    );
}

/** Each learner's fields by reference, and the header's, as read back. */
function readBack(text: string): {
  learners: Map<string, Map<string, string>>;
  header: Map<string, string>;
} {
  const learners = new Map<string, Map<string, string>>();
  let header = new Map<string, string>();
  const reader = new MessageReader('file', {
    header: (n: XmlNode) => (header = fieldsOf(n)),
    provider: () => {},
    learner: (n: XmlNode) => {
      const fields = fieldsOf(n);
      learners.set(fields.get('LearnRefNumber[1]') ?? '', fields);
    },
  });
  reader.write(text);
  reader.end();
  return { learners, header };
}

async function pair(returned = ilrText(RETURNED), corrected = correctedText()) {
  const dir = await tempDir();
  await mkdir(join(dir, 'corrected'));
  return {
    dir,
    data: join(dir, 'history'),
    out: join(dir, 'out'),
    returned: await writeIn(dir, ilrName(RETURNED), returned),
    corrected: await writeIn(join(dir, 'corrected'), ilrName(RETURNED), corrected),
  };
}

const amend = (p: Awaited<ReturnType<typeof pair>>, extra: string[] = []) =>
  runCli([
    '--data-dir',
    p.data,
    'xml',
    'amend',
    '--returned',
    p.returned,
    '--corrected',
    p.corrected,
    '--out',
    p.out,
    ...extra,
  ]);

describe('returndesk xml amend', () => {
  it('writes one B file with exactly the changed and added learners, every field, valid', async () => {
    const p = await pair();
    const r = await amend(p, ['--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const name = 'ILR-B-10007928-1112-0013-02.XML';
    expect(JSON.parse(r.stdout)).toEqual({
      fileName: name,
      path: join(p.out, name),
      serialNo: '02',
      changed: [
        { ref: '000000000002', fields: ['FamilyName'] },
        { ref: 'AB1234', fields: ['LearningDelivery[1]/LearnStartDate'] },
      ],
      added: ['NEW00001'],
      onlyInReturned: ['DEL1'],
      unchanged: 1,
      warnings: 0,
    });
    expect(await readdir(p.out)).toEqual([name]);
    const written = readBack(await readFile(join(p.out, name), 'utf8'));
    const corrected = readBack(correctedText());
    expect([...written.learners.keys()]).toEqual(['000000000002', 'AB1234', 'NEW00001']);
    for (const [ref, fields] of written.learners)
      expect(fields).toEqual(corrected.learners.get(ref));
    expect(written.header.get('Source[1]/TransmissionType[1]')).toBe('B');
    expect(written.header.get('Source[1]/SerialNo[1]')).toBe('02');
    expect(written.header.get('Source[1]/UKPRN[1]')).toBe('10007928');

    const check = await runCli(['validate', join(p.out, name)]);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
  });

  it('says in text which learners it holds and which are only in the returned file', async () => {
    const p = await pair();
    const r = await amend(p);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `Wrote ${join(p.out, 'ILR-B-10007928-1112-0013-02.XML')}: 3 learners (2 changed, 1 added), every field, serial number 02; 1 unchanged left out.`,
    );
    expect(r.stdout).toContain('  changed 000000000002: FamilyName');
    expect(r.stdout).toContain('  added NEW00001');
    expect(r.stdout).toContain(
      `Only in ${ilrName(RETURNED)}, so not in the amendment (the guide gives no XML form for deleting a learner): DEL1`,
    );
  });

  it('never writes over another file of the same name', async () => {
    const p = await pair();
    await mkdir(p.out);
    await writeIn(p.out, 'ILR-B-10007928-1112-0013-02.XML', 'sent earlier');
    const r = await amend(p);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /already exists with other content, and an XML file name is never used twice/,
    );
    expect(await readFile(join(p.out, 'ILR-B-10007928-1112-0013-02.XML'), 'utf8')).toBe(
      'sent earlier',
    );
  });

  it('takes the serial number after the higher of the two files', async () => {
    const later = ilrDoc({ ...RETURNED, serialNo: '07', header: { SerialNo: '07' } });
    const p = await pair(ilrText({ ...later, learners: RETURNED.learners }));
    const r = await amend(p, ['--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ fileName: 'ILR-B-10007928-1112-0013-08.XML' });
  });

  it.each([
    ['two files with the same learners', () => ilrText(RETURNED), /nothing to amend/],
    [
      'a corrected file whose learners repeat a reference',
      () => ilrText(ilrDoc({ learners: ['A1', 'A1'] })),
      /LearnRefNumber A1 appears more than once/,
    ],
    [
      'a corrected file of another provider',
      () => ilrText(ilrDoc({ ukprn: '10000001', learners: ['X1'] })),
      /provider 10007928's and .* is 10000001's/,
    ],
    ['a corrected file that is not XML', () => 'L01,L03\n', /not well-formed XML/],
  ])('refuses %s in one line, exit 2, writing nothing', async (_what, corrected, says) => {
    const p = await pair(ilrText(RETURNED), corrected());
    const r = await amend(p);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(says);
    expectNoStackTrace(r);
    await expect(readdir(p.out)).rejects.toThrow();
  });
});
