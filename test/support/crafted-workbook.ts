// Workbooks written as zip archives by hand, streaming, for the tests of hostile files: a sheet of
// millions of rows costs seconds and a few megabytes of this process, where exceljs would build
// every row in memory. The archive is a real one (deflated entries, CRC-32s, central directory),
// so any reader, Excel included, can open it.
import { open } from 'node:fs/promises';
import { constants, crc32, deflateRawSync } from 'node:zlib';

interface Entry {
  name: string;
  /** The entry's text, piece by piece. */
  pieces: () => Iterable<string>;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Action plan" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** One sheet: a plan's header row, then `rows` rows of a reference number and a description. */
function* sheet(rows: number): Iterable<string> {
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  yield '<row r="1"><c r="A1" t="inlineStr"><is><t>Reference number</t></is></c></row>';
  const batch: string[] = [];
  for (let n = 2; n <= rows + 1; n++) {
    batch.push(`<row r="${n}"><c r="A${n}"><v>${n - 1}</v></c><c r="B${n}"><v>7</v></c></row>`);
    if (batch.length === 10_000) yield batch.splice(0).join('');
  }
  yield batch.join('') + '</sheetData></worksheet>';
}

/** A one-sheet workbook whose sheet holds `rows` rows; returns its size in bytes. */
export function writeCraftedWorkbook(path: string, rows: number): Promise<number> {
  const fixed = (name: string, text: string): Entry => ({ name, pieces: () => [text] });
  return writeZip(path, [
    fixed('[Content_Types].xml', CONTENT_TYPES),
    fixed('_rels/.rels', RELS),
    fixed('xl/workbook.xml', WORKBOOK),
    fixed('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    { name: 'xl/worksheets/sheet1.xml', pieces: () => sheet(rows) },
  ]);
}

async function writeZip(path: string, entries: Entry[]): Promise<number> {
  const file = await open(path, 'w');
  const central: Buffer[] = [];
  let offset = 0;
  const write = async (b: Buffer) => {
    await file.write(b);
    offset += b.byteLength;
  };
  try {
    for (const entry of entries) {
      // The CRC and sizes are known only at the end: written in a data descriptor after the
      // data (flag bit 3) and in the central directory.
      const name = Buffer.from(entry.name, 'utf8');
      const start = offset;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0808, 6);
      local.writeUInt16LE(8, 8);
      local.writeUInt16LE(name.byteLength, 26);
      await write(Buffer.concat([local, name]));
      let crc = 0;
      let size = 0;
      let compressed = 0;
      const pieces = chunked(entry.pieces())[Symbol.iterator]();
      let next = pieces.next();
      while (!next.done) {
        const raw = Buffer.from(next.value, 'utf8');
        next = pieces.next();
        crc = crc32(raw, crc);
        size += raw.byteLength;
        // Each piece deflated on its own: all but the last end on a flush point, not the
        // stream's final block, so the pieces join into one deflate stream.
        const flush = next.done ? constants.Z_FINISH : constants.Z_SYNC_FLUSH;
        const data = deflateRawSync(raw, { level: 1, finishFlush: flush });
        compressed += data.byteLength;
        await write(data);
      }
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc >>> 0, 4);
      descriptor.writeUInt32LE(compressed, 8);
      descriptor.writeUInt32LE(size, 12);
      await write(descriptor);
      const head = Buffer.alloc(46);
      head.writeUInt32LE(0x02014b50, 0);
      head.writeUInt16LE(20, 4);
      head.writeUInt16LE(20, 6);
      head.writeUInt16LE(0x0808, 8);
      head.writeUInt16LE(8, 10);
      head.writeUInt32LE(crc >>> 0, 16);
      head.writeUInt32LE(compressed, 20);
      head.writeUInt32LE(size, 24);
      head.writeUInt16LE(name.byteLength, 28);
      head.writeUInt32LE(start, 42);
      central.push(head, name);
    }
    const dir = Buffer.concat(central);
    const dirOffset = offset;
    await write(dir);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(dir.byteLength, 12);
    end.writeUInt32LE(dirOffset, 16);
    await write(end);
    return offset;
  } finally {
    await file.close();
  }
}

/** The pieces joined into chunks of about a megabyte, so each deflate call has enough to work on. */
function* chunked(pieces: Iterable<string>): Iterable<string> {
  let chunk = '';
  for (const p of pieces) {
    chunk += p;
    if (chunk.length >= 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}
