export const ROLES = ['admin', 'operator', 'integrator'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: a signed-in user or an integrator's API key. */
export interface Principal {
  id: string;
  role: Role;
  kind: 'user' | 'api-key';
  email?: string;
}

/** Claims of an access token issued by the api. */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
  email: string;
  typ: 'access';
}
