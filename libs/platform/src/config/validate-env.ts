import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

export class InvalidEnvironmentError extends Error {
  constructor(readonly variables: string[], details: string[]) {
    super(`Invalid environment: ${details.join('; ')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

/** Validates `env` into a typed config object; the error names every bad variable. */
export function validateEnv<T extends object>(schema: new () => T, env: Record<string, unknown>): T {
  // An empty variable means "not set", so the default applies.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const config = plainToInstance(schema, present, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const details = errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join(', ')}`);
    throw new InvalidEnvironmentError(errors.map((error) => error.property), details);
  }
  return config;
}
