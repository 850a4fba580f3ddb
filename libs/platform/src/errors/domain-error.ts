/** How a rule violation should be reported; the HTTP layer maps kinds to status codes. */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'unavailable';

/** Base of every domain error: a stable code (`CAMERA.NOT_FOUND`) and a message for humans. Pure TypeScript. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'invalid',
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
