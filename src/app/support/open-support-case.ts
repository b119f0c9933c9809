/**
 * Open a support case ("Resend provisioning email", "Change provisioning contact", "Other") with
 * up to five screenshots. Partner users open cases on orders they can see; a provisioning contact
 * identifies themselves by e-mail address and web order id (or subscription id) and gets the case
 * link by e-mail. Screenshots are checked (type by content, size) before anything is stored; the
 * case, its screenshots, its first event and the requester's e-mail commit together. Limited per
 * requester.
 */
import { createHash } from 'node:crypto';

import type { Transaction } from 'kysely';
import { z } from 'zod';

import { noAccess, orderAccess } from '../../domain/access.js';
import { AppError } from '../../domain/errors.js';
import {
  CASE_TYPES,
  caseNumberOf,
  type CaseType,
  checkScreenshots,
  type ScreenshotUpload,
} from '../../domain/support-case.js';
import type { Actor, Language } from '../../domain/types.js';
import { findContactLine } from '../../store/line-repository.js';
import { findOrderOfLine, findPlacer, ordersWithWebOrderId } from '../../store/order-repository.js';
import type { Database } from '../../store/schema.js';
import {
  appendCaseEvent,
  caseIdTaken,
  insertCase,
  insertScreenshots,
} from '../../store/support-case-repository.js';
import { auditActorOf } from '../actor-label.js';
import { consumeRateLimit, perHour, type RateLimit } from '../consume-rate-limit.js';
import { type AppDeps, hashToken } from '../deps.js';
import { accessFactsOf } from '../orders/describe-order-row.js';
import { queueSupportNotice } from './queue-support-notice.js';

export const openSupportCaseSchema = z.object({
  type: z.enum(CASE_TYPES),
  /** A web order id, or a subscription id (`Sub` + digits) of one of its lines. */
  reference: z.string().trim().min(1, 'is required').max(64),
  description: z.string().trim().min(1, 'is required').max(5000),
});
export type OpenSupportCaseInput = z.infer<typeof openSupportCaseSchema>;

export const contactRequesterSchema = z.object({
  email: z.email('must be a valid e-mail address').max(254),
});

/** A signed-in user, or a provisioning contact known only by the address they typed (and their IP). */
export type CaseRequester = { actor: Actor } | { contactEmail: string; ip: string };

export interface CaseLimits {
  perRequester: RateLimit;
  /** Signed-out requests only: one visitor trying many addresses. */
  perIp: RateLimit;
}

export const DEFAULT_CASE_LIMITS: CaseLimits = { perRequester: perHour(10), perIp: perHour(30) };

const requesterKey = (r: CaseRequester) =>
  'actor' in r
    ? `support-case:user:${r.actor.userId}`
    : `support-case:contact:${createHash('sha256').update(r.contactEmail.toLowerCase()).digest('hex')}`;

/** A random case number not given yet (two alike among ten billion are rare, not impossible). */
async function newCaseId(trx: Transaction<Database>, deps: AppDeps): Promise<string> {
  for (;;) {
    const id = caseNumberOf(deps.ids.newToken());
    if (!(await caseIdTaken(trx, id))) return id;
  }
}

/** `caseId` is null when a contact's address and order do not match: they are told the same either way. */
export async function openSupportCase(
  deps: AppDeps,
  requester: CaseRequester,
  input: { type: CaseType; reference: string; description: string; screenshots: ScreenshotUpload[] },
  limits: CaseLimits = DEFAULT_CASE_LIMITS,
): Promise<{ caseId: string | null }> {
  const screenshots = checkScreenshots(input.screenshots);
  if ('ip' in requester)
    await consumeRateLimit(deps.db, `support-case:ip:${requester.ip}`, limits.perIp, deps.clock.now());
  await consumeRateLimit(deps.db, requesterKey(requester), limits.perRequester, deps.clock.now());

  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const bySubscription = /^Sub\d+$/.test(input.reference);
    const scope = 'actor' in requester ? requester : { contactEmail: requester.contactEmail };
    // A web order id names one order per partner: look only where the requester may look.
    const order = bySubscription
      ? await findOrderOfLine(trx, input.reference)
      : (await ordersWithWebOrderId(trx, input.reference, scope))[0];
    const subscriptionId = bySubscription ? input.reference : null;

    let person: { userId: string | null; name: string; email: string; language: Language };
    if ('actor' in requester) {
      if (!order) throw new AppError('NOT_FOUND', { reference: input.reference });
      const facts = accessFactsOf(order);
      if (orderAccess(requester.actor, facts) === 'none')
        throw noAccess(requester.actor, facts, await findPlacer(trx, order.placed_by_user_id), {
          reference: input.reference,
        });
      const { userId, name, email, language } = requester.actor;
      person = { userId, name, email, language };
    } else {
      if (!order) return { caseId: null };
      const line = await findContactLine(trx, order.id, {
        email: requester.contactEmail,
        subscriptionId,
      });
      if (!line) return { caseId: null };
      person = {
        userId: null,
        name: line.contact_name,
        email: requester.contactEmail,
        language: line.contact_language,
      };
    }

    const caseId = await newCaseId(trx, deps);
    const row = {
      id: caseId,
      type: input.type,
      order_id: order.id,
      subscription_id: subscriptionId,
      description: input.description,
      requester_user_id: person.userId,
      requester_name: person.name,
      requester_email: person.email,
      requester_language: person.language,
      // Replaced by the key of the link in the first e-mail (queueSupportNotice) before commit.
      access_key_hash: person.userId ? null : hashToken(deps.ids.newToken()),
      created_at: now,
      updated_at: now,
    };
    await insertCase(trx, row);
    await insertScreenshots(
      trx,
      caseId,
      // Ids keep the upload order: CS0123456789-1, CS0123456789-2, ...
      screenshots.map((s, i) => ({ ...s, id: `${caseId}-${i + 1}` })),
      now,
    );
    const actor =
      'actor' in requester
        ? auditActorOf(requester.actor)
        : { userId: null, label: `${person.name} <${person.email}>` };
    await appendCaseEvent(trx, caseId, now, actor, {
      kind: 'opened',
      data: { type: input.type, screenshots: screenshots.length },
    });
    await queueSupportNotice(trx, deps, row, 'created', now);
    return { caseId };
  });
}
