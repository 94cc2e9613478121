// The Amendment files screen's own addresses: #/files (the list), #/files/new (the wizard, with
// ?plan=ID&ref=N to start from a plan row) and #/files/NAME (one file).

export type FilesView =
  | { view: 'list' }
  | { view: 'new'; planId: number | null; ref: number | null }
  | { view: 'file'; name: string };

function positive(v: string | null): number | null {
  if (v === null || !/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n > 0 ? n : null;
}

export function filesView(params: readonly string[]): FilesView {
  const first = params[0];
  if (first === undefined || first === '') return { view: 'list' };
  const [path = '', query = ''] = first.split('?');
  if (path === 'new') {
    const q = new URLSearchParams(query);
    return { view: 'new', planId: positive(q.get('plan')), ref: positive(q.get('ref')) };
  }
  let name = path;
  try {
    name = decodeURIComponent(path);
  } catch {
    // A malformed escape: show the name as typed, which will simply not be found.
  }
  return { view: 'file', name };
}

export const newFileHref = (planId?: number, ref?: number): string =>
  planId && ref ? `#/files/new?plan=${planId}&ref=${ref}` : '#/files/new';

export const fileHref = (name: string): string => `#/files/${encodeURIComponent(name)}`;
