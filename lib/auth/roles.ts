// Who may do what. Every write checks this on the server; hiding a button is not protection.
import { ForbiddenError } from '../errors';
import type { Role } from '../vocabulary';

/** Who is acting: the signed-in user of a request, or of a command line. */
export interface SessionUser {
  id: number;
  email: string;
  name: string | null;
  role: Role;
}

export type Action =
  | 'read'
  | 'export'
  | 'edit_figures' // add, correct, delete and restore observations; import
  | 'manage_reference' // programmes, metrics, boards and sources
  | 'view_audit'
  | 'manage_users';

const GRANTS: Record<Role, readonly Action[]> = {
  viewer: ['read', 'export'],
  officer: ['read', 'export', 'edit_figures', 'manage_reference', 'view_audit'],
  admin: ['read', 'export', 'edit_figures', 'manage_reference', 'view_audit', 'manage_users'],
};

export function can(role: Role | null | undefined, action: Action): boolean {
  return !!role && GRANTS[role].includes(action);
}


export function requireRole(role: Role | null | undefined, action: Action): void {
  if (!can(role, action)) throw new ForbiddenError(action);
}
