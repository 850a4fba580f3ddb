import { DomainError } from '@vms/platform';

export const AuthErrors = {
  invalidCredentials: () =>
    new DomainError('AUTH.INVALID_CREDENTIALS', 'The email or password is wrong', 'unauthenticated'),
  refreshTokenInvalid: () =>
    new DomainError('AUTH.REFRESH_TOKEN_INVALID', 'The refresh token is invalid or expired', 'unauthenticated'),
  refreshTokenReused: () =>
    new DomainError(
      'AUTH.REFRESH_TOKEN_REUSED',
      'This refresh token was already used; every session of its family has been revoked',
      'unauthenticated',
    ),
  apiKeyNotFound: () => new DomainError('API_KEY.NOT_FOUND', 'No such API key', 'not_found'),
};
