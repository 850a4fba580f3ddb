import { ValidateIf } from 'class-validator';

/**
 * Optional, but when present it must be a real value: unlike `@IsOptional()`, `null` is
 * validated (and so refused) — use `@IsOptional()` only where `null` means "clear it".
 */
export const Omittable = () => ValidateIf((_object, value) => value !== undefined);
