// Browser mode carries each call as one HTTP request to ReturnDesk's own service on this computer.
// The limit keeps a runaway request from exhausting memory; a million-record amendment file
// (about 50 MB as JSON) fits well within it. The desktop app has no such limit.
import { z } from 'zod';

export const BROWSER_MODE_MAX_REQUEST_BYTES = 256 * 1024 * 1024;

/**
 * A call that carries no file is small: its text is bounded by TEXT_LIMITS below, so browser mode
 * refuses a larger request body before reading it whole.
 */
export const BROWSER_MODE_MAX_TEXT_REQUEST_BYTES = 1024 * 1024;

/**
 * The longest text ReturnDesk accepts in each kind of field, far above anything a data officer
 * types, and small enough that no field can bloat the history (a 200 MB provider name once grew
 * it and its log to 840 MB). Defined once: the contract's schemas, and so the app's forms and the
 * command line, all use them.
 */
export const TEXT_LIMITS = {
  /** Providers, destinations, upload areas, user names, templates, periods, people, fields. */
  name: 200,
  title: 200,
  description: 2_000,
  note: 2_000,
  reason: 2_000,
  url: 2_000,
  /** A CA certificate in PEM, a chain of several included. */
  certificate: 100_000,
} as const;

/** "The provider name is 100,000 characters; the most ReturnDesk accepts is 200." */
function tooLong(what: string, max: number) {
  return {
    error: (issue: { input?: unknown }) =>
      `${what} is ${count(String(issue.input ?? '').length)} characters; the most ReturnDesk accepts is ${count(max)}.`,
  };
}

/** Text of at most MAX characters, kept as typed. WHAT names it in the message ("The note"). */
export function limitedText(what: string, max: number) {
  return z.string().max(max, tooLong(what, max));
}

/** Text trimmed of surrounding spaces, then of at most MAX characters. */
export function trimmedText(what: string, max: number) {
  return z.string().trim().max(max, tooLong(what, max));
}

/** The schemas of a file's content (its bytes, or its records): see carriesFile. */
const FILE_CONTENT = new WeakSet<object>();

/** For the contract's own test, which leaves a file's content out of its text checks. */
export const FILE_CONTENT_FOR_TESTS: { has(schema: object): boolean } = FILE_CONTENT;

/** Marks SCHEMA as a file's content, so a channel whose input holds it keeps the large limit. */
export function fileContent<T extends object>(schema: T): T {
  FILE_CONTENT.add(schema);
  return schema;
}

interface Def {
  type?: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  options?: unknown[];
  in?: unknown;
  out?: unknown;
  left?: unknown;
  right?: unknown;
  valueType?: unknown;
}

/**
 * Whether a channel's input schema can carry a file's content anywhere in it: browser mode
 * allows such a call the large request body, and every other call the small one. Read from the
 * contract itself, so a channel added with a file in its input is counted without a list to keep.
 */
export function carriesFile(schema: unknown, seen = new Set<unknown>()): boolean {
  if (typeof schema !== 'object' || schema === null || seen.has(schema)) return false;
  seen.add(schema);
  if (FILE_CONTENT.has(schema)) return true;
  const def = (schema as { _zod?: { def?: Def } })._zod?.def;
  if (!def) return false;
  const parts = [
    ...Object.values(def.shape ?? {}),
    ...(def.options ?? []),
    def.element,
    def.innerType,
    def.in,
    def.out,
    def.left,
    def.right,
    def.valueType,
  ];
  return parts.some((p) => carriesFile(p, seen));
}

function count(n: number): string {
  return n.toLocaleString('en-GB');
}
