import type { Role } from '@/features/auth/types';

export type MosaicAction = 'view' | 'create' | 'rename' | 'delete' | 'edit';

const EVERYONE_WHO_WATCHES = ['admin', 'operator'] as const satisfies readonly Role[];

/** Mirrors the @Roles of the API's MosaicsController (each user manages their own mosaics). */
const ALLOWED: Record<MosaicAction, readonly Role[]> = {
  view: EVERYONE_WHO_WATCHES,
  create: EVERYONE_WHO_WATCHES,
  rename: EVERYONE_WHO_WATCHES,
  delete: EVERYONE_WHO_WATCHES,
  edit: EVERYONE_WHO_WATCHES,
};

export function canPerform(role: Role | null, action: MosaicAction): boolean {
  return role !== null && ALLOWED[action].includes(role);
}
