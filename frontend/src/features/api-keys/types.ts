/** An integrator API key as GET /api/api-keys lists it; the secret is never listed. */
export interface ApiKey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Body of POST /api/api-keys: the only response that carries the key itself. */
export interface CreatedApiKey extends ApiKey {
  /** `vms_<id>.<secret>`, sent by integrators in the X-API-Key header. */
  key: string;
}
