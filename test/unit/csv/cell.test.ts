import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '../../../shared/csv/cell';

describe('a CSV cell', () => {
  it.each(['=SUM(A1)', '+44 20', '-1+2', '@cmd', '\t=1+1', '\r=1+1'])(
    'keeps %j as text: a quote mark first, and quoted',
    (v) => {
      const cell = csvCell(v);
      expect(cell.startsWith(`"'`)).toBe(true);
      // Read back, the value is the original behind one quote mark.
      expect(Papa.parse<string[]>(cell).data[0]).toEqual([`'${v}`]);
    },
  );

  it('leaves ordinary values alone and quotes only where CSV needs it', () => {
    expect(csvCell('Maths')).toBe('Maths');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('0123')).toBe('"0123"');
  });

  it('writes rows CRLF-terminated, each cell through the same neutraliser', () => {
    expect(
      csvText([
        ['Row', 'Value'],
        [3, '=1'],
        [null, '@x'],
      ]),
    ).toBe(`Row,Value\r\n3,"'=1"\r\n,"'@x"\r\n`);
  });
});
