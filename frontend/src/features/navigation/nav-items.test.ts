import { describe, expect, it } from 'vitest';
import { canAccess, homePathForRole, navItemsForRole, pathAfterLogin } from './nav-items';

const labels = (role: Parameters<typeof navItemsForRole>[0]) =>
  navItemsForRole(role).map((item) => item.label);

describe('navigation items by role', () => {
  it('gives admins every area, admin pages last', () => {
    expect(labels('admin')).toEqual(['Live', 'Events', 'Dashboard', 'Cameras', 'Users & API keys']);
    expect(navItemsForRole('admin').map((item) => item.to)).toEqual([
      '/',
      '/events',
      '/dashboard',
      '/admin/cameras',
      '/admin/users',
    ]);
  });

  it('gives operators Live, Events and Dashboard but no admin pages', () => {
    expect(labels('operator')).toEqual(['Live', 'Events', 'Dashboard']);
  });

  it('gives integrators only Events and Dashboard', () => {
    expect(labels('integrator')).toEqual(['Events', 'Dashboard']);
    expect(canAccess('integrator', 'live')).toBe(false);
  });

  it('starts integrators on the dashboard and everyone else on Live', () => {
    expect(homePathForRole('admin')).toBe('/');
    expect(homePathForRole('operator')).toBe('/');
    expect(homePathForRole('integrator')).toBe('/dashboard');
  });
});

describe('path after login', () => {
  it('returns to the page the user came from, with its query and hash', () => {
    expect(pathAfterLogin('operator', { pathname: '/events', search: '?camera=7', hash: '#top' })).toBe(
      '/events?camera=7#top',
    );
  });

  it("falls back to the role's start page without a usable origin", () => {
    expect(pathAfterLogin('integrator', undefined)).toBe('/dashboard');
    expect(pathAfterLogin('integrator', { pathname: '/' })).toBe('/dashboard');
    expect(pathAfterLogin('admin', { pathname: '/login' })).toBe('/');
    expect(pathAfterLogin('admin', { pathname: '//evil.example/' })).toBe('/');
  });
});
