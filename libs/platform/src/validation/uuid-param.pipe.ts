import { ParseUUIDPipe } from '@nestjs/common';
import { ApiException } from '../errors/api-exception';

/** `@Param('id', UuidParam)`: a malformed id is a 400 in the error envelope. */
export const UuidParam = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ApiException(400, 'VALIDATION.FAILED', 'The request is invalid', [{ field: 'id', message: 'must be a UUID' }]),
});
