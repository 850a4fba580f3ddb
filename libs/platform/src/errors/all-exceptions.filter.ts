import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { ApiException, ErrorBody } from './api-exception';
import { DomainError, DomainErrorKind } from './domain-error';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'ROUTE.NOT_FOUND',
  405: 'ROUTE.METHOD_NOT_ALLOWED',
  409: 'REQUEST.CONFLICT',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMIT.EXCEEDED',
};

/** Turns every error into `{error:{code,message,details?}}`; only the unexpected become 500s. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const { status, body } = this.toErrorResponse(exception, request);
    if (status >= 500) {
      this.logger.error({ err: exception, path: request.path }, body.error.message);
    }
    if (!response.headersSent) response.status(status).json(body);
  }

  private toErrorResponse(exception: unknown, request: Request): { status: number; body: ErrorBody } {
    if (exception instanceof ApiException) {
      return { status: exception.getStatus(), body: exception.getResponse() as ErrorBody };
    }
    if (exception instanceof DomainError) {
      const body: ErrorBody = { error: { code: exception.code, message: exception.message } };
      if (exception.details !== undefined) body.error.details = exception.details;
      return { status: STATUS_BY_KIND[exception.kind], body };
    }
    if (exception instanceof ThrottlerException) {
      return envelope(429, 'RATE_LIMIT.EXCEEDED', 'Too many requests, retry after the time in Retry-After');
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Nest turns body-parser's SyntaxError into a plain 400 before any filter sees it.
      if (status === 400 && /(in JSON at position|JSON input|is not valid JSON)/.test(exception.message)) {
        return envelope(400, 'REQUEST.MALFORMED_JSON', 'The request body is not valid JSON');
      }
      const message = status === 404 ? `No route for ${request.method} ${request.path}` : exception.message;
      return envelope(status, CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL.ERROR' : 'REQUEST.INVALID'), message);
    }
    const bodyParserError = asBodyParserError(exception);
    if (bodyParserError) {
      if (bodyParserError.type === 'entity.parse.failed') {
        return envelope(400, 'REQUEST.MALFORMED_JSON', 'The request body is not valid JSON');
      }
      if (bodyParserError.type === 'entity.too.large') {
        return envelope(413, 'REQUEST.TOO_LARGE', 'The request body is too large');
      }
      return envelope(bodyParserError.status, 'REQUEST.INVALID', 'The request body could not be read');
    }
    return envelope(500, 'INTERNAL.ERROR', 'An unexpected error occurred');
  }
}

function envelope(status: number, code: string, message: string): { status: number; body: ErrorBody } {
  return { status, body: { error: { code, message } } };
}

function asBodyParserError(exception: unknown): { type: string; status: number } | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const candidate = exception as { type?: unknown; status?: unknown };
  if (typeof candidate.type === 'string' && typeof candidate.status === 'number' && candidate.status < 500) {
    return { type: candidate.type, status: candidate.status };
  }
  return null;
}
