import { HttpException } from '@nestjs/common';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** An HTTP error already in the project's envelope. */
export class ApiException extends HttpException {
  constructor(status: number, readonly code: string, message: string, readonly details?: unknown) {
    super({ error: { code, message, ...(details === undefined ? {} : { details }) } } satisfies ErrorBody, status);
  }
}
