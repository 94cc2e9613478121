// The screens, in the order the navigation lists them, and hash routing (#/dashboard) because the
// Electron window loads the app from a file or custom protocol, where path routing cannot reload.

export type ScreenId =
  'dashboard' | 'plans' | 'files' | 'batches' | 'uploads' | 'settings' | 'portal';

export interface Screen {
  id: ScreenId;
  /** The navigation label, in the users' words. */
  label: string;
  href: `#/${string}`;
  /** Whether this version has the screen; the others arrive with later versions. */
  available: boolean;
}

export const SCREENS: readonly Screen[] = [
  { id: 'dashboard', label: 'Dashboard', href: '#/dashboard', available: true },
  { id: 'plans', label: 'Action plans', href: '#/plans', available: true },
  { id: 'files', label: 'Amendment files', href: '#/files', available: true },
  { id: 'batches', label: 'Batches', href: '#/batches', available: true },
  { id: 'uploads', label: 'Uploads', href: '#/uploads', available: true },
  { id: 'settings', label: 'Settings', href: '#/settings', available: true },
  { id: 'portal', label: 'Data portal', href: '#/portal', available: true },
];

export const NAV_SCREENS = SCREENS.filter((s) => s.available);

export interface Route {
  screen: ScreenId;
  /** The rest of the path, e.g. ['3'] for #/batches/3. */
  params: string[];
  /** Set when the address named a screen this version does not have yet. */
  notice: string | null;
}

/** `screens` is the list above; a test may pass another to see how a later screen is treated. */
export function parseRoute(hash: string, screens: readonly Screen[] = SCREENS): Route {
  const [first = '', ...params] = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const screen = screens.find((s) => s.id === first);
  if (screen?.available) return { screen: screen.id, params, notice: null };
  const notice = screen
    ? `The ${screen.label} screen comes in a later version of ReturnDesk. Here is the dashboard instead.`
    : null;
  return { screen: 'dashboard', params: [], notice };
}
