import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ApiKeyAuthenticator, Principal } from '@vms/auth';
import { AuthErrors } from './auth.errors';
import { ApiKeyRecord, ApiKeyRepository } from './api-key.repository';
import { hashSecret, newSecret, parseOpaqueToken, secretMatches } from './opaque-token';

const KEY_PREFIX = 'vms_';
const LAST_USED_RESOLUTION_MS = 60_000;

/** Integrator API keys: `vms_<id>.<secret>`, shown once, stored as a SHA-256 of the secret. */
@Injectable()
export class ApiKeysService extends ApiKeyAuthenticator {
  private readonly logger = new Logger(ApiKeysService.name);

  constructor(private readonly keys: ApiKeyRepository) {
    super();
  }

  async create(name: string, createdBy: string): Promise<{ record: ApiKeyRecord; key: string }> {
    const id = randomUUID();
    const secret = newSecret();
    const record = await this.keys.insert({ id, name: name.trim(), keyHash: hashSecret(secret), createdBy });
    return { record, key: `${KEY_PREFIX}${id}.${secret}` };
  }

  list(): Promise<ApiKeyRecord[]> {
    return this.keys.list();
  }

  async revoke(id: string): Promise<void> {
    const record = await this.keys.findById(id);
    if (!record) throw AuthErrors.apiKeyNotFound();
    await this.keys.revoke(id);
  }

  async authenticate(rawKey: string): Promise<Principal | null> {
    if (!rawKey.startsWith(KEY_PREFIX)) return null;
    const token = parseOpaqueToken(rawKey.slice(KEY_PREFIX.length));
    if (!token) return null;
    const record = await this.keys.findById(token.id);
    if (!record || record.revokedAt || !secretMatches(token.secret, record.keyHash)) return null;
    this.keys.touch(record.id, LAST_USED_RESOLUTION_MS).catch((error: unknown) =>
      this.logger.warn(`could not record API key use: ${String(error)}`),
    );
    return { id: record.id, role: 'integrator', kind: 'api-key' };
  }
}
