// What the error boundary shows: one readable line, never a stack trace or a wall of code.

const MAX = 200;

export function readableError(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const first = raw.split('\n').find((line) => line.trim() !== '' && !/^\s*at\s/.test(line)) ?? '';
  const line = first.trim();
  if (line === '') return 'No further detail was given.';
  return line.length > MAX ? `${line.slice(0, MAX - 1)}…` : line;
}
