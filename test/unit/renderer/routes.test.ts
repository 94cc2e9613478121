import { describe, expect, it } from 'vitest';
import { NAV_SCREENS, SCREENS, parseRoute } from '../../../renderer/app/routes';

describe('navigation', () => {
  it('lists every screen this version has, the Data portal included', () => {
    expect(NAV_SCREENS.map((s) => s.label)).toEqual([
      'Dashboard',
      'Action plans',
      'Amendment files',
      'Batches',
      'Uploads',
      'Settings',
      'Data portal',
    ]);
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
    expect(parseRoute('#/plans/3')).toEqual({ screen: 'plans', params: ['3'], notice: null });
    expect(parseRoute('#/uploads/batch/2')).toEqual({
      screen: 'uploads',
      params: ['batch', '2'],
      notice: null,
    });
  });

  it('send an empty or unknown address to the dashboard without comment', () => {
    for (const hash of ['', '#', '#/', '#/nonsense', '#main']) {
      expect(parseRoute(hash)).toEqual({ screen: 'dashboard', params: [], notice: null });
    }
  });

  it('open the Data portal and an upload for one of its requests', () => {
    expect(parseRoute('#/portal')).toEqual({ screen: 'portal', params: [], notice: null });
    expect(parseRoute('#/portal/upload/3')).toEqual({
      screen: 'portal',
      params: ['upload', '3'],
      notice: null,
    });
  });

  it('send a screen from a later version to the dashboard, saying so', () => {
    const later = SCREENS.map((s) => (s.id === 'portal' ? { ...s, available: false } : s));
    const r = parseRoute('#/portal/3', later);
    expect(r.screen).toBe('dashboard');
    expect(r.notice).toBe(
      'The Data portal screen comes in a later version of ReturnDesk. Here is the dashboard instead.',
    );
  });
});
