import { describe, expect, it } from 'vitest';
import { NAV_SCREENS, SCREENS, parseRoute } from '../../../renderer/app/routes';

describe('navigation', () => {
  it('lists exactly Dashboard and Settings in this version', () => {
    expect(NAV_SCREENS.map((s) => s.label)).toEqual(['Dashboard', 'Settings']);
  });

  it('is laid out for the screens still to come, in the users’ words and order', () => {
    expect(SCREENS.map((s) => s.label)).toEqual([
      'Dashboard',
      'Action plans',
      'Amendment files',
      'Batches',
      'Uploads',
      'Settings',
      'Data portal',
    ]);
  });
});

describe('hash routes', () => {
  it('open the screens that exist', () => {
    expect(parseRoute('#/dashboard')).toEqual({ screen: 'dashboard', params: [], notice: null });
    expect(parseRoute('#/settings')).toEqual({ screen: 'settings', params: [], notice: null });
  });

  it('send an empty or unknown address to the dashboard without comment', () => {
    for (const hash of ['', '#', '#/', '#/nonsense', '#main']) {
      expect(parseRoute(hash)).toEqual({ screen: 'dashboard', params: [], notice: null });
    }
  });

  it('send a screen from a later version to the dashboard, saying so', () => {
    const r = parseRoute('#/plans/3');
    expect(r.screen).toBe('dashboard');
    expect(r.notice).toBe(
      'The Action plans screen comes in a later version of ReturnDesk. Here is the dashboard instead.',
    );
  });
});
