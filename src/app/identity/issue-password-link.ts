/**
 * Issue a single-use link to choose a password: a 256-bit token of which only the SHA-256 is
 * stored, with its purpose and expiry, and (bootstrap, reset) the `password-link` e-mail queued in
 * the caller's transaction, so the link exists exactly when its e-mail will go out. The welcome
 * link's e-mail is the welcome e-mail, which its caller queues with the returned URL.
 */
import type { Transaction } from 'kysely';

import type { Language } from '../../domain/types.js';
import { enqueueEmail } from '../../store/outbox-repository.js';
import { insertPasswordLink } from '../../store/password-link-repository.js';
import type { Database, PasswordLinkPurpose } from '../../store/schema.js';
import { type AppDeps, hashToken } from '../deps.js';

const HOUR_MS = 3_600_000;

/** How long each kind of link works: a recovery link is short-lived, a first password is not. */
export const PASSWORD_LINK_TTL_MS: Readonly<Record<PasswordLinkPurpose, number>> = {
  welcome: 7 * 24 * HOUR_MS,
  bootstrap: 7 * 24 * HOUR_MS,
  reset: HOUR_MS,
};

export interface PasswordLinkHolder {
  id: string;
  name: string;
  email: string;
  language: Language;
}

export interface IssuedPasswordLink {
  /** The link with its token: shown once (CLI) or e-mailed, never stored. */
  setPasswordUrl: string;
  expiresAt: Date;
}

export async function issuePasswordLink(
  trx: Transaction<Database>,
  deps: AppDeps,
  now: Date,
  user: PasswordLinkHolder,
  purpose: PasswordLinkPurpose,
): Promise<IssuedPasswordLink> {
  const token = deps.ids.newToken();
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_TTL_MS[purpose]);
  await insertPasswordLink(trx, {
    tokenHash: hashToken(token),
    userId: user.id,
    purpose,
    createdAt: now,
    expiresAt,
  });
  const setPasswordUrl = `${deps.settings.publicUrl}/set-password/${token}`;
  if (purpose !== 'welcome') {
    await enqueueEmail(trx, now, {
      template: 'password-link',
      messageKey: deps.ids.newId('pwl'),
      input: {
        language: user.language,
        to: { name: user.name, email: user.email },
        purpose,
        secrets: { setPasswordUrl },
        expiresAt: expiresAt.toISOString(),
      },
    });
  }
  return { setPasswordUrl, expiresAt };
}
