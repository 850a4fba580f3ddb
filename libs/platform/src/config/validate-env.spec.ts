import { IsBoolean, IsInt, IsOptional, IsString, Min } from 'class-validator';
import { booleanFromEnv } from './base-env';
import { InvalidEnvironmentError, validateEnv } from './validate-env';

class SmallEnv {
  @IsString() NAME: string;
  @IsInt() @Min(1) WORKERS: number = 2;
  @booleanFromEnv() @IsBoolean() VERBOSE = false;
  @IsOptional() @IsString() NOTE?: string;
}

function envError(env: Record<string, unknown>): InvalidEnvironmentError {
  try {
    validateEnv(SmallEnv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    return error as InvalidEnvironmentError;
  }
  throw new Error('expected InvalidEnvironmentError');
}

describe('validateEnv with a small schema', () => {
  it('applies defaults for unset variables', () => {
    const env = validateEnv(SmallEnv, { NAME: 'svc' });
    expect(env).toBeInstanceOf(SmallEnv);
    expect(env).toMatchObject({ NAME: 'svc', WORKERS: 2, VERBOSE: false });
  });

  it('converts numbers from strings', () => {
    expect(validateEnv(SmallEnv, { NAME: 'svc', WORKERS: '8' }).WORKERS).toBe(8);
  });

  it.each([['true', true], ['false', false], ['1', true], ['0', false], ['yes', true], ['FALSE', false]])(
    'converts the boolean %p to %p',
    (raw, expected) => {
      expect(validateEnv(SmallEnv, { NAME: 'svc', VERBOSE: raw }).VERBOSE).toBe(expected);
    },
  );

  it('refuses a boolean it cannot read', () => {
    const error = envError({ NAME: 'svc', VERBOSE: 'maybe' });
    expect(error.variables).toEqual(['VERBOSE']);
  });

  it('names a missing required variable', () => {
    const error = envError({});
    expect(error.variables).toEqual(['NAME']);
    expect(error.message).toMatch(/^Invalid environment: NAME: /);
  });

  it('names a number that is not one', () => {
    const error = envError({ NAME: 'svc', WORKERS: 'many' });
    expect(error.variables).toEqual(['WORKERS']);
    expect(error.message).toContain('WORKERS');
  });

  it('names every bad variable at once', () => {
    expect(envError({ WORKERS: '0' }).variables.sort()).toEqual(['NAME', 'WORKERS']);
  });
});
