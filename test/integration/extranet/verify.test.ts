// Asynchronous verification by the reference extranet: an .amd file written by hand here in HEFCE's
// format (12 header lines, CRLF) is accepted, and broken ones fail with the protocol's codes.
import { describe, expect, it } from 'vitest';
import { joinArea, login, receipt, startServer, upload, verdict } from './client';

const ILR_KEY = '9LON-XV33-2PYZ-EN8S';

interface AmdParts {
  count?: string;
  checksumField?: string;
  checksum?: string;
  records?: string[];
}

// A change file as HEFCE's guide describes it: A11 (a small whole number) is the checksum field.
const RECORDS = ['105432,00000012345,1,10', '105432,00000012346,1,20', '105432,00000012399,2,5'];

function amd(parts: AmdParts = {}): Buffer {
  const records = parts.records ?? RECORDS;
  const lines = [
    'chg105432A01',
    '14022011',
    'Changes to ILR field A11 - reference number 1',
    'CHANGE',
    'A01,A03,A05',
    'A11',
    parts.count ?? String(records.length),
    parts.checksumField ?? 'A11',
    parts.checksum ?? '35',
    'Notes: learning aim start dates corrected',
    '',
    'A01,A03,A05,A11',
    ...records,
    '',
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
}

async function verified(data: Buffer, name = 'chg105432A01.amd') {
  const server = await startServer({ verifyDelayMs: 0 });
  const token = await login(server);
  const area = await joinArea(server, token, ILR_KEY);
  const sent = await upload(server, token, { name, area: area.id, data });
  return verdict(server, token, sent.id);
}

describe('reference extranet: verification', () => {
  it('keeps a finished upload pending verification until --verify-delay has passed', async () => {
    const server = await startServer({ verifyDelayMs: 600_000 });
    const token = await login(server);
    const area = await joinArea(server, token, ILR_KEY);
    const sent = await upload(server, token, {
      name: 'chg105432A01.amd',
      area: area.id,
      data: amd(),
    });
    expect((await receipt(server, token, sent.id)).status).toBe('pending-verification');
  });

  it('accepts a well-formed .amd file', async () => {
    const r = await verified(amd());
    expect(r).toMatchObject({ status: 'accepted', messages: [] });
  });

  it('fails an .amd file whose line 7 does not match its records, with RECORD_COUNT', async () => {
    const r = await verified(amd({ count: '4' }));
    expect(r.status).toBe('failed');
    expect(r.messages).toEqual([
      { code: 'RECORD_COUNT', message: expect.stringMatching(/4 records.*has 3/), line: 7 },
    ]);
  });

  it('fails an .amd file whose line 9 is not the sum of the checksum field, with CHECKSUM', async () => {
    const r = await verified(amd({ checksum: '36' }));
    expect(r.status).toBe('failed');
    expect(r.messages).toEqual([
      { code: 'CHECKSUM', message: expect.stringMatching(/36.*add up to 35/), line: 9 },
    ]);
  });

  it('reports a record with the wrong number of values and a non-numeric checksum value', async () => {
    const r = await verified(
      amd({
        records: ['105432,00000012345,1,10', '105432,00000012346,20', '105432,00000012399,2,x'],
      }),
    );
    expect(r.status).toBe('failed');
    expect(r.messages.map((m) => [m.code, m.line])).toEqual([
      ['RECORD_FIELDS', 14],
      ['CHECKSUM', 15],
    ]);
  });

  it('fails a file too short to hold the header, with HEADER', async () => {
    const r = await verified(Buffer.from('chg105432A01\r\n14022011\r\n'));
    expect(r.status).toBe('failed');
    expect(r.messages.map((m) => m.code)).toEqual(['HEADER']);
  });

  it('fails a header whose checksum field is not among the fields of line 12', async () => {
    const r = await verified(amd({ checksumField: 'A27' }));
    expect(r.status).toBe('failed');
    expect(r.messages).toEqual([
      { code: 'HEADER', message: expect.stringContaining('A27'), line: 8 },
    ]);
  });

  it('accepts any other non-empty file and fails an empty one with EMPTY', async () => {
    expect(
      await verified(Buffer.from('UKPRN,Return\r\n10007928,nil\r\n'), 'return.csv'),
    ).toMatchObject({
      status: 'accepted',
      messages: [],
    });
    const empty = await verified(Buffer.alloc(0), 'nil-return.csv');
    expect(empty.status).toBe('failed');
    expect(empty.messages.map((m) => m.code)).toEqual(['EMPTY']);
  });
});
