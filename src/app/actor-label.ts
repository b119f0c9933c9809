import type { Actor } from '../domain/types.js';
import type { AuditActor } from '../store/audit-repository.js';

/** How a user appears on timelines and in the audit trail. */
export function auditActorOf(actor: Actor): AuditActor {
  return { userId: actor.userId, label: `${actor.name} <${actor.email}>` };
}
