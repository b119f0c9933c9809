/** Revoke an invitation that was not accepted yet: its link stops working at once. */
import type { Actor } from '../../domain/types.js';
import { appendAudit } from '../../store/audit-repository.js';
import { setInvitationRevoked } from '../../store/invitation-repository.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';
import { changeInvitation } from './change-invitation.js';
import type { InvitationView } from './people-views.js';

export async function revokeInvitation(
  deps: AppDeps,
  actor: Actor,
  invitationId: string,
): Promise<InvitationView> {
  return changeInvitation(deps, actor, invitationId, 'revoke', async (trx, row, now) => {
    await setInvitationRevoked(trx, row.id, now);
    await appendAudit(trx, now, auditActorOf(actor), [
      {
        action: 'invitation.revoked',
        organizationId: row.organization_id,
        data: { invitationId: row.id, email: row.email },
      },
    ]);
  });
}
