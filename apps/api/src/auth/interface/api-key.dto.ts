import { IsString, MaxLength, MinLength } from 'class-validator';
import type { ApiKeyRecord } from '../application/api-key.repository';

export class CreateApiKeyDto {
  @IsString() @MinLength(1) @MaxLength(100) name: string;
}

export class ApiKeyResponse {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export class CreatedApiKeyResponse extends ApiKeyResponse {
  /** The key itself. Shown only in this response; store it now. */
  key: string;
}

export function toApiKeyResponse(record: ApiKeyRecord): ApiKeyResponse {
  return {
    id: record.id,
    name: record.name,
    createdAt: record.createdAt.toISOString(),
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
    revokedAt: record.revokedAt?.toISOString() ?? null,
  };
}
