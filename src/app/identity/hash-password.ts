/** Passwords: scrypt (Node's built-in memory-hard KDF) with a per-password salt. */
import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

const PARAMS: ScryptOptions = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

/** Node's `scrypt` callback signature, injectable so tests count the derivations (never time them). */
export type ScryptFn = (
  password: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions,
  done: (err: Error | null, key: Buffer) => void,
) => void;

export interface PasswordHasher {
  /** "scrypt$N$r$p$salt$hash", base64url parts. */
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

/**
 * A hash of a random password nobody knows, with today's parameters: sign-in checks a password
 * against it when the address has no account (or no password), so that answer costs the same
 * scrypt run as a wrong password for a real account and its timing tells nothing.
 */
export const DUMMY_PASSWORD_HASH =
  'scrypt$16384$8$1$6QzTuWomu85sr216pFTldg$iPgrhhHO_VVUOMsr05meZZTbJTs5_mhTKg71CoXAPz4';

export function scryptHasher(kdf: ScryptFn = scrypt): PasswordHasher {
  const derive = (password: string, salt: Buffer, params: ScryptOptions) =>
    new Promise<Buffer>((resolve, reject) =>
      kdf(password.normalize('NFKC'), salt, KEY_LENGTH, params, (err, key) =>
        err ? reject(err) : resolve(key),
      ),
    );
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, PARAMS);
      return [
        'scrypt',
        PARAMS.N,
        PARAMS.r,
        PARAMS.p,
        salt.toString('base64url'),
        key.toString('base64url'),
      ].join('$');
    },
    async verify(password, stored) {
      const [scheme, n, r, p, salt, hash] = stored.split('$');
      if (scheme !== 'scrypt' || !salt || !hash) return false;
      const expected = Buffer.from(hash, 'base64url');
      const key = await derive(password, Buffer.from(salt, 'base64url'), {
        N: Number(n),
        r: Number(r),
        p: Number(p),
        maxmem: PARAMS.maxmem,
      });
      return key.length === expected.length && timingSafeEqual(key, expected);
    },
  };
}

const defaultHasher = scryptHasher();

export function hashPassword(password: string): Promise<string> {
  return defaultHasher.hash(password);
}

export function verifyPassword(password: string, stored: string): Promise<boolean> {
  return defaultHasher.verify(password, stored);
}
