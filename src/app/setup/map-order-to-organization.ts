/**
 * Map an order to a customer organization: the point of no return. One transaction locks the
 * order row (so no resend or contact change can interleave), consumes the setup link if one is
 * given, marks every live line Provisioned, revokes all links and queues the welcome e-mail.
 */
import type { Transaction } from 'kysely';

import { dataRegionOf } from '../../domain/data-region.js';
import { AppError, invalidInput } from '../../domain/errors.js';
import { nextDueAt, transition } from '../../domain/line-state-machine.js';
import type { Language } from '../../domain/types.js';
import { appendAudit } from '../../store/audit-repository.js';
import { withdrawPendingJoinRequests } from '../../store/join-request-repository.js';
import { linesOfOrder, lineStateColumns, toLineState, updateLine } from '../../store/line-repository.js';
import { lockOrder, markOrderMapped } from '../../store/order-repository.js';
import { insertOrganization, organizationKind } from '../../store/organization-repository.js';
import { enqueueEmail } from '../../store/outbox-repository.js';
import { inTransaction } from '../../store/run-transaction.js';
import type { Database, PurchaseOrderRow } from '../../store/schema.js';
import { lockTokenWithOrder, markTokenUsed, revokeLiveTokens } from '../../store/setup-token-repository.js';
import {
  findOrganization,
  findPasswordStateByEmail,
  insertUser,
  isActiveCustomerAdmin,
} from '../../store/user-repository.js';
import { supersedePendingSends } from '../../store/withdraw-sends.js';
import type { AppDeps } from '../deps.js';
import { issuePasswordLink } from '../identity/issue-password-link.js';
import { recordLineEvents } from '../lines/record-line-events.js';

export type OrganizationChoice =
  { organizationId: string } | { newOrganization: { name: string; country: string } };

export interface MapOrderInput {
  orderId: string;
  organization: OrganizationChoice;
  /** The person confirming: becomes the customer admin. */
  confirmedBy: { name: string; email: string; language: Language };
  /** The hash of the setup link used, consumed in the same transaction. */
  setupTokenHash?: Buffer;
  /**
   * Only an administrator of the existing organization may map to it directly (checked under the
   * order lock); everyone else asks to join it (request-to-join.ts), and an approval maps.
   */
  requireAdmin?: boolean;
}

/** Partner-led setup: who at the partner set it up, shown on the order's timeline. */
export interface SetUpByPartner {
  /** The partner's (or distributor's) organization, and "Name <email>" of its user. */
  organization: string;
  user: string;
}

export interface MappedOrder {
  orderId: string;
  organizationId: string;
  subscriptionIds: string[];
  customerAdminUserId: string;
}

async function consumeSetupToken(
  trx: Transaction<Database>,
  tokenHash: Buffer,
  order: PurchaseOrderRow,
  now: Date,
) {
  // Locks the link's row (FOR UPDATE), after the order's: nothing changes it before it is used up.
  const token = await lockTokenWithOrder(trx, tokenHash);
  const reason =
    !token || token.order_id !== order.id
      ? 'unknown'
      : token.used_at
        ? 'used'
        : token.revoked_at
          ? 'revoked'
          : token.expires_at <= now
            ? 'expired'
            : null;
  if (reason) throw new AppError('TOKEN_INVALID', { reason });
  await markTokenUsed(trx, tokenHash, now);
}

async function resolveOrganization(
  trx: Transaction<Database>,
  deps: AppDeps,
  choice: OrganizationChoice,
  now: Date,
  requireAdminOf: string | null,
): Promise<string> {
  if ('organizationId' in choice) {
    if ((await organizationKind(trx, choice.organizationId)) !== 'customer')
      throw new AppError('NOT_FOUND', { organizationId: choice.organizationId });
    if (requireAdminOf && !(await isActiveCustomerAdmin(trx, choice.organizationId, requireAdminOf)))
      throw invalidInput('organizationId', JOIN_NEEDS_APPROVAL);
    return choice.organizationId;
  }
  const country = choice.newOrganization.country.toUpperCase();
  const region = dataRegionOf(country);
  if (!region)
    throw new AppError('INVALID_INPUT', {
      issues: [{ path: 'newOrganization.country', message: `no data region serves country "${country}"` }],
    });
  const id = deps.ids.newId('org');
  await insertOrganization(trx, {
    id,
    kind: 'customer',
    name: choice.newOrganization.name,
    country,
    data_region: region,
    created_at: now,
  });
  return id;
}

/** Finds or creates the customer admin; queues the welcome e-mail with a set-password link if they have no password yet. */
async function welcomeCustomerAdmin(
  trx: Transaction<Database>,
  deps: AppDeps,
  organizationId: string,
  person: MapOrderInput['confirmedBy'],
  now: Date,
): Promise<string> {
  const existing = await findPasswordStateByEmail(trx, person.email);
  const userId = existing?.id ?? deps.ids.newId('usr');
  if (!existing) {
    await insertUser(trx, {
      id: userId,
      organization_id: organizationId,
      role: 'customer_admin',
      name: person.name,
      email: person.email,
      language: person.language,
      created_at: now,
    });
  }
  if (existing?.hasPassword) return userId;
  const org = await findOrganization(trx, organizationId);
  if (!org) throw new Error(`organization ${organizationId} vanished inside its own transaction`);
  const link = await issuePasswordLink(
    trx,
    deps,
    now,
    { id: userId, name: person.name, email: person.email, language: person.language },
    'welcome',
  );
  await enqueueEmail(trx, now, {
    template: 'welcome',
    messageKey: deps.ids.newId('wel'),
    input: {
      language: person.language,
      to: { name: person.name, email: person.email },
      organizationName: org.name,
      dataRegion: org.data_region ?? '',
      secrets: { setPasswordUrl: link.setPasswordUrl },
      adminPortalUrl: deps.settings.adminPortalUrl,
      passwordLinkExpiresAt: link.expiresAt.toISOString(),
    },
  });
  return userId;
}

