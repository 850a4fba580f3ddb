import { ROLES, type Role } from '@/features/auth/types';

export { ROLES };

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  operator: 'Operator',
  integrator: 'Integrator',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Manages cameras, users and API keys, and watches live video.',
  operator: 'Watches live video, builds mosaics and reviews events.',
  integrator: 'Reads cameras, detections and the dashboard, mostly through the API.',
};
