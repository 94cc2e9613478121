// An MIS extract read into its header and records, for the wizard and the command line alike.
// The first row that is not blank is the header (its names trimmed: MIS exports pad them); every
// other value is kept exactly as written.
import type { TextEncodingName } from './encoding';
import type { Delimiter } from './delimiter';
import { detectDelimiter } from './delimiter';
import { RowSplitter } from './rows';
import type { ByteSource } from './source';
import { decodeSource } from './source';

/** Where an extract's rows go as they are read. */
export interface ExtractSink {
  header(names: string[], delimiter: Delimiter): void;
  /** Records in file order, a batch for each piece of text, so each batch's strings die young. */
  records(rows: string[][]): void;
}

export interface ExtractShape {
  header: string[];
  delimiter: Delimiter;
  records: number;
}

/**
 * Text held back while the separator is undecided is at most about this much: past it, the header
 * row is judged from what is here (a quote left open in it then rules that separator out).
 */
const LEAD_LIMIT = 1 << 20;

/** Reads an extract's text, a piece at a time, into a sink. */
export class ExtractTextReader {
  private lead = '';
  private rows: RowSplitter | undefined;
  private delimiter: Delimiter = ',';
  private header: string[] | undefined;
  private count = 0;

  constructor(private readonly sink: ExtractSink) {}

  write(text: string): void {
    if (this.rows) return this.deliver(this.rows.write(text));
    this.lead += text;
    const d = detectDelimiter(this.lead, this.lead.length > LEAD_LIMIT);
    if (d) this.start(d);
  }

  end(): ExtractShape {
    const rows = this.rows ?? this.start(detectDelimiter(this.lead) ?? ',');
    this.deliver(rows.end());
    return { header: this.header ?? [], delimiter: this.delimiter, records: this.count };
  }

  private start(delimiter: Delimiter): RowSplitter {
    const rows = new RowSplitter(delimiter);
    this.rows = rows;
    this.delimiter = delimiter;
    const lead = this.lead;
    this.lead = '';
    this.deliver(rows.write(lead));
    return rows;
  }

  private deliver(rows: string[][]): void {
    if (!this.header) {
      const first = rows.shift();
      if (!first) return;
      this.header = first.map((name) => name.trim());
      this.sink.header(this.header, this.delimiter);
    }
    if (rows.length === 0) return;
    this.count += rows.length;
    this.sink.records(rows);
  }
}

export interface ReadExtractShape extends ExtractShape {
  encoding: TextEncodingName;
}

/**
 * Streams an extract from its bytes into a sink, in constant memory. When the bytes turn out not
 * to be UTF-8 the file is read again as Windows-1252 into a fresh sink from `sink`, so a caller
 * that keeps records must start over whenever it is called.
 */
export async function readExtract(
  open: ByteSource,
  sink: (encoding: TextEncodingName) => ExtractSink,
): Promise<ReadExtractShape> {
  const read: { shape?: ExtractShape } = {};
  const encoding = await decodeSource(open, (e) => {
    const reader = new ExtractTextReader(sink(e));
    return {
      write: (text) => reader.write(text),
      end: () => {
        read.shape = reader.end();
      },
    };
  });
  if (!read.shape) throw new Error('The extract was not read to its end.');
  return { ...read.shape, encoding };
}

/** A sink that keeps every record, for a caller that needs them all at once. */
export function keepingRecords(): ExtractSink & { rows: string[][] } {
  const rows: string[][] = [];
  return {
    rows,
    header: () => undefined,
    records: (batch) => {
      for (const row of batch) rows.push(row);
    },
  };
}
