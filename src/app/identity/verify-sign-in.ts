/**
 * Check an e-mail and password: the active user they belong to, or null. A wrong e-mail and a
 * wrong password answer alike (the caller never learns which part was wrong), and cost alike:
 * one lookup and one scrypt run either way (an address without an account, or without a
 * password yet, is checked against a dummy hash).
 */
import type { Role } from '../../domain/types.js';
import { findSignInUser } from '../../store/session-repository.js';
import type { AppDeps } from '../deps.js';
import { DUMMY_PASSWORD_HASH, type PasswordHasher, scryptHasher } from './hash-password.js';

const defaultHasher = scryptHasher();

export async function verifySignIn(
  deps: Pick<AppDeps, 'db' | 'passwords'>,
  email: string,
  password: string,
): Promise<{ userId: string; role: Role } | null> {
  const hasher: PasswordHasher = deps.passwords ?? defaultHasher;
  const user = await findSignInUser(deps.db, email);
  const ok = await hasher.verify(password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
  return user?.password_hash && ok ? { userId: user.id, role: user.role } : null;
}
