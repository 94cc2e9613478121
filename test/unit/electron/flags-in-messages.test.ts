// The engine, the operations and the store word their messages for every door: the app shows
// them as they are, so they never name a command-line flag or command. The command line names the
// flag in a hint after the message (electron/cli/hints/). Texts are found with the TypeScript
// parser, so comments (which may well name flags) are not read as messages.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { Extract, ExtractPlanOptions } from '../../../shared/amd';
import { buildAmendmentFile, planFromExtract } from '../../../shared/amd';
import type { Channel } from '../../../shared/ipc/contract';
import { hintFor } from '../../../electron/cli/hints/index';
import { CHANGE_SPEC } from '../amd/specs';

const root = join(__dirname, '..', '..', '..');
const FLAG_OR_COMMAND = /--[a-z]|\breturndesk [a-z]/;

/**
 * Texts of the command line's own that live in shared/: validate's text report, which only
 * `returndesk validate` and `build` print (the app shows the report from its fields).
 */
const COMMAND_LINE_TEXT = new Set(['shared/amd/report.ts describeVersions']);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** Each string or template text naming a flag or command, as "file function: text". */
function flagsNamed(rel: string): string[] {
  const file = ts.createSourceFile(
    rel,
    readFileSync(join(root, rel), 'utf8'),
    ts.ScriptTarget.ES2022,
    true,
    ts.ScriptKind.TS,
  );
  const out: string[] = [];
  const visit = (n: ts.Node, fn: string): void => {
    const name = ts.isFunctionDeclaration(n) && n.name ? n.name.text : fn;
    const text =
      ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddleOrTemplateTail(n)
        ? n.text
        : '';
    const where = `${rel.split('\\').join('/')} ${name}`;
    if (FLAG_OR_COMMAND.test(text) && !COMMAND_LINE_TEXT.has(where)) out.push(`${where}: ${text}`);
    n.forEachChild((c) => visit(c, name));
  };
  visit(file, '');
  return out;
}

describe('messages every door shows', () => {
  it('name no command-line flag or command in the engine, the operations or the store', () => {
    const files = ['shared', 'electron/operations', 'electron/store'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(flagsNamed)).toEqual([]);
  });
});

describe('the command line’s hints after the engine’s refusals', () => {
  const EXTRACT: Extract = {
    header: ['A01', 'A03', 'A27'],
    rows: [['105432', '000012345678', '01092010']],
  };
  const refusal = (o: Partial<ExtractPlanOptions>): string => {
    const r = planFromExtract(EXTRACT, {
      kind: 'CHANGE',
      dataSet: 'A',
      keys: ['A01', 'A03'],
      changed: ['A27'],
      checksumField: 'auto',
      ...o,
    });
    if (r.ok) throw new Error('The extract was meant to be refused.');
    return r.message;
  };
  const hint = (message: string, channel: Channel = 'files.build') =>
    hintFor({ code: 'INVALID_FILE', message }, channel);

  it('name the flag for what the engine asks to choose', () => {
    expect(hint(refusal({}))).toBe('Name the checksum field with --checksum-field.');
    expect(hint(refusal({ keys: undefined }))).toBe('Name the unique fields with --keys.');
    expect(hint(refusal({ changed: [] }))).toBe('Name the fields being corrected with --changed.');
  });

  it('name every flag a refusal listing several problems asks for', () => {
    const built = buildAmendmentFile({ ...CHANGE_SPEC, uniqueFields: [], changedFields: [] });
    if (built.ok) throw new Error('The file was meant to be refused.');
    const listed = `The file was not written:\n${built.problems.map((p) => `  - ${p}`).join('\n')}`;
    expect(hint(listed)).toBe(
      'Name the unique fields with --keys. Name the fields being corrected with --changed.',
    );
  });

  it('are only for the commands that give those flags', () => {
    expect(hint(refusal({}), 'files.finalise')).toBeNull();
  });
});
