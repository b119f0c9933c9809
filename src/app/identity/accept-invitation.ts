/**
 * Accept an invitation (POST /invitations/{token}): with a name and a password, the invited
 * address becomes a user of the organization with the invited role. The password is hashed
 * before the transaction (scrypt is slow on purpose; no lock is held meanwhile); then, under the
 * invitation row's lock, the link is checked again, the user created, the invitation marked
 * accepted and the acceptance audited. Returns the new user, for the page to start a session.
 */
import { z } from 'zod';

import { displayName } from '../../domain/display-name.js';
import { AppError } from '../../domain/errors.js';
import { MIN_PASSWORD_LENGTH } from '../../domain/setup-rules.js';
import type { Role } from '../../domain/types.js';
import { appendAudit } from '../../store/audit-repository.js';
import { findInvitationByTokenHash, setInvitationAccepted } from '../../store/invitation-repository.js';
import { insertUser } from '../../store/user-repository.js';
import { type AppDeps, hashToken } from '../deps.js';
import { hashPassword } from './hash-password.js';
import { openInvitationRow } from './open-invitation.js';

export const MAX_PASSWORD_LENGTH = 1000;

export const acceptInvitationSchema = z.object({
  name: displayName({ required: 'enter your name' }),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(MAX_PASSWORD_LENGTH, `at most ${MAX_PASSWORD_LENGTH} characters`),
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

export interface AcceptedInvitation {
  userId: string;
  role: Role;
  organizationId: string;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Refuses with TOKEN_INVALID (`reason`: unknown, used, revoked, expired) or ALREADY_EXISTS
 * (`what: 'account'`: the address already has an account, here or in another organization).
 */
export async function acceptInvitation(
  deps: AppDeps,
  token: string,
  input: AcceptInvitationInput,
): Promise<AcceptedInvitation> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock.now();
      const row = await findInvitationByTokenHash(trx, hashToken(token), { lock: true });
      // The same reading as the page's, now under the row lock.
      const opened = await openInvitationRow({ ...deps, db: trx }, row, now);
      if (opened.state === 'dead') throw new AppError('TOKEN_INVALID', { reason: opened.reason });
      if (opened.state === 'expired') throw new AppError('TOKEN_INVALID', { reason: 'expired' });
      if (opened.state === 'taken' || !row) throw new AppError('ALREADY_EXISTS', { what: 'account' });
      const userId = deps.ids.newId('usr');
      await insertUser(trx, {
        id: userId,
        organization_id: row.organization_id,
        role: row.role,
        name: input.name,
        email: row.email,
        language: row.language,
        password_hash: passwordHash,
        created_at: now,
      });
      await setInvitationAccepted(trx, row.id, userId, now);
      await appendAudit(trx, now, { userId, label: `${input.name} <${row.email}>` }, [
        {
          action: 'invitation.accepted',
          organizationId: row.organization_id,
          data: { invitationId: row.id, userId, email: row.email, role: row.role },
        },
      ]);
      return { userId, role: row.role, organizationId: row.organization_id };
    });
  } catch (e) {
    // Two acceptances for one address racing (e.g. two organizations' invitations): one wins.
    if ((e as { code?: string }).code === UNIQUE_VIOLATION)
      throw new AppError('ALREADY_EXISTS', { what: 'account' });
    throw e;
  }
}
