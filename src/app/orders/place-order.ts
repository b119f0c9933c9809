/**
 * Place an order for an end customer: the order and its subscription lines, all Booked, each
 * due at its RSD. Validated in full before anything is written; written in one transaction.
 */
import type { Transaction } from 'kysely';
import { z } from 'zod';

import { displayName, personName } from '../../domain/display-name.js';
import { AppError } from '../../domain/errors.js';
import { rsdInstant } from '../../domain/policy.js';
import { type Actor, LANGUAGES } from '../../domain/types.js';
import { insertLines, nextSubscriptionIds } from '../../store/line-repository.js';
import { listOffers, type OfferRow, shareLockOffers } from '../../store/offer-repository.js';
import { insertOrder } from '../../store/order-repository.js';
import { organizationKind } from '../../store/organization-repository.js';
import type { Database } from '../../store/schema.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';
import { recordLineEvents } from '../lines/record-line-events.js';

const isoDate = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });

export const provisioningContactSchema = z.object({
  name: personName,
  email: z.email({ error: 'must be a valid e-mail address' }).max(254),
  language: z.enum(LANGUAGES).default('en'),
});

export const placeOrderSchema = z.object({
  webOrderId: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(64)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'may hold letters, digits, dot, dash and underscore'),
  endCustomerName: displayName(),
  rsd: isoDate,
  distributorId: z.string().min(1).max(64).optional(),
  lines: z
    .array(
      z.object({
        offerCode: z.string().trim().min(1, 'is required').max(40),
        quantity: z.number().int('must be a whole number').min(1).max(1_000_000),
        rsd: isoDate.optional(),
        provisioningContact: provisioningContactSchema,
      }),
    )
    .min(1, 'an order needs at least one line')
    .max(1000),
});

export type PlaceOrderInput = z.infer<typeof placeOrderSchema>;

export interface PlacedOrder {
  orderId: string;
  webOrderId: string;
  subscriptionIds: string[];
}

const UNIQUE_VIOLATION = '23505';

type Issue = { path: string; message: string };

/** Lines whose offer is unknown or retired; the import reports the same words. */
export function offerIssues(
  input: PlaceOrderInput,
  offers: ReadonlyMap<string, Pick<OfferRow, 'active'>>,
): Issue[] {
  return input.lines.flatMap((line, i) => {
    const offer = offers.get(line.offerCode);
    if (!offer) return [{ path: `lines.${i}.offerCode`, message: `unknown offer "${line.offerCode}"` }];
    if (!offer.active)
      return [{ path: `lines.${i}.offerCode`, message: `offer ${line.offerCode} is retired` }];
    return [];
  });
}

/** Checks that need the database; every problem is reported, not just the first. */
async function validateAgainstStore(deps: AppDeps, actor: Actor, input: PlaceOrderInput): Promise<void> {
  const issues: Issue[] = [];
  const today = deps.clock.now().toISOString().slice(0, 10);
  const offers = new Map((await listOffers(deps.db)).map((o) => [o.code, o]));
  if (input.rsd < today) issues.push({ path: 'rsd', message: `must not be in the past (today is ${today})` });
  issues.push(...offerIssues(input, offers));
  input.lines.forEach((line, i) => {
    if (line.rsd !== undefined && line.rsd < today)
      issues.push({ path: `lines.${i}.rsd`, message: `must not be in the past (today is ${today})` });
  });
  if (input.distributorId !== undefined) {
    if ((await organizationKind(deps.db, input.distributorId)) !== 'distributor')
      issues.push({ path: 'distributorId', message: 'is not a known distributor' });
  }
  if (issues.length > 0) throw new AppError('INVALID_INPUT', { issues });
  if (actor.role !== 'partner_user' && actor.role !== 'partner_admin') {
    throw new AppError('NO_ACCESS', { reason: 'only partner users place orders' });
  }
}

export async function placeOrder(deps: AppDeps, actor: Actor, input: PlaceOrderInput): Promise<PlacedOrder> {
  await validateAgainstStore(deps, actor, input);
  try {
    return await deps.db
      .transaction()
      .execute((trx) => writeOrder(trx, deps, actor, input, deps.clock.now()));
  } catch (e) {
    if ((e as { code?: string }).code === UNIQUE_VIOLATION) {
      throw new AppError('DUPLICATE_WEB_ORDER_ID', { webOrderId: input.webOrderId });
    }
    throw e;
  }
}

/**
 * Writes a validated order and its Booked lines inside the caller's transaction (the import
 * writes many in one). The caller has checked the input against the store and the actor's role.
 * The offers are checked again here, share-locked: an offer retired since the first check refuses
 * the order, and each line records the policy period its offer has now (it keeps it).
 */
export async function writeOrder(
  trx: Transaction<Database>,
  deps: AppDeps,
  actor: Actor,
  input: PlaceOrderInput,
  now: Date,
): Promise<PlacedOrder> {
  const offers = await shareLockOffers(
    trx,
    input.lines.map((l) => l.offerCode),
  );
  const issues = offerIssues(input, offers);
  if (issues.length > 0) throw new AppError('INVALID_INPUT', { issues });
  const orderId = deps.ids.newId('ord');
  await insertOrder(trx, {
    id: orderId,
    web_order_id: input.webOrderId,
    partner_id: actor.organizationId,
    distributor_id: input.distributorId ?? null,
    placed_by_user_id: actor.userId,
    end_customer_name: input.endCustomerName,
    submitted_at: now,
  });
  const ids = await nextSubscriptionIds(trx, input.lines.length);
  await insertLines(
    trx,
    input.lines.map((line, i) => {
      const rsd = line.rsd ?? input.rsd;
      const rsdAt = rsdInstant(deps.settings.policy, rsd);
      return {
        subscription_id: ids[i]!,
        order_id: orderId,
        line_no: i + 1,
        offer_code: line.offerCode,
        // null only while the catalogue is unseeded; the start-up seeding fills it then
        policy_days: offers.get(line.offerCode)!.policy_days,
        quantity: line.quantity,
        rsd,
        status: 'booked' as const,
        contact_name: line.provisioningContact.name,
        contact_email: line.provisioningContact.email,
        contact_language: line.provisioningContact.language,
        rsd_at: rsdAt,
        next_action_at: rsdAt,
        created_at: now,
        updated_at: now,
      };
    }),
  );
  await recordLineEvents(trx, deps, now, auditActorOf(actor), [
    { type: 'order.placed', orderId, data: { webOrderId: input.webOrderId, lines: ids } },
    ...ids.map((id, i) => ({
      type: 'line.created' as const,
      orderId,
      subscriptionId: id,
      data: {
        offerCode: input.lines[i]!.offerCode,
        quantity: input.lines[i]!.quantity,
        rsd: input.lines[i]!.rsd ?? input.rsd,
      },
    })),
  ]);
  return { orderId, webOrderId: input.webOrderId, subscriptionIds: ids };
}
