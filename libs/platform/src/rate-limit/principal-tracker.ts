import { createHash } from 'node:crypto';
import type { Request } from 'express';

/** Verifies a bearer token cheaply and returns its subject, or null; provided by the auth library. */
export abstract class BearerSubjectVerifier {
  abstract subjectOf(token: string): string | null;
}

/**
 * Who a request counts against, decided before authentication so that failed logins and
 * bad tokens are limited too: the API key, else a valid token's user, else the client IP.
 */
export function principalTrackerOf(request: Request, verifier: BearerSubjectVerifier | null): string {
  const apiKey = request.header('x-api-key');
  if (apiKey) return `key:${createHash('sha256').update(apiKey).digest('hex').slice(0, 32)}`;
  const authorization = request.header('authorization');
  if (authorization?.startsWith('Bearer ') && verifier) {
    const subject = verifier.subjectOf(authorization.slice(7));
    if (subject) return `user:${subject}`;
  }
  return `ip:${request.ip ?? 'unknown'}`;
}
