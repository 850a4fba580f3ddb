import { DomainError } from '@vms/platform/errors/domain-error';

const MESSAGES: Record<string, string> = {
  'unauthorized': 'The camera refused the username or password.',
  'not found': 'The source has no stream at this address (check the path), or the file does not exist.',
  'connection refused': 'Nothing accepts connections at this address and port.',
  'host unreachable': 'The host cannot be reached, or its name does not resolve.',
  'timeout': 'The source did not answer in time.',
  'unsupported codec': 'The stream uses a codec that cannot be decoded.',
  'not a video stream': 'The source answered, but it carries no video stream.',
  'stream ended': 'The stream ended as soon as it started.',
};

/** A sentence for an admin, from a failure reason of the media engine (`connection refused`...). */
export function describeSourceFailure(reason: string): string {
  return MESSAGES[reason] ?? `The source could not be read (${reason}).`;
}

export const SnapshotErrors = {
  cameraNotFound: () => new DomainError('CAMERA.NOT_FOUND', 'No such camera', 'not_found'),
  cameraDisabled: () => new DomainError('STREAM.CAMERA_DISABLED', 'The camera is disabled', 'conflict'),
  sourceFailed: (reason: string) =>
    new DomainError('STREAM.SOURCE_FAILED', `No frame could be taken from the camera: ${describeSourceFailure(reason)}`, 'unavailable', { reason }),
};
