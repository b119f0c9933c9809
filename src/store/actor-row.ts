/** An app_user row (as selected by the queries that authenticate someone) as the domain's Actor. */
import type { Actor, Role } from '../domain/types.js';

export interface ActorRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  organization_id: string;
  language: Actor['language'];
}

export function actorOf(row: ActorRow | undefined): Actor | null {
  return row
    ? {
        userId: row.id,
        name: row.name,
        email: row.email,
        role: row.role,
        organizationId: row.organization_id,
        language: row.language,
      }
    : null;
}
