import { DomainError } from '@vms/platform';

export const UserErrors = {
  notFound: () => new DomainError('USER.NOT_FOUND', 'No such user', 'not_found'),
  emailTaken: () => new DomainError('USER.EMAIL_TAKEN', 'A user with this email already exists', 'conflict'),
  lastAdmin: () =>
    new DomainError('USER.LAST_ADMIN', 'The last active admin cannot be removed, disabled or demoted', 'conflict'),
  cannotDeleteSelf: () => new DomainError('USER.CANNOT_DELETE_SELF', 'You cannot delete your own account', 'conflict'),
};
