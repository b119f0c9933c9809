/**
 * A setup link found by the hash of its token (the database compares hashes; the token itself is
 * never stored or logged), with the line and order it belongs to; and the same under the order
 * lock, for the use cases that change something with it.
 */
import type { Kysely, Transaction } from 'kysely';

import { AppError } from '../../domain/errors.js';
import { findLinkHolderLine, linesOfOrder } from '../../store/line-repository.js';
import { findOrder, lockOrder } from '../../store/order-repository.js';
import type { Database, PurchaseOrderRow, SubscriptionLineRow } from '../../store/schema.js';
import { findTokenByHash, type SetupTokenRow } from '../../store/setup-token-repository.js';
import { type AppDeps, hashToken } from '../deps.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface SetupLink {
  token: SetupTokenRow;
  /** The line the link's holder provisions (see `findLinkHolderLine`): whose contact they are. */
  line: SubscriptionLineRow;
  order: PurchaseOrderRow;
}

/** Tokens are 256-bit base64url (43 characters); anything longer is not worth hashing. */
export function setupTokenHash(token: string): Buffer | null {
  return token.length >= 16 && token.length <= 128 ? hashToken(token) : null;
}

export async function findSetupLink(
  db: Db,
  tokenHash: Buffer | null,
  opts: { lock?: boolean } = {},
): Promise<SetupLink | undefined> {
  if (!tokenHash) return undefined;
  const token = await findTokenByHash(db, tokenHash, opts);
  if (!token) return undefined;
  const line = await findLinkHolderLine(db, { subscriptionId: token.subscription_id, sendId: token.send_id });
  const order = line && (await findOrder(db, { id: line.order_id }));
  return line && order && { token, line, order };
}

/**
 * Why the link cannot be used, or null when it can. A set-up order wins over the link's own
 * state: its holder is pointed to the admin portal, whatever became of the link.
 */
export function setupLinkRefusal(deps: AppDeps, link: SetupLink | undefined, now: Date): AppError | null {
  if (!link) return new AppError('TOKEN_INVALID', { reason: 'unknown' });
  const { token, order } = link;
  if (order.mapped_at)
    return new AppError('ALREADY_MAPPED', {
      adminPortalUrl: deps.settings.adminPortalUrl,
      linkUsed: token.used_at !== null,
    });
  if (token.used_at) return new AppError('TOKEN_INVALID', { reason: 'used' });
  if (token.revoked_at)
    return new AppError('TOKEN_INVALID', { reason: 'revoked', revokedReason: token.revoked_reason });
  if (token.expires_at <= now)
    return new AppError('TOKEN_INVALID', { reason: 'expired', expiredAt: token.expires_at.toISOString() });
  return null;
}

export interface LockedSetupLink extends SetupLink {
  /** Every line of the order, locked. */
  lines: SubscriptionLineRow[];
}

/**
 * Locks the order (the lock every change before the PONR and the mapping take first), then the
 * token and the lines, and checks the link again under the lock.
 */
export async function lockSetupLink(
  trx: Transaction<Database>,
  deps: AppDeps,
  tokenHash: Buffer | null,
  now: Date,
): Promise<LockedSetupLink> {
  const found = await findSetupLink(trx, tokenHash);
  if (!found) throw setupLinkRefusal(deps, undefined, now)!;
  const order = await lockOrder(trx, found.order.id);
  const token = await findSetupLink(trx, tokenHash, { lock: true });
  const link = order && token ? { ...token, order } : undefined;
  const refusal = setupLinkRefusal(deps, link, now);
  if (refusal) throw refusal;
  const lines = await linesOfOrder(trx, link!.order.id, { lock: true });
  const line = lines.find((l) => l.subscription_id === link!.line.subscription_id)!;
  return { ...link!, line, lines };
}
