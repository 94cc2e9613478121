// Which file registers which top-level command, so that a run loads only the code of the command
// it names: `returndesk validate` must not pay for SQLite, the credential vault, the upload code or
// exceljs. Each file is a dynamic import, which the build (scripts/build-cli.mjs) splits into its
// own chunks. A name not listed here (help, a typo, a command added without its name here) loads
// every file, so commander can list, suggest or run it; test/unit/cli/commands.test.ts checks that
// the list matches what the files register.
import type { Command } from 'commander';
import type { Io } from './output';

type Register = (program: Command, io: Io, setExit: (code: number) => void) => void;

export interface CommandFile {
  /** The top-level commands the file registers. */
  names: readonly string[];
  load(): Promise<Register>;
}

/** In the order `returndesk --help` lists them. */
export const COMMAND_FILES: readonly CommandFile[] = [
  { names: ['validate'], load: async () => (await import('./validate-command')).registerValidate },
  { names: ['build'], load: async () => (await import('./build-command')).registerBuild },
  { names: ['compare'], load: async () => (await import('./compare-command')).registerCompare },
  { names: ['provider'], load: async () => (await import('./provider-command')).registerProvider },
  { names: ['plan'], load: async () => (await import('./plan-command')).registerPlan },
  { names: ['files'], load: async () => (await import('./files-command')).registerFiles },
  { names: ['batch'], load: async () => (await import('./batch-command')).registerBatch },
  { names: ['audit', 'backup'], load: async () => (await import('./audit-command')).registerAudit },
  {
    names: ['backups', 'restore'],
    load: async () => (await import('./restore-command')).registerRestore,
  },
  {
    names: ['destination', 'login', 'upload', 'status'],
    load: async () => (await import('./upload-command')).registerUpload,
  },
  {
    names: ['receipt', 'officer'],
    load: async () => (await import('./receipt-command')).registerReceipt,
  },
  { names: ['serve'], load: async () => (await import('./serve-command')).registerServe },
  { names: ['portal'], load: async () => (await import('./portal-command')).registerPortal },
  { names: ['xml'], load: async () => (await import('./xml-command')).registerXml },
];

/**
 * The command ARGV names: its first word after the global option --data-dir. Undefined when an
 * option comes first (--help) or there is none.
 */
export function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--data-dir') i++;
    else if (!arg.startsWith('--data-dir=')) return arg.startsWith('-') ? undefined : arg;
  }
  return undefined;
}

/** The files to load for ARGV: the one registering its command, else all of them. */
export function commandFilesFor(argv: readonly string[]): readonly CommandFile[] {
  const name = commandName(argv);
  const file = COMMAND_FILES.find((f) => name !== undefined && f.names.includes(name));
  return file ? [file] : COMMAND_FILES;
}
