import { DomainError } from '@vms/platform/errors/domain-error';

export const DetectionErrors = {
  notFound: () => new DomainError('DETECTION.NOT_FOUND', 'No such detection', 'not_found'),
};
