// Schema pieces every part of the contract uses: ids, file names, and files handed over by a door.
import { z } from 'zod';
import { isFileSource } from './source';
import type { FileSource } from './source';
import { fileContent } from './limits';

export const id = z.number().int().positive();
export const fileName = z.string().regex(/^[^/\\]{1,200}$/, 'Give a file name, not a path.');

/**
 * A file the user chose, crossing a door: the app and browser mode hand over its bytes (base64;
 * the renderer never hands main a path); the command line, in the same process, hands over a
 * source it streams from disk. Only an in-process caller can pass a source: a function survives
 * neither IPC's structured clone nor JSON. Operations read either through one FileSource.
 */
export const fileBytes = z.object({
  fileName,
  base64: fileContent(z.string().max(700_000_000)).optional(),
  source: z.custom<FileSource>(isFileSource, 'Choose a file.').optional(),
});
export type FileBytes = z.output<typeof fileBytes>;

/** A secret typed by the user for this one call; kept in the vault only when asked. */
export const password = z.string().min(1).max(1280).optional();
