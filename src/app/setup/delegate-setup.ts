/**
 * "Another person in my company will set up the service": from a setup link, the provisioning
 * contact names a colleague, who becomes the provisioning contact of every line of the order
 * this contact handles and gets a fresh e-mail (the domain's contact change, so its rules apply:
 * a line before its RSD just changes contact). This link and the contact's other links stop
 * working (revoked as 'delegated'). Each line records a contact change `via: 'delegation'` with
 * the delegating contact as the actor: on its timeline and to the partner's webhooks.
 */
import { AppError } from '../../domain/errors.js';
import type { LineEventAt } from '../../domain/line-events.js';
import { nextDueAt, transition } from '../../domain/line-state-machine.js';
import type { ProvisioningContact } from '../../domain/types.js';
import type { AuditActor } from '../../store/audit-repository.js';
import { lineStateColumns, toLineState, updateLine } from '../../store/line-repository.js';
import { inTransaction } from '../../store/run-transaction.js';
import type { SubscriptionLineRow } from '../../store/schema.js';
import { revokeLinksOfAddress } from '../../store/setup-token-repository.js';
import type { AppDeps } from '../deps.js';
import { loadOrderEmailContext } from '../lines/order-email-context.js';
import { queueProvisioningEmails } from '../lines/queue-provisioning-email.js';
import { recordLineEvents } from '../lines/record-line-events.js';
import { lockSetupLink, setupTokenHash } from './lock-setup-link.js';

export interface DelegatedSetup {
  delegatedTo: ProvisioningContact;
  updated: { subscriptionId: string; sendId: string | null }[];
}

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export async function delegateSetup(
  deps: AppDeps,
  token: string,
  person: ProvisioningContact,
): Promise<DelegatedSetup> {
  return inTransaction(deps, async (trx) => {
    const now = deps.clock.now();
    const { order, line, lines } = await lockSetupLink(trx, deps, setupTokenHash(token), now);
    const from = { name: line.contact_name, email: line.contact_email, language: line.contact_language };
    if (sameAddress(person.email, from.email))
      throw new AppError('INVALID_INPUT', {
        issues: [{ path: 'email', message: 'is your own address: to set up the service yourself, go on' }],
      });
    const actor: AuditActor = { userId: null, label: `${from.name} <${from.email}>` };
    const targets = lines.filter((l) => l.status !== 'cancelled' && sameAddress(l.contact_email, from.email));
    await revokeLinksOfAddress(trx, { orderId: order.id, email: from.email }, now, 'delegated');

    const toEmail: { line: SubscriptionLineRow; sendId: string }[] = [];
    const result: DelegatedSetup = { delegatedTo: person, updated: [] };
    const events: LineEventAt[] = [];
    for (const target of targets) {
      const outcome = transition(
        toLineState(target, order.mapped_at),
        { type: 'change_contact', contactChanged: true, addressChanged: true },
        now,
        deps.settings.policy,
      );
      const updated = {
        ...target,
        contact_name: person.name,
        contact_email: person.email,
        contact_language: person.language,
      };
      await updateLine(trx, target.subscription_id, {
        contact_name: person.name,
        contact_email: person.email,
        contact_language: person.language,
        ...lineStateColumns(target, outcome.state, nextDueAt(outcome.state, deps.settings.policy), now),
      });
      // The send is named first so the change's event can say which e-mail went to the colleague.
      const sendId = outcome.effects.some((e) => e.type === 'queue_provisioning_email')
        ? deps.ids.newId('snd')
        : null;
      events.push({
        type: 'provisioning_contact.changed',
        orderId: order.id,
        subscriptionId: target.subscription_id,
        data: { from, to: person, applyToAllLines: false, via: 'delegation', sendId },
      });
      if (sendId) toEmail.push({ line: updated, sendId });
      result.updated.push({ subscriptionId: target.subscription_id, sendId });
    }
    // A contact change like any other: on each line's timeline and to the partner's webhooks.
    await recordLineEvents(trx, deps, now, actor, events);

    // Loaded after the change, so the e-mail lists every line the colleague now provisions: one
    // e-mail for all of them.
    const context = await loadOrderEmailContext(trx, order.id);
    await queueProvisioningEmails(
      trx,
      deps,
      { actor, now },
      toEmail.map(({ line: updated, sendId }) => ({
        order,
        line: updated,
        reason: 'contact_change' as const,
        context,
        sendId,
      })),
    );
    return result;
  });
}
