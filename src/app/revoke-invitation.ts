/** Revoke an invitation that was not accepted yet: its link stops working at once. */
import { AppError } from '../domain/errors.js';
import type { Actor } from '../domain/types.js';
import { appendAudit } from '../store/audit-repository.js';
import { findInvitation, lockInvitation, setInvitationRevoked } from '../store/invitation-repository.js';
import { auditActorOf } from './actor-label.js';
import type { AppDeps } from './deps.js';
import { assertSees, invitationView, type InvitationView } from './people-views.js';
import { refusedAction } from './resend-invitation.js';

export async function revokeInvitation(
  deps: AppDeps,
  actor: Actor,
  invitationId: string,
): Promise<InvitationView> {
  const notFound = new AppError('NOT_FOUND', { invitationId });
  const seen = await findInvitation(deps.db, invitationId);
  assertSees(actor, seen?.organization_id, notFound);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const row = await lockInvitation(trx, invitationId);
    if (!row) throw notFound;
    const refused = refusedAction(row, 'revoke', now);
    if (refused) throw refused;
    await setInvitationRevoked(trx, row.id, now);
    await appendAudit(trx, now, auditActorOf(actor), [
      {
        action: 'invitation.revoked',
        organizationId: row.organization_id,
        data: { invitationId: row.id, email: row.email },
      },
    ]);
    return invitationView((await findInvitation(trx, invitationId))!, now);
  });
}
