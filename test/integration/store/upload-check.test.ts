// Files from this computer are checked before they are sent: amendment and ILR XML files by their
// own checks; anything else is "unchecked", with its rows, and its personal-data columns named.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ilrName, ilrText } from '../../support/ilr-xml';
import { personalColumns } from '../../../electron/operations/upload-check';
import { useHistories } from './support/folders';
import { useApp } from './support/app';
import { REPO_ROOT } from './support/cli';

const histories = useHistories('returndesk-upload-check-');
const app = useApp(() => histories.folder());
const asBytes = (fileName: string, content: string | Buffer) => ({
  fileName,
  base64: Buffer.from(content).toString('base64'),
});

describe('uploads.check', () => {
  it('recognises amendment and XML files, and names what it cannot check', async () => {
    const { ok } = app();
    const amd = readFileSync(join(REPO_ROOT, 'examples', 'chg105432A01.amd'));
    const extract = [
      'L01,L03,L09,L11,L17',
      '105432,1,Smith,01011990,AB1 2CD',
      '105432,2,Jones,02021991,AB1 3CD',
    ];
    const checks = await ok('uploads.check', {
      files: [
        asBytes('chg105432A01.amd', amd),
        asBytes(ilrName(), ilrText()),
        asBytes('learners.csv', extract.join('\r\n') + '\r\n'),
        asBytes('notes.txt', 'nothing personal'),
      ],
    });
    expect(checks.map((c) => [c.fileName, c.kind, c.rows, c.personalData])).toEqual([
      ['chg105432A01.amd', 'amendment', 3, []],
      [ilrName(), 'xml', expect.any(Number), []],
      ['learners.csv', 'unchecked', 2, ['L09', 'L11', 'L17']],
      ['notes.txt', 'unchecked', 0, []],
    ]);
    expect(checks[0]).toMatchObject({ errors: 0 });
  });
});

describe('personal-data columns', () => {
  it('are the identifying learner fields and the usual MIS names', () => {
    expect(
      personalColumns([
        'L01',
        'L09',
        'L10',
        'L26',
        'L45',
        'A27',
        'Surname',
        'First Name',
        'Date of Birth',
        'Post Code',
        'NI_Number',
        'ULN',
        'Email',
        'Course',
      ]),
    ).toEqual([
      'L09',
      'L10',
      'L26',
      'L45',
      'Surname',
      'First Name',
      'Date of Birth',
      'Post Code',
      'NI_Number',
      'ULN',
      'Email',
    ]);
  });
});
