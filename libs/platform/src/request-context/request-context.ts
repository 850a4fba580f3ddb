import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { REQUEST_ID_HEADER } from '@vms/contracts';

interface RequestContextState {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContextState>();
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The id of the request (or message) being handled, for logs and outgoing message headers. */
export function currentRequestId(): string | null {
  return storage.getStore()?.requestId ?? null;
}

export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

/** Keeps a sane incoming X-Request-Id or makes one, echoes it, and scopes it to the request. */
export function requestContextMiddleware(request: Request, response: Response, next: NextFunction): void {
  const incoming = request.header(REQUEST_ID_HEADER);
  const requestId = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  (request as Request & { id: string }).id = requestId;
  response.setHeader('X-Request-Id', requestId);
  storage.run({ requestId }, next);
}
