// Who may do what. Every write checks this on the server; hiding a button is not protection.
import type { Role } from '../../db/schema';

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

export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(action: Action) {
    super(`Your role does not allow this (${action.replace(/_/g, ' ')}).`);
    this.name = 'ForbiddenError';
  }
}

export function requireRole(role: Role | null | undefined, action: Action): void {
  if (!can(role, action)) throw new ForbiddenError(action);
}
