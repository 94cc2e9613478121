// The Amendment files screen's own addresses: #/files (the list), #/files/new (the wizard, with
// ?plan=ID&ref=N to start from a plan row), #/files/NAME (one .amd file) and #/files/xml/NAME (one
// ILR XML file, kept apart: the two kinds have different facts and actions).

export type FilesView =
  | { view: 'list' }
  | { view: 'new'; planId: number | null; ref: number | null }
  | { view: 'file'; name: string }
  | { view: 'xml'; name: string };

function positive(v: string | null): number | null {
  if (v === null || !/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n > 0 ? n : null;
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    // A malformed escape: show the name as typed, which will simply not be found.
    return path;
  }
}

export function filesView(params: readonly string[]): FilesView {
  const first = params[0];
  if (first === undefined || first === '') return { view: 'list' };
  if (first === 'xml' && params[1]) return { view: 'xml', name: decoded(params[1]) };
  const [path = '', query = ''] = first.split('?');
  if (path === 'new') {
    const q = new URLSearchParams(query);
    return { view: 'new', planId: positive(q.get('plan')), ref: positive(q.get('ref')) };
  }
  return { view: 'file', name: decoded(path) };
}

export const newFileHref = (planId?: number, ref?: number): string =>
  planId && ref ? `#/files/new?plan=${planId}&ref=${ref}` : '#/files/new';

export const fileHref = (name: string): string => `#/files/${encodeURIComponent(name)}`;

export const xmlFileHref = (name: string): string => `#/files/xml/${encodeURIComponent(name)}`;
