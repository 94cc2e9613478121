import { describe, expect, it } from 'vitest';
import {
  EMPTY_FORMAT,
  EMPTY_REQUEST,
  formatErrors,
  importedText,
  knownTemplates,
  requestErrors,
  requestInput,
} from '../../../renderer/screens/portal/portal-forms';

const filled = {
  period: ' June 2019 ',
  template: 'SpecificationCodes',
  opens: '20/03/2019',
  due: '03/04/2019',
  destinationId: '2',
};

describe('adding a data request', () => {
  it('sends the trimmed period and template, the dates typed dd/mm/yyyy as YYYY-MM-DD, and the destination’s id', () => {
    expect(requestErrors(filled)).toEqual({});
    expect(requestInput(filled)).toEqual({
      period: 'June 2019',
      template: 'SpecificationCodes',
      opens: '2019-03-20',
      due: '2019-04-03',
      destinationId: 2,
    });
  });

  it('leaves the destination out when none is chosen', () => {
    expect(requestInput({ ...filled, destinationId: '' }).destinationId).toBeUndefined();
    expect(requestErrors({ ...filled, destinationId: '' })).toEqual({});
  });

  it('asks for every field it needs, in the contract’s words (not the opening date)', () => {
    expect(requestErrors(EMPTY_REQUEST)).toEqual({
      period: 'Enter the reporting period (e.g. June 2019).',
      template: 'Enter the template (e.g. SpecificationCodes).',
      due: 'Enter the due date.',
    });
  });

  it('reads the dates as written in England, not as the browser’s locale would, and takes YYYY-MM-DD too', () => {
    // 03/04/2019 is the 3rd of April: read the American way it would be the 4th of March.
    for (const [opens, due] of [
      ['20/03/2019', '03/04/2019'],
      ['20/3/2019', '3/4/2019'],
      ['2019-03-20', '2019-04-03'],
    ] as const) {
      expect(requestErrors({ ...filled, opens, due }), due).toEqual({});
      expect(requestInput({ ...filled, opens, due }), due).toMatchObject({
        opens: '2019-03-20',
        due: '2019-04-03',
      });
    }
  });

  it('refuses a date that is not a real one, saying how to write it', () => {
    expect(requestErrors({ ...filled, opens: '31/02/2019', due: '04/13/2019' })).toEqual({
      opens: '31/02/2019 is not a real date: write it dd/mm/yyyy, e.g. 20/03/2019.',
      due: '04/13/2019 is not a real date: write it dd/mm/yyyy, e.g. 03/04/2019.',
    });
  });

  it('leaves the opening date out when none is chosen: the collection opens on the due date', () => {
    const noOpens = { ...filled, opens: '' };
    expect(requestErrors(noOpens)).toEqual({});
    expect(requestInput(noOpens)).toEqual({
      period: 'June 2019',
      template: 'SpecificationCodes',
      opens: undefined,
      due: '2019-04-03',
      destinationId: 2,
    });
  });

  it('refuses a due date before the collection opens', () => {
    expect(requestErrors({ ...filled, due: '01/03/2019' })).toEqual({
      due: 'The due date cannot be before the collection opens.',
    });
    // Compared as dates, not as the text typed ("01/04/2019" sorts before "20/03/2019").
    expect(requestErrors({ ...filled, due: '01/04/2019' })).toEqual({});
    expect(requestErrors({ ...filled, period: '', due: '01/03/2019' }).due).toBe(
      'The due date cannot be before the collection opens.',
    );
  });
});

describe('importing a file format', () => {
  it('needs the template and the specification file', () => {
    expect(formatErrors(EMPTY_FORMAT)).toEqual({
      template: 'Name the template this file format is for.',
      fileName: 'Choose the file-format specification (CSV).',
    });
    expect(formatErrors({ template: '  ', fileName: 'spec.csv' })).toEqual({
      template: 'Name the template this file format is for.',
    });
    expect(formatErrors({ template: 'SpecificationCodes', fileName: 'spec.csv' })).toEqual({});
  });

  it('offers the templates the requests name, once each, in order', () => {
    expect(
      knownTemplates([
        { template: 'T1 Entries' },
        { template: 'SpecificationCodes' },
        { template: 'specificationcodes' },
        { template: 'EaRs DR1' },
      ]),
    ).toEqual(['EaRs DR1', 'SpecificationCodes', 'T1 Entries']);
  });
});

describe('importing a schedule', () => {
  it('says what was added and what was already there', () => {
    expect(importedText('schedule.csv', 3, 0)).toBe('Imported schedule.csv: 3 requests added.');
    expect(importedText('schedule.csv', 1, 1)).toBe(
      'Imported schedule.csv: 1 request added; 1 was already in the list and was left as it was.',
    );
    expect(importedText('s.csv', 0, 2)).toBe(
      'Imported s.csv: 0 requests added; 2 were already in the list and were left as they were.',
    );
  });
});
