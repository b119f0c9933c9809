/**
 * Anyone holding a live password link (welcome, bootstrap, reset) chooses their password: scrypt
 * hash stored, the link and every older unused link of theirs used up, their other sessions
 * ended, in one transaction under the token's row lock, so two submissions of the same link set
 * the password once.
 */
import { invalidInput } from '../../domain/errors.js';
import { MIN_PASSWORD_LENGTH } from '../../domain/setup-rules.js';
import type { Role } from '../../domain/types.js';
import { appendAudit } from '../../store/audit-repository.js';
import { endSessionsOf, setPasswordHash, useUpPasswordLinks } from '../../store/password-link-repository.js';
import type { AppDeps } from '../deps.js';
import { hashPassword } from './hash-password.js';
import { checkPasswordLink } from './open-password-link.js';

export const MAX_PASSWORD_LENGTH = 1000;

export async function setPassword(
  deps: AppDeps,
  input: { token: string; password: string },
): Promise<{ userId: string; role: Role }> {
  const length = [...input.password].length;
  if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH)
    throw invalidInput('password', `must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`);
  // Hashing is slow on purpose: done before the transaction, so no lock waits for it.
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const link = await checkPasswordLink(trx, input.token, now, { lock: true });
    await setPasswordHash(trx, link.userId, passwordHash, now);
    await useUpPasswordLinks(trx, link.userId, now);
    await endSessionsOf(trx, link.userId);
    await appendAudit(trx, now, { userId: link.userId, label: `${link.name} <${link.email}>` }, [
      {
        action: 'password.set',
        organizationId: link.organizationId,
        data: { userId: link.userId, purpose: link.purpose },
      },
    ]);
    return { userId: link.userId, role: link.role };
  });
}
