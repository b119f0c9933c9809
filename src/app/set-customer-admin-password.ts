/**
 * A customer admin chooses their password from the welcome e-mail's link: scrypt hash stored,
 * the link (and any older one of theirs) used up, in one transaction under the token's row lock,
 * so two submissions of the same link set the password once.
 */
import { AppError } from '../domain/errors.js';
import { MIN_PASSWORD_LENGTH } from '../domain/setup-rules.js';
import { appendAudit } from '../store/audit-repository.js';
import type { AppDeps } from './deps.js';
import { hashPassword } from './hash-password.js';
import { checkPasswordLink } from './open-password-link.js';

const MAX_PASSWORD_LENGTH = 1000;

export async function setCustomerAdminPassword(
  deps: AppDeps,
  input: { token: string; password: string },
): Promise<{ userId: string }> {
  const length = [...input.password].length;
  if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH)
    throw new AppError('INVALID_INPUT', {
      issues: [
        {
          path: 'password',
          message: `must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
        },
      ],
    });
  // Hashing is slow on purpose: done before the transaction, so no lock waits for it.
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const link = await checkPasswordLink(trx, input.token, now, { lock: true });
    await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash })
      .where('id', '=', link.userId)
      .execute();
    await trx
      .updateTable('password_token')
      .set({ used_at: now })
      .where('user_id', '=', link.userId)
      .where('used_at', 'is', null)
      .execute();
    await appendAudit(trx, now, { userId: link.userId, label: `${link.name} <${link.email}>` }, [
      { action: 'customer_admin.password_set', data: { userId: link.userId } },
    ]);
    return { userId: link.userId };
  });
}
