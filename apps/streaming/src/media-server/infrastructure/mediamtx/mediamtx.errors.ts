/** MediaMTX could not be reached or did not answer usefully (refused, timeout, 5xx, unreadable body): retry later. */
export class MediaServerUnavailableError extends Error {
  override readonly name = 'MediaServerUnavailableError';
}

/** MediaMTX refused the request (4xx); `serverError` is the `error` text of its answer, when it gave one. */
export class MediaServerRequestError extends Error {
  override readonly name = 'MediaServerRequestError';

  constructor(message: string, readonly status: number, readonly serverError: string | null) {
    super(message);
  }
}

/** The path spec cannot be expressed as a MediaMTX path (unmanaged name, unsupported or unsafe source). */
export class InvalidPathSpecError extends Error {
  override readonly name = 'InvalidPathSpecError';
}
