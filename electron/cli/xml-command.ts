// `returndesk xml amend --returned OLD.XML --corrected NEW.XML --out DIR`: the ILR 2011-12
// amendment file worked out from the file as returned and the corrected one, written into DIR
// (never over a file already there), with the learners it holds and those it cannot.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { plural } from '../../shared/history/wording';
import { print } from './session';
import { RefusedError } from './output';
import type { Io } from './output';
import { checkInput, perform } from './door';
import { fileInput } from './file-source';
import { writeOnce } from './write-once';

const FLAGS = {
  'returned.fileName': '--returned',
  'returned.source': '--returned',
  'corrected.fileName': '--corrected',
  'corrected.source': '--corrected',
};

export function registerXml(program: Command, io: Io): void {
  const xml = program.command('xml').description('ILR 2011-12 XML amendment files');
  xml
    .command('amend')
    .description(
      'Write the amendment file holding every learner that changed or was added, with all its fields',
    )
    .requiredOption('--returned <file.xml>', 'the file as returned (what HEFCE holds)')
    .requiredOption('--corrected <file.xml>', 'the corrected file')
    .requiredOption('--out <dir>', 'folder to write the amendment file into')
    .option('--json', 'print as JSON')
    .action(
      async (
        o: { returned: string; corrected: string; out: string; json?: boolean },
        cmd: Command,
      ) => {
        const named = { returned: { fileName: 'x' }, corrected: { fileName: 'x' } };
        checkInput('xmlFiles.amend', named, FLAGS);
        const input = {
          returned: await fileInput(o.returned),
          corrected: await fileInput(o.corrected),
        };
        const a = await perform(cmd, io, 'xmlFiles.amend', input, FLAGS);
        const bytes = Buffer.from(a.base64, 'base64');
        const path = join(o.out, a.fileName);
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const there = await readFile(path).catch(() => null);
        if (there && createHash('sha256').update(there).digest('hex') !== sha256)
          throw new RefusedError(
            `${path} already exists with other content, and an XML file name is never used twice: move that file away if it was never sent, or keep it with a batch (batch add) so that the next serial number follows it.`,
          );
        await writeOnce(path, bytes, sha256);
        const shown = {
          fileName: a.fileName,
          path,
          serialNo: a.serialNo,
          changed: a.changed,
          added: a.added,
          onlyInReturned: a.onlyInReturned,
          unchanged: a.unchanged,
          warnings: a.report.warnings,
        };
        print(
          io,
          o.json,
          shown,
          () =>
            [
              `Wrote ${path}: ${plural(a.changed.length + a.added.length, 'learner')} (${a.changed.length} changed, ${a.added.length} added), every field, serial number ${a.serialNo}; ${a.unchanged} unchanged left out.`,
              ...a.changed.map((c) => `  changed ${c.ref}: ${c.fields.join(', ')}`),
              ...a.added.map((r) => `  added ${r}`),
              ...(a.onlyInReturned.length
                ? [
                    `Only in ${input.returned.fileName}, so not in the amendment (the guide gives no XML form for deleting a learner): ${a.onlyInReturned.join(', ')}`,
                  ]
                : []),
            ].join('\n') + '\n',
        );
      },
    );
}
