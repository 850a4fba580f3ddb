import { DomainError } from '@vms/platform/errors/domain-error';

const invalid = (code: string, field: string, message: string) =>
  new DomainError(code, message, 'invalid', [{ field, message }]);

export const CameraErrors = {
  notFound: () => new DomainError('CAMERA.NOT_FOUND', 'No such camera', 'not_found'),
  nameTaken: () => new DomainError('CAMERA.NAME_TAKEN', 'A camera with this name already exists', 'conflict'),
  nameInvalid: (message: string) => invalid('CAMERA.NAME_INVALID', 'name', message),
  sourceUrlInvalid: (message: string) => invalid('CAMERA.SOURCE_URL_INVALID', 'sourceUrl', message),
  sourceForbidden: (message: string) => invalid('CAMERA.SOURCE_FORBIDDEN', 'sourceUrl', message),
  sourceUnresolvable: (host: string) =>
    invalid('CAMERA.SOURCE_UNRESOLVABLE', 'sourceUrl', `The host ${host} does not resolve`),
  sourceNotFound: () => invalid('CAMERA.SOURCE_NOT_FOUND', 'sourceUrl', 'The file does not exist'),
  credentialsConflict: () =>
    invalid('CAMERA.CREDENTIALS_CONFLICT', 'credentials', 'Give credentials either in the URL or in credentials, not both'),
  descriptionInvalid: (message: string) => invalid('CAMERA.DESCRIPTION_INVALID', 'description', message),
  locationInvalid: (message: string) => invalid('CAMERA.LOCATION_INVALID', 'location', message),
  roiInvalid: (field: string, message: string) => invalid('CAMERA.ROI_INVALID', field, message),
  classUnknown: (name: string) => invalid('CAMERA.CLASS_UNKNOWN', 'ai.classes', `Unknown class "${name}"`),
  confidenceInvalid: () => invalid('CAMERA.CONFIDENCE_INVALID', 'ai.minConfidence', 'must be between 0 and 1'),
};
