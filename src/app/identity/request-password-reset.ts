/**
 * "Forgot password?": e-mail a 1-hour reset link to the address if it belongs to an active user of
 * an active organization. The caller learns nothing either way: the same rate-limit writes, the
 * same lookup inside one transaction, the same (void) result; only an existing user's request
 * writes the link, its e-mail and the audit row. An organization that enforces single sign-on has no
 * passwords to recover: an address on its verified domain is refused with SSO_REQUIRED (naming the
 * identity provider; the domain's routing is public), any other address of its users gets nothing. Also "Send me a new link" on an expired link's
 * page, which sends a reset link to that link's holder only.
 */
import { AppError } from '../../domain/errors.js';
import { appendAudit } from '../../store/audit-repository.js';
import { findActiveUserByEmail, findPasswordLink } from '../../store/password-link-repository.js';
import { enforcedSsoOfUser } from '../../store/sso-repository.js';
import type { AppDeps } from '../deps.js';
import { limitPasswordReset } from '../rate-limits.js';
import { issuePasswordLink } from './issue-password-link.js';
import { passwordLinkHash } from './open-password-link.js';
import { ssoConnectionOfEmail } from './sso/start-sso-sign-in.js';

export async function requestPasswordReset(
  deps: AppDeps,
  input: { email: string; ip: string },
): Promise<void> {
  const email = input.email.trim();
  await limitPasswordReset(deps, { email, ip: input.ip });
  const routed = await ssoConnectionOfEmail(deps, email);
  if (routed?.enforced) throw new AppError('SSO_REQUIRED', { provider: routed.displayName });
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const user = await findActiveUserByEmail(trx, email);
    if (!user || (await enforcedSsoOfUser(trx, user.id))) return;
    await issuePasswordLink(trx, deps, now, user, 'reset');
    await appendAudit(trx, now, { userId: user.id, label: `${user.name} <${user.email}>` }, [
      { action: 'password.reset_requested', organizationId: user.organizationId, data: { userId: user.id } },
    ]);
  });
}

/**
 * "Send me a new link" on an expired password link's page (welcome, bootstrap or reset): a new
 * 1-hour reset link to the address the link was for. It answers the same whether or not that
 * address still has an active account (an unknown link, a holder deactivated or removed since):
 * the same rate-limit writes, the same (void) result; only a live holder gets a link. A link that
 * was used is TOKEN_INVALID `used`, one still valid TOKEN_INVALID `live` (its page can be used).
 */
export async function requestNewPasswordLink(
  deps: AppDeps,
  input: { token: string; ip: string },
): Promise<void> {
  const tokenHash = passwordLinkHash(input.token);
  const link = tokenHash ? await findPasswordLink(deps.db, tokenHash) : undefined;
  const holder = link && !link.deactivated ? link : undefined;
  if (holder?.usedAt) throw new AppError('TOKEN_INVALID', { reason: 'used' });
  if (holder && holder.expiresAt > deps.clock.now()) throw new AppError('TOKEN_INVALID', { reason: 'live' });
  // Counted under the holder's address, or under the link itself when there is no holder.
  const key = link?.email ?? tokenHash?.toString('hex') ?? input.token;
  await limitPasswordReset(deps, { email: key, ip: input.ip });
  if (!holder || (await enforcedSsoOfUser(deps.db, holder.userId))) return;
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const user = { id: holder.userId, name: holder.name, email: holder.email, language: holder.language };
    await issuePasswordLink(trx, deps, now, user, 'reset');
    await appendAudit(trx, now, { userId: user.id, label: `${user.name} <${user.email}>` }, [
      {
        action: 'password.reset_requested',
        organizationId: holder.organizationId,
        data: { userId: user.id, fromExpiredLink: holder.purpose },
      },
    ]);
  });
}
