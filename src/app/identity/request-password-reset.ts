/**
 * "Forgot password?": e-mail a 1-hour reset link to the address if it belongs to an active user of
 * an active organization. The caller learns nothing either way: the same rate-limit writes, the
 * same lookup inside one transaction, the same (void) result; only an existing user's request
 * writes the link, its e-mail and the audit row. Also "Send me a new link" on an expired link's
 * page, which sends a reset link to that link's holder only.
 */
import { AppError } from '../../domain/errors.js';
import { appendAudit } from '../../store/audit-repository.js';
import { findActiveUserByEmail, findPasswordLink } from '../../store/password-link-repository.js';
import type { AppDeps } from '../deps.js';
import { limitPasswordReset } from '../rate-limits.js';
import { issuePasswordLink } from './issue-password-link.js';
import { passwordLinkHash } from './open-password-link.js';

export async function requestPasswordReset(
  deps: AppDeps,
  input: { email: string; ip: string },
): Promise<void> {
  const email = input.email.trim();
  await limitPasswordReset(deps, { email, ip: input.ip });
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const user = await findActiveUserByEmail(trx, email);
    if (!user) return;
    await issuePasswordLink(trx, deps, now, user, 'reset');
    await appendAudit(trx, now, { userId: user.id, label: `${user.name} <${user.email}>` }, [
      { action: 'password.reset_requested', organizationId: user.organizationId, data: { userId: user.id } },
    ]);
  });
}

/**
 * A new reset link for the holder of an expired password link (welcome, bootstrap or reset). Any
 * other state (unknown, used, live, deactivated holder) is TOKEN_INVALID like opening the link.
 */
export async function requestNewPasswordLink(
  deps: AppDeps,
  input: { token: string; ip: string },
): Promise<{ expiresAt: Date }> {
  const tokenHash = passwordLinkHash(input.token);
  const link = tokenHash ? await findPasswordLink(deps.db, tokenHash) : undefined;
  if (!link || link.deactivated) throw new AppError('TOKEN_INVALID', { reason: 'unknown' });
  if (link.usedAt) throw new AppError('TOKEN_INVALID', { reason: 'used' });
  if (link.expiresAt > deps.clock.now()) throw new AppError('TOKEN_INVALID', { reason: 'live' });
  await limitPasswordReset(deps, { email: link.email, ip: input.ip });
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const user = { id: link.userId, name: link.name, email: link.email, language: link.language };
    const issued = await issuePasswordLink(trx, deps, now, user, 'reset');
    await appendAudit(trx, now, { userId: user.id, label: `${user.name} <${user.email}>` }, [
      {
        action: 'password.reset_requested',
        organizationId: link.organizationId,
        data: { userId: user.id, fromExpiredLink: link.purpose },
      },
    ]);
    return { expiresAt: issued.expiresAt };
  });
}