/** Why a contact who does not administer an organization cannot map an order to it directly. */
export const JOIN_NEEDS_APPROVAL = 'only its administrators may map to it directly; ask to join it instead';

export async function mapOrderToOrganization(deps: AppDeps, input: MapOrderInput): Promise<MappedOrder> {
  return inTransaction(deps, (trx) => mapOrderInTransaction(trx, deps, input, deps.clock.now()));
}

/**
 * The mapping in the caller's transaction (an approved join request maps in the transaction that
 * records the approval). Takes the order lock first, like every change before the PONR.
 */
export async function mapOrderInTransaction(
  trx: Transaction<Database>,
  deps: AppDeps,
  input: MapOrderInput,
  now: Date,
): Promise<MappedOrder> {
  let customerAdminUserId = '';
  const mapped = await mapLockedOrder(trx, deps, input, now, async (organizationId) => {
    customerAdminUserId = await welcomeCustomerAdmin(trx, deps, organizationId, input.confirmedBy, now);
  });
  return { ...mapped, customerAdminUserId };
}

/**
 * The mapping itself; `admin` gives the organization its administrator (the confirmer, welcomed;
 * or, when a partner sets it up, someone invited). `setUpBy` names the partner on the timeline.
 */
export async function mapLockedOrder(
  trx: Transaction<Database>,
  deps: AppDeps,
  input: MapOrderInput & { setUpBy?: SetUpByPartner },
  now: Date,
  admin: (organizationId: string) => Promise<void>,
): Promise<Omit<MappedOrder, 'customerAdminUserId'>> {
  {
    const order = await lockOrder(trx, input.orderId);
    if (!order) throw new AppError('NOT_FOUND', { orderId: input.orderId });
    if (order.mapped_at)
      throw new AppError('ALREADY_MAPPED', { adminPortalUrl: deps.settings.adminPortalUrl });
    if (input.setupTokenHash) await consumeSetupToken(trx, input.setupTokenHash, order, now);

    const lines = await linesOfOrder(trx, order.id, { lock: true });
    const live = lines.filter((l) => l.status !== 'cancelled');
    if (live.length === 0) throw new AppError('LINE_CANCELLED');
    const outcomes = live.map((l) => ({
      line: l,
      outcome: transition(toLineState(l, null), { type: 'confirm_setup' }, now, deps.settings.policy),
    }));

    const organizationId = await resolveOrganization(
      trx,
      deps,
      input.organization,
      now,
      input.requireAdmin ? input.confirmedBy.email : null,
    );
    await markOrderMapped(trx, order.id, { organizationId, mappedByEmail: input.confirmedBy.email, now });
    for (const { line, outcome } of outcomes) {
      await updateLine(
        trx,
        line.subscription_id,
        lineStateColumns(line, outcome.state, nextDueAt(outcome.state, deps.settings.policy), now),
      );
    }
    await revokeLiveTokens(
      trx,
      lines.map((l) => l.subscription_id),
      now,
      'mapped',
    );
    // E-mails still waiting are withdrawn; one a worker is sending right now is re-checked by it.
    const withdrawn = await supersedePendingSends(
      trx,
      lines.map((l) => l.subscription_id),
      now,
      'withdrawn',
    );
    await admin(organizationId);
    const actor = { userId: null, label: `${input.confirmedBy.name} <${input.confirmedBy.email}>` };
    // A contact still waiting for another organization's approval is answered by this mapping.
    const withdrawnRequests = await withdrawPendingJoinRequests(trx, order.id, now, actor.label);
    await appendAudit(
      trx,
      now,
      actor,
      withdrawnRequests.map((r) => ({
        action: 'join_request.withdrawn' as const,
        organizationId: r.organization_id,
        data: { joinRequestId: r.id, orderId: order.id, webOrderId: order.web_order_id },
      })),
    );
    await recordLineEvents(trx, deps, now, actor, [
      ...withdrawn.map((send) => ({
        type: 'provisioning_email.withdrawn' as const,
        orderId: order.id,
        subscriptionId: send.subscription_id,
        data: { sendId: send.id, to: send.to_email, detail: send.status_detail },
      })),
      {
        type: 'order.mapped',
        orderId: order.id,
        data: { organizationId, ...(input.setUpBy ? { setUpBy: input.setUpBy } : {}) },
      },
      ...live.map((l) => ({
        type: 'line.provisioned' as const,
        orderId: order.id,
        subscriptionId: l.subscription_id,
        data: { organizationId },
      })),
    ]);
    return {
      orderId: order.id,
      organizationId,
      subscriptionIds: live.map((l) => l.subscription_id),
    };
  }
}
