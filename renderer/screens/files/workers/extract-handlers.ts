// The extract worker's work, kept apart from the worker's own wiring so it runs under test too.
import { readExtractFile } from '../engine/extract-parse';
import { ExtractSession } from '../engine/extract-session';
import { TextLines } from '../engine/text-lines';
import type { ExtractCalls } from './extract-calls';
import type { Handlers } from './rpc';

const SAMPLE_ROWS = 3;

/**
 * How many bytes the records take as files.finalise's JSON input: the file's record lines, with
 * two quotes per value and brackets per record. The format forbids quotes and
 * backslashes in values, so nothing needs escaping.
 */
export function payloadBytes(fileText: string): number {
  let at = 0;
  for (let line = 0; line < 12 && at >= 0; line++) {
    const nl = fileText.indexOf('\n', at);
    at = nl < 0 ? -1 : nl + 1;
  }
  if (at < 0) return 0;
  let bytes = 0;
  let values = 0;
  let rows = 0;
  for (let i = at; i < fileText.length; i++) {
    const c = fileText.charCodeAt(i);
    if (c === 10) rows++;
    else if (c === 13) continue;
    else if (c === 44) values++;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  // Each line break stands for the comma between records, plus one for the outer brackets.
  return bytes + (values + rows) * 2 + rows * 2 + 1;
}

export function extractHandlers(): Handlers<ExtractCalls> {
  let session: ExtractSession | undefined;
  let preview: TextLines | undefined;
  const loaded = () => {
    if (!session) throw new Error('No extract is loaded yet.');
    return session;
  };
  return {
    load: async ({ file }, progress) => {
      session = undefined;
      preview = undefined;
      // Streamed from the file's bytes: neither the whole file nor its text is held at once.
      const parsed = await readExtractFile(file, (done, total) =>
        progress({ phase: 'Reading records', done, total }),
      );
      session = new ExtractSession(parsed);
      const sample = session.rows(
        Uint32Array.from({ length: Math.min(SAMPLE_ROWS, session.rowCount) }, (_, i) => i),
      );
      return {
        header: parsed.header,
        rows: parsed.store.rows,
        encoding: parsed.encoding,
        delimiter: parsed.delimiter,
        unevenRows: parsed.unevenRows,
        unevenCount: parsed.unevenCount,
        sample,
      };
    },
    rows: ({ indices }) => loaded().rows(indices),
    search: ({ query }) => loaded().search(query),
    plan: ({ codes, choices, selected }) => {
      const r = loaded().plan(codes, choices, selected);
      if (!r.ok) return r;
      const { records, ...plan } = r.plan;
      return { ok: true, plan, records: records.length };
    },
    preview: ({ codes, spec, selected }, progress) => {
      preview = undefined;
      const r = loaded().preview(codes, spec, selected, (phase, done, total) =>
        progress({ phase, done, total }),
      );
      if (!r.ok) return r;
      preview = new TextLines(r.text);
      return {
        ok: true,
        name: r.name,
        payloadBytes: payloadBytes(r.text),
        lineCount: preview.count,
        report: r.report,
        plan: r.plan,
      };
    },
    lines: ({ from, to }) => preview?.slice(from, to) ?? [],
    records: ({ codes, choices, selected }) => {
      const r = loaded().plan(codes, choices, selected);
      if (!r.ok) throw new Error(r.problems.join(' '));
      return r.plan;
    },
  };
}
