/**
 * Check an e-mail and password: the active user they belong to, or null. A wrong e-mail and a
 * wrong password answer alike (the caller never learns which part was wrong).
 */
import type { Role } from '../../domain/types.js';
import { findSignInUser } from '../../store/session-repository.js';
import type { AppDeps } from '../deps.js';
import { verifyPassword } from './hash-password.js';

export async function verifySignIn(
  deps: Pick<AppDeps, 'db'>,
  email: string,
  password: string,
): Promise<{ userId: string; role: Role } | null> {
  const user = await findSignInUser(deps.db, email);
  const ok = user?.password_hash ? await verifyPassword(password, user.password_hash) : false;
  return user && ok ? { userId: user.id, role: user.role } : null;
}
