import { ArgumentsHost, BadRequestException, HttpException, Logger, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { ApiException } from './api-exception';
import { DomainError, DomainErrorKind } from './domain-error';

interface Recorded {
  status?: number;
  body?: { error: { code: string; message: string; details?: unknown } };
}

function handle(exception: unknown, headersSent = false): Recorded {
  const recorded: Recorded = {};
  const response = {
    headersSent,
    status(code: number) {
      recorded.status = code;
      return this;
    },
    json(body: Recorded['body']) {
      recorded.body = body;
      return this;
    },
  };
  const request = { method: 'GET', path: '/api/v1/nowhere' };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }),
  } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return recorded;
}

describe('AllExceptionsFilter', () => {
  let logged: jest.SpyInstance;

  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => logged.mockRestore());

  it.each<[DomainErrorKind, number]>([
    ['invalid', 422],
    ['not_found', 404],
    ['conflict', 409],
    ['forbidden', 403],
    ['unauthenticated', 401],
    ['unavailable', 503],
  ])('maps a %s DomainError to %i with its code and details', (kind, status) => {
    const details = [{ field: 'name', message: 'must not be empty' }];
    const result = handle(new DomainError('THING.BROKEN', 'The thing is broken', kind, details));
    expect(result.status).toBe(status);
    expect(result.body).toEqual({ error: { code: 'THING.BROKEN', message: 'The thing is broken', details } });
  });

  it('leaves details out when a DomainError has none', () => {
    expect(handle(new DomainError('CAMERA.NOT_FOUND', 'No such camera', 'not_found')).body).toEqual({
      error: { code: 'CAMERA.NOT_FOUND', message: 'No such camera' },
    });
  });

  it('passes an ApiException through unchanged', () => {
    const details = [{ field: 'ai.minConfidence', message: 'must be at most 1' }];
    const result = handle(new ApiException(400, 'VALIDATION.FAILED', 'The request is invalid', details));
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ error: { code: 'VALIDATION.FAILED', message: 'The request is invalid', details } });
  });

  it('maps ThrottlerException to 429 RATE_LIMIT.EXCEEDED', () => {
    const result = handle(new ThrottlerException());
    expect(result.status).toBe(429);
    expect(result.body?.error.code).toBe('RATE_LIMIT.EXCEEDED');
  });

  it('maps NotFoundException to 404 ROUTE.NOT_FOUND naming the route', () => {
    const result = handle(new NotFoundException());
    expect(result.status).toBe(404);
    expect(result.body?.error).toEqual({ code: 'ROUTE.NOT_FOUND', message: 'No route for GET /api/v1/nowhere' });
  });

  it('maps other HttpExceptions by status', () => {
    expect(handle(new BadRequestException('bad')).body?.error.code).toBe('REQUEST.INVALID');
    expect(handle(new HttpException('nope', 405)).body?.error.code).toBe('ROUTE.METHOD_NOT_ALLOWED');
  });

  it('maps a body-parser JSON error to 400 REQUEST.MALFORMED_JSON', () => {
    const result = handle(Object.assign(new SyntaxError('Unexpected token } in JSON'), { type: 'entity.parse.failed', status: 400 }));
    expect(result.status).toBe(400);
    expect(result.body?.error.code).toBe('REQUEST.MALFORMED_JSON');
  });

  it('maps the 400 Nest makes of a JSON parse failure to REQUEST.MALFORMED_JSON', () => {
    const result = handle(new BadRequestException('Unexpected token } in JSON at position 9'));
    expect(result.status).toBe(400);
    expect(result.body?.error.code).toBe('REQUEST.MALFORMED_JSON');
  });

  it('maps a body-parser size error to 413 REQUEST.TOO_LARGE', () => {
    const result = handle({ type: 'entity.too.large', status: 413 });
    expect(result.status).toBe(413);
    expect(result.body?.error.code).toBe('REQUEST.TOO_LARGE');
  });

  it('maps an unknown Error to 500 INTERNAL.ERROR without leaking its text, and logs it', () => {
    const error = new Error('password authentication failed for user "vms" at 10.0.0.3');
    const result = handle(error);
    expect(result.status).toBe(500);
    expect(result.body?.error.code).toBe('INTERNAL.ERROR');
    expect(JSON.stringify(result.body)).not.toContain('password authentication failed');
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ err: error }), expect.any(String));
  });

  it('treats an object with a 5xx status like an unknown error', () => {
    const result = handle({ type: 'something', status: 502 });
    expect(result.status).toBe(500);
    expect(result.body?.error.code).toBe('INTERNAL.ERROR');
  });

  it('does not write when the headers were already sent', () => {
    expect(handle(new DomainError('X.Y', 'x', 'invalid'), true)).toEqual({});
  });

  it('rethrows outside HTTP', () => {
    const host = { getType: () => 'rpc' } as unknown as ArgumentsHost;
    const error = new Error('rpc failure');
    expect(() => new AllExceptionsFilter().catch(error, host)).toThrow(error);
  });
});
