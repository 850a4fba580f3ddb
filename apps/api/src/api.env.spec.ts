import { randomBytes } from 'node:crypto';
import { InvalidEnvironmentError, validateEnv } from '@vms/platform/config/validate-env';
import { ApiEnv } from './api.env';

const valid = {
  JWT_SECRET: 'j'.repeat(32),
  CAMERA_CREDENTIALS_KEY: randomBytes(32).toString('base64'),
  STREAMING_INTERNAL_TOKEN: 's'.repeat(16),
};

function envError(env: Record<string, unknown>): InvalidEnvironmentError {
  try {
    validateEnv(ApiEnv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    return error as InvalidEnvironmentError;
  }
  throw new Error('expected InvalidEnvironmentError');
}

describe('ApiEnv', () => {
  it('accepts a minimal environment and fills in the defaults', () => {
    const env = validateEnv(ApiEnv, valid);
    expect(env.PORT).toBe(3000);
    expect(env.RATE_LIMIT_PER_MINUTE).toBe(100);
    expect(env.DATABASE_MIGRATIONS_RUN).toBe(true);
    expect(env.CAMERA_ALLOW_PRIVATE_NETWORKS).toBe(false);
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.NODE_ENV).toBe('development');
    expect(env.STREAMING_URL).toBe('http://127.0.0.1:3001');
    expect(env.STREAMING_TIMEOUT_MS).toBe(3000);
    expect(env.DASHBOARD_CACHE_TTL_SECONDS).toBe(10);
  });

  it('reads the streaming settings', () => {
    const env = validateEnv(ApiEnv, { ...valid, STREAMING_URL: 'https://streaming:3001', STREAMING_TIMEOUT_MS: '1500' });
    expect(env.STREAMING_URL).toBe('https://streaming:3001');
    expect(env.STREAMING_TIMEOUT_MS).toBe(1500);
  });

  it('converts strings from the process environment', () => {
    const env = validateEnv(ApiEnv, { ...valid, PORT: '8080', CAMERA_ALLOW_PRIVATE_NETWORKS: 'true', DATABASE_MIGRATIONS_RUN: 'false' });
    expect(env.PORT).toBe(8080);
    expect(env.CAMERA_ALLOW_PRIVATE_NETWORKS).toBe(true);
    expect(env.DATABASE_MIGRATIONS_RUN).toBe(false);
  });

  it.each(['REDIS_CACHE_DB', 'REDIS_RATE_LIMIT_DB', 'CAMERA_CACHE_TTL_SECONDS', 'DASHBOARD_CACHE_TTL_SECONDS', 'JWT_ACCESS_TTL_SECONDS', 'REFRESH_TOKEN_TTL_DAYS'] as const)(
    'reads %s from a string',
    (variable) => {
      expect(validateEnv(ApiEnv, { ...valid, [variable]: '600' })[variable]).toBe(600);
    },
  );

  it.each([
    ['JWT_SECRET', { JWT_SECRET: undefined }, /JWT_SECRET/],
    ['JWT_SECRET', { JWT_SECRET: 'short' }, /JWT_SECRET: must be at least 32 characters/],
    ['CAMERA_CREDENTIALS_KEY', { CAMERA_CREDENTIALS_KEY: undefined }, /CAMERA_CREDENTIALS_KEY/],
    ['CAMERA_CREDENTIALS_KEY', { CAMERA_CREDENTIALS_KEY: randomBytes(16).toString('base64') }, /CAMERA_CREDENTIALS_KEY: must be 32 random bytes/],
    ['CAMERA_CREDENTIALS_KEY', { CAMERA_CREDENTIALS_KEY: 'not base64 at all' }, /CAMERA_CREDENTIALS_KEY/],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db/vms' }, /DATABASE_URL: must be a postgres:\/\/ URL/],
    ['REDIS_URL', { REDIS_URL: 'http://redis:6379' }, /REDIS_URL: must be a redis:\/\/ URL/],
    ['RABBITMQ_URL', { RABBITMQ_URL: 'rabbit' }, /RABBITMQ_URL: must be an amqp:\/\/ URL/],
    ['PORT', { PORT: '70000' }, /PORT/],
    ['NODE_ENV', { NODE_ENV: 'staging' }, /NODE_ENV/],
    ['ADMIN_EMAIL', { ADMIN_EMAIL: 'not-an-email' }, /ADMIN_EMAIL/],
    ['STREAMING_INTERNAL_TOKEN', { STREAMING_INTERNAL_TOKEN: undefined }, /STREAMING_INTERNAL_TOKEN/],
    ['STREAMING_INTERNAL_TOKEN', { STREAMING_INTERNAL_TOKEN: 'short-token' }, /STREAMING_INTERNAL_TOKEN: must be at least 16 characters/],
    ['STREAMING_URL', { STREAMING_URL: 'streaming:3001' }, /STREAMING_URL: must be an http\(s\):\/\/ URL/],
    ['STREAMING_URL', { STREAMING_URL: 'ftp://streaming:3001' }, /STREAMING_URL/],
    ['STREAMING_TIMEOUT_MS', { STREAMING_TIMEOUT_MS: '0' }, /STREAMING_TIMEOUT_MS/],
    ['STREAMING_TIMEOUT_MS', { STREAMING_TIMEOUT_MS: 'soon' }, /STREAMING_TIMEOUT_MS/],
    ['DASHBOARD_CACHE_TTL_SECONDS', { DASHBOARD_CACHE_TTL_SECONDS: '0' }, /DASHBOARD_CACHE_TTL_SECONDS/],
  ])('names %s when it is wrong', (variable, override, message) => {
    const error = envError({ ...valid, ...override });
    expect(error.variables).toEqual([variable]);
    expect(error.message).toMatch(message);
  });

  it('does not echo the bad secret in the message', () => {
    const error = envError({ ...valid, JWT_SECRET: 'tooShortSecretValue' });
    expect(error.message).not.toContain('tooShortSecretValue');
  });

  it('does not echo a bad internal token in the message', () => {
    const error = envError({ ...valid, STREAMING_INTERNAL_TOKEN: 'leakyToken1' });
    expect(error.message).not.toContain('leakyToken1');
  });
});
