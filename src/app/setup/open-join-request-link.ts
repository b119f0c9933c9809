/**
 * An administrator's Approve / Decline link: what its page shows (who asks, for which order) and
 * why it cannot be used any more. Opening it decides nothing: a mail scanner that follows every
 * link in an e-mail only reads this page; the decision is the page's POST.
 */
import type { Kysely, Transaction } from 'kysely';

import { AppError } from '../../domain/errors.js';
import type { Language } from '../../domain/types.js';
import type { EmailLine } from '../../email/index.js';
import {
  findJoinRequestLink,
  type JoinRequestLinkRow,
  type JoinRequestRow,
} from '../../store/join-request-repository.js';
import { findOrder } from '../../store/order-repository.js';
import type { Database, PurchaseOrderRow } from '../../store/schema.js';
import { findOrganization, findUser } from '../../store/user-repository.js';
import { type AppDeps, hashToken } from '../deps.js';
import { loadOrderEmailContext } from '../lines/order-email-context.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface JoinRequestLink {
  link: JoinRequestLinkRow;
  request: JoinRequestRow;
  order: PurchaseOrderRow;
}

export interface JoinRequestView {
  organizationName: string;
  contact: { name: string; email: string };
  webOrderId: string;
  endCustomerName: string;
  partnerName: string;
  lines: EmailLine[];
  expiresAt: string;
  /** The administrator the link was sent to: the page speaks their language. */
  admin: { name: string; language: Language };
}

/** Tokens are 256-bit base64url (43 characters); anything else is not worth hashing. */
export const joinTokenHash = (token: string): Buffer | null =>
  token.length >= 16 && token.length <= 128 ? hashToken(token) : null;

export async function findJoinLink(
  db: Db,
  token: string,
  opts: { lock?: boolean } = {},
): Promise<JoinRequestLink | undefined> {
  const hash = joinTokenHash(token);
  const found = hash ? await findJoinRequestLink(db, hash, opts) : undefined;
  const order = found && (await findOrder(db, { id: found.request.order_id }));
  return found && order && { ...found, order };
}

/** Why the link cannot be used, or null when it can. A mapped order wins: it is set up. */
export function joinLinkRefusal(
  deps: AppDeps,
  found: JoinRequestLink | undefined,
  now: Date,
): AppError | null {
  if (!found) return new AppError('TOKEN_INVALID', { reason: 'unknown' });
  const { link, request, order } = found;
  if (order.mapped_at)
    return new AppError('ALREADY_MAPPED', { adminPortalUrl: deps.settings.adminPortalUrl });
  if (request.status !== 'pending')
    return new AppError('TOKEN_INVALID', { reason: 'used', revokedReason: `join_${request.status}` });
  if (link.used_at) return new AppError('TOKEN_INVALID', { reason: 'used' });
  if (request.expires_at <= now)
    return new AppError('TOKEN_INVALID', { reason: 'expired', expiredAt: request.expires_at.toISOString() });
  return null;
}

export async function openJoinRequestLink(deps: AppDeps, token: string): Promise<JoinRequestView> {
  const found = await findJoinLink(deps.db, token);
  const refusal = joinLinkRefusal(deps, found, deps.clock.now());
  if (refusal) throw refusal;
  const { link, request, order } = found!;
  const [org, admin, context] = await deps.db
    .transaction()
    .execute((trx) =>
      Promise.all([
        findOrganization(trx, request.organization_id),
        findUser(trx, link.admin_user_id),
        loadOrderEmailContext(trx, order.id),
      ]),
    );
  return {
    organizationName: org?.name ?? '',
    contact: { name: request.contact_name, email: request.contact_email },
    webOrderId: order.web_order_id,
    endCustomerName: order.end_customer_name,
    partnerName: context.partnerName,
    lines: context.lines.map(({ subscriptionId, offerCode, offerName, quantity }) => ({
      subscriptionId,
      offerCode,
      offerName,
      quantity,
    })),
    expiresAt: request.expires_at.toISOString(),
    admin: { name: admin?.name ?? '', language: admin?.language ?? 'en' },
  };
}
