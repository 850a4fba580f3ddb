import { SetMetadata } from '@nestjs/common';
import type { Role } from './principal';

export const REQUIRED_ROLES = 'vms:roles';

/** Restricts a route to the given roles (any signed-in principal when absent). */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
