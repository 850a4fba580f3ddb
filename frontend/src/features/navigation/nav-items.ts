import type { Role } from '@/features/auth/types';

/** Who may open each area of the app. Routes and the navigation both read this. */
export const ACCESS = {
  live: ['admin', 'operator'],
  events: ['admin', 'operator', 'integrator'],
  dashboard: ['admin', 'operator', 'integrator'],
  adminCameras: ['admin'],
  adminUsers: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof ACCESS;

export interface NavItem {
  area: Area;
  label: string;
  to: string;
  section: 'main' | 'admin';
}

const NAV_ITEMS: readonly NavItem[] = [
  { area: 'live', label: 'Live', to: '/', section: 'main' },
  { area: 'events', label: 'Events', to: '/events', section: 'main' },
  { area: 'dashboard', label: 'Dashboard', to: '/dashboard', section: 'main' },
  { area: 'adminCameras', label: 'Cameras', to: '/admin/cameras', section: 'admin' },
  { area: 'adminUsers', label: 'Users & API keys', to: '/admin/users', section: 'admin' },
];

export function canAccess(role: Role, area: Area): boolean {
  return (ACCESS[area] as readonly Role[]).includes(role);
}

export function navItemsForRole(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => canAccess(role, item.area));
}

/** Where a role lands after signing in: Live for those who watch, Dashboard for integrators. */
export function homePathForRole(role: Role): string {
  return canAccess(role, 'live') ? '/' : '/dashboard';
}

interface LocationLike {
  pathname: string;
  search?: string;
  hash?: string;
}

function isLocationLike(value: unknown): value is LocationLike {
  return typeof value === 'object' && value !== null && typeof (value as LocationLike).pathname === 'string';
}

/** After signing in: back to the page that sent the user to /login, else the role's start page. */
export function pathAfterLogin(role: Role, from: unknown): string {
  if (!isLocationLike(from)) return homePathForRole(role);
  const { pathname, search = '', hash = '' } = from;
  if (!pathname.startsWith('/') || pathname.startsWith('//')) return homePathForRole(role);
  if (pathname === '/' || pathname === '/login') return homePathForRole(role);
  return `${pathname}${search}${hash}`;
}
