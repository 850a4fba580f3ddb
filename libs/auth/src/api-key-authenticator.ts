import type { Principal } from './principal';

/** Resolves an `X-API-Key` header to a principal; provided by the app that owns the keys. */
export abstract class ApiKeyAuthenticator {
  abstract authenticate(rawKey: string): Promise<Principal | null>;
}
