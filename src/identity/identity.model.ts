export const ROLES = ['admin', 'manager', 'senior', 'agent', 'legal', 'vendor', 'integration'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** Set for the vendor role: the outsourcing company the reviewer works for. */
  readonly vendorOrgId: string | undefined;
  readonly status: 'active' | 'disabled';
  readonly createdAt: Date;
}

/** Who is calling: a console user (session) or a machine client (API token). */
export interface Principal {
  readonly kind: 'user' | 'token';
  /** User id for sessions; token id for tokens. */
  readonly id: string;
  readonly role: Role;
  readonly vendorOrgId: string | undefined;
  readonly name: string;
  /** The person acting: the user of a session, or the user a token belongs to (none for a service token). */
  readonly userId?: string | undefined;
  /** For sessions: the CSRF token unsafe requests must echo. */
  readonly csrfToken?: string;
  readonly sessionId?: string;
}

export interface ApiTokenInfo {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly userId: string | undefined;
  readonly createdAt: Date;
  readonly revokedAt: Date | undefined;
}
