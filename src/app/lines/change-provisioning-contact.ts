/**
 * Change the provisioning contact of one line, or of every line of its order, until the PONR.
 * After the RSD the old link stops working and a new address gets a fresh e-mail at once; a new
 * name or language on the same address only updates the line (the live link stays, nothing is sent).
 * The caller counts the change against the user's limit first (`limitContactChange`).
 * All lines change in one transaction or none does.
 */
import type { Transaction } from 'kysely';

import { AppError } from '../../domain/errors.js';
import type { ContactChangeVia } from '../../domain/line-events.js';
import { nextDueAt, transition } from '../../domain/line-state-machine.js';
import type { Actor, ProvisioningContact } from '../../domain/types.js';
import { lineStateColumns, toLineState, updateLine } from '../../store/line-repository.js';
import { inTransaction } from '../../store/run-transaction.js';
import type { Database, SubscriptionLineRow } from '../../store/schema.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';
import { lockOrderForChange, withPonrDetails } from '../orders/lock-order-for-change.js';
import { loadOrderEmailContext } from './order-email-context.js';
import { queueProvisioningEmails } from './queue-provisioning-email.js';
import { recordLineEvents } from './record-line-events.js';

export interface ContactChangeResult {
  updated: { subscriptionId: string; sendId: string | null }[];
  /** Lines left as they were under applyToAllLines, and why. */
  skipped: { subscriptionId: string; code: 'LINE_CANCELLED' | 'UNCHANGED' }[];
}

type ContactColumns = { contact_name: string; contact_email: string; contact_language: string };

/** Addresses compare case aside: `Anna@X.it` and `anna@x.it` are one mailbox for this purpose. */
const sameAddress = (a: ProvisioningContact, b: ContactColumns) =>
  a.email.toLowerCase() === b.contact_email.toLowerCase();

const sameContact = (a: ProvisioningContact, b: ContactColumns) =>
  a.name === b.contact_name && sameAddress(a, b) && a.language === b.contact_language;

export async function changeProvisioningContact(
  deps: AppDeps,
  actor: Actor,
  input: {
    subscriptionId: string;
    contact: ProvisioningContact;
    applyToAllLines: boolean;
    /** Other lines selected with it (a bulk change): those of the same order change with it. */
    alsoLines?: string[];
  },
  /** Run inside a caller's transaction (a support case acting on behalf) instead of a new one. */
  within?: Transaction<Database>,
): Promise<ContactChangeResult> {
  const run = async (trx: Transaction<Database>) => {
    const now = deps.clock.now();
    const { order, lines, line } = await lockOrderForChange(trx, deps, actor, input.subscriptionId);
    const also = new Set(input.alsoLines);
    const targets = input.applyToAllLines
      ? lines
      : [line, ...lines.filter((l) => l !== line && also.has(l.subscription_id))];
    const toEmail: { line: SubscriptionLineRow; sendId: string }[] = [];
    const result: ContactChangeResult = { updated: [], skipped: [] };
    const audit = auditActorOf(actor);
    // A support agent acts for a customer (on a case or from the workspace); anyone else here is
    // partner or distributor staff.
    const via: ContactChangeVia = actor.role === 'support_agent' ? 'support' : 'partner';

    for (const target of targets) {
      const isNamedLine = target.subscription_id === line.subscription_id;
      if (target.status === 'cancelled' && !isNamedLine) {
        result.skipped.push({ subscriptionId: target.subscription_id, code: 'LINE_CANCELLED' });
        continue;
      }
      const changed = !sameContact(input.contact, target);
      const outcome = withPonrDetails(deps, order, () =>
        transition(
          toLineState(target, order.mapped_at),
          {
            type: 'change_contact',
            contactChanged: changed,
            addressChanged: !sameAddress(input.contact, target),
          },
          now,
          deps.settings.policy,
        ),
      );
      if (!outcome.changed) {
        result.skipped.push({ subscriptionId: target.subscription_id, code: 'UNCHANGED' });
        continue;
      }
      const updated = {
        ...target,
        contact_name: input.contact.name,
        contact_email: input.contact.email,
        contact_language: input.contact.language,
      };
      await updateLine(trx, target.subscription_id, {
        contact_name: updated.contact_name,
        contact_email: updated.contact_email,
        contact_language: updated.contact_language,
        ...lineStateColumns(target, outcome.state, nextDueAt(outcome.state, deps.settings.policy), now),
      });
      const from = {
        name: target.contact_name,
        email: target.contact_email,
        language: target.contact_language,
      };
      // The send is named first so the change's event can say which e-mail went to the new contact.
      const sendId = outcome.effects.some((e) => e.type === 'queue_provisioning_email')
        ? deps.ids.newId('snd')
        : null;
      await recordLineEvents(trx, deps, now, audit, [
        {
          type: 'provisioning_contact.changed',
          orderId: order.id,
          subscriptionId: target.subscription_id,
          data: { from, to: input.contact, applyToAllLines: input.applyToAllLines, via, sendId },
        },
      ]);
      if (sendId) toEmail.push({ line: updated, sendId });
      result.updated.push({ subscriptionId: target.subscription_id, sendId });
    }
    if (toEmail.length > 0) {
      // Loaded after the change: one e-mail lists every line the new contact provisions.
      const context = await loadOrderEmailContext(trx, order.id);
      await queueProvisioningEmails(
        trx,
        deps,
        { actor: audit, now },
        toEmail.map(({ line: updated, sendId }) => ({
          order,
          line: updated,
          reason: 'contact_change' as const,
          context,
          sendId,
        })),
      );
    }
    if (result.updated.length === 0 && result.skipped.every((s) => s.code === 'LINE_CANCELLED')) {
      throw new AppError('LINE_CANCELLED');
    }
    return result;
  };
  return within ? run(within) : inTransaction(deps, run);
}
