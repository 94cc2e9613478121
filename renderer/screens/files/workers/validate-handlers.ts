// Checking an amendment file with the shared engine, in pieces so the page can show progress.
import { AmendmentFileValidator } from '../../../../shared/amd';
import { calendarDateIn } from '../../../../shared/dates';
import { catalogueFor } from '../../../../shared/ilr/catalogue';
import { decodeBytes } from '../../../../shared/extract';
import type { TextEncodingName } from '../../../../shared/extract';
import { readBlob } from '../engine/decode';
import { TextLines } from '../engine/text-lines';
import type { Handlers } from './rpc';
import type { ValidateCalls } from './validate-calls';

const CHUNK = 1 << 20;

export function validateHandlers(now: () => Date = () => new Date()): Handlers<ValidateCalls> {
  let lines: TextLines | undefined;
  return {
    validate: async ({ name, file, text, year }, progress) => {
      lines = undefined;
      let encoding: TextEncodingName | null = null;
      let content = text ?? '';
      if (file) {
        const bytes = await readBlob(file, (done, total) =>
          progress({ phase: 'Reading the file', done, total }),
        );
        // The byte-order mark is kept: the validator warns about it.
        const decoded = decodeBytes(bytes, { keepBom: true });
        content = decoded.text;
        encoding = decoded.encoding;
      }
      const v = new AmendmentFileValidator({
        fileName: name,
        catalogue: year ? catalogueFor(year) : undefined,
        today: calendarDateIn(now()),
      });
      for (let at = 0; at < content.length; at += CHUNK) {
        v.write(content.slice(at, at + CHUNK));
        progress({
          phase: 'Checking',
          done: Math.min(at + CHUNK, content.length),
          total: content.length,
        });
      }
      const report = v.end();
      lines = new TextLines(content);
      return { report, lineCount: lines.count, encoding };
    },
    lines: ({ from, to }) => lines?.slice(from, to) ?? [],
  };
}
