import { describe, expect, it } from 'vitest';
import { NAV_SCREENS, SCREENS, parseRoute } from '../../../renderer/app/routes';

describe('navigation', () => {
  it('lists the screens this version has, and not those still to come', () => {
    const labels = NAV_SCREENS.map((s) => s.label);
    expect(labels).toEqual(
      expect.arrayContaining(['Dashboard', 'Action plans', 'Batches', 'Uploads', 'Settings']),
    );
    expect(labels).not.toContain('Data portal');
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

  it('send a screen from a later version to the dashboard, saying so', () => {
    const r = parseRoute('#/portal/3');
    expect(r.screen).toBe('dashboard');
    expect(r.notice).toBe(
      'The Data portal screen comes in a later version of ReturnDesk. Here is the dashboard instead.',
    );
  });
});
