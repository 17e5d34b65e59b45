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
  | 'manage_reference' // programmes, metrics, boards and sources: add them, edit names and descriptions
  | 'administer_reference' // rename (old addresses kept), merge and retire programmes, metrics and boards
  | 'view_audit'
  | 'manage_users'
  | 'finalise_quarters' // mark a quarter final or reopen it; change a final quarter's figures
  | 'set_targets' // set, change and remove targets
  | 'annotate'; // add, change and remove dated notes on charts

const GRANTS: Record<Role, readonly Action[]> = {
  viewer: ['read', 'export'],
  officer: ['read', 'export', 'edit_figures', 'manage_reference', 'view_audit', 'set_targets', 'annotate'],
  admin: ['read', 'export', 'edit_figures', 'manage_reference', 'administer_reference', 'view_audit', 'manage_users', 'finalise_quarters', 'set_targets', 'annotate'],
};

export function can(role: Role | null | undefined, action: Action): boolean {
  return !!role && GRANTS[role].includes(action);
}


export function requireRole(role: Role | null | undefined, action: Action): void {
  if (!can(role, action)) throw new ForbiddenError(action);
}

const ROLE_AS_ACTOR: Record<Role, string> = { viewer: 'A viewer', officer: 'An officer', admin: 'An administrator' };

/**
 * Who made a change, for people who may not read the audit trail: the role of the user, never
 * their email; a change with no user behind it by the task that made it (the seed, the command line).
 */
export function publicActor(role: Role | null, actor: string): string {
  if (role) return ROLE_AS_ACTOR[role];
  return actor === 'seed' ? 'The curated dataset' : 'A command-line task';
}
