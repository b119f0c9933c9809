/**
 * The shared frame of resending and revoking an invitation: the reader must see its organization
 * (another organization's invitation is NOT_FOUND like a missing one), then, in one transaction
 * under the invitation row's lock, its status must still allow the action.
 */
import type { Transaction } from 'kysely';

import { AppError } from '../../domain/errors.js';
import {
  allowsInvitationAction,
  type InvitationAction,
  invitationStatus,
} from '../../domain/invitation-status.js';
import type { Actor } from '../../domain/types.js';
import { findInvitation, type InvitationRow, lockInvitation } from '../../store/invitation-repository.js';
import type { Database } from '../../store/schema.js';
import type { AppDeps } from '../deps.js';
import { assertSees, type InvitationView, invitationView } from './people-views.js';

export function refusedAction(row: InvitationRow, action: InvitationAction, now: Date): AppError | null {
  const status = invitationStatus(
    {
      acceptedAt: row.accepted_at,
      revokedAt: row.revoked_at,
      bouncedAt: row.bounced_at,
      expiresAt: row.expires_at,
    },
    now,
  );
  if (allowsInvitationAction(status, action)) return null;
  return new AppError('INVALID_INPUT', {
    issues: [
      {
        path: 'invitationId',
        message: `an invitation that is ${status} cannot be ${action === 'resend' ? 'resent' : 'revoked'}`,
      },
    ],
    status,
  });
}

export async function changeInvitation(
  deps: AppDeps,
  actor: Actor,
  invitationId: string,
  action: InvitationAction,
  act: (trx: Transaction<Database>, row: InvitationRow, now: Date) => Promise<void>,
): Promise<InvitationView> {
  const notFound = new AppError('NOT_FOUND', { invitationId });
  const seen = await findInvitation(deps.db, invitationId);
  assertSees(actor, seen?.organization_id, notFound);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const row = await lockInvitation(trx, invitationId);
    if (!row) throw notFound;
    const refused = refusedAction(row, action, now);
    if (refused) throw refused;
    await act(trx, row, now);
    return invitationView((await findInvitation(trx, invitationId))!, now);
  });
}
