/**
 * "Another person in my company will set up the service": from a setup link, the provisioning
 * contact names a colleague, who becomes the provisioning contact of every line of the order
 * this contact handles and gets a fresh e-mail (the domain's contact change, so its rules apply:
 * a line before its RSD just changes contact). This link and the contact's other links stop
 * working (revoked as 'delegated'). The audit trail names the contact as the actor.
 */
import { AppError } from '../domain/errors.js';
import { nextDueAt, transition } from '../domain/line-state-machine.js';
import type { ProvisioningContact } from '../domain/types.js';
import { appendAudit, type AuditActor } from '../store/audit-repository.js';
import { lineStateColumns, toLineState, updateLine } from '../store/line-repository.js';
import type { SubscriptionLineRow } from '../store/schema.js';
import { revokeLiveTokens } from '../store/setup-token-repository.js';
import type { AppDeps } from './deps.js';
import { lockSetupLink, setupTokenHash } from './lock-setup-link.js';
import { loadOrderEmailContext, queueProvisioningEmail } from './queue-provisioning-email.js';

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
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const { order, line, lines } = await lockSetupLink(trx, deps, setupTokenHash(token), now);
    const from = { name: line.contact_name, email: line.contact_email, language: line.contact_language };
    if (sameAddress(person.email, from.email))
      throw new AppError('INVALID_INPUT', {
        issues: [{ path: 'email', message: 'is your own address: to set up the service yourself, go on' }],
      });
    const actor: AuditActor = { userId: null, label: `${from.name} <${from.email}>` };
    const targets = lines.filter((l) => l.status !== 'cancelled' && sameAddress(l.contact_email, from.email));
    await revokeLiveTokens(
      trx,
      targets.map((l) => l.subscription_id),
      now,
      'delegated',
    );

    const toEmail: SubscriptionLineRow[] = [];
    const result: DelegatedSetup = { delegatedTo: person, updated: [] };
    for (const target of targets) {
      const outcome = transition(
        toLineState(target, order.mapped_at),
        { type: 'change_contact', contactChanged: true },
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
      await appendAudit(trx, now, actor, [
        {
          action: 'provisioning_contact.changed',
          orderId: order.id,
          subscriptionId: target.subscription_id,
          data: { from, to: person, delegated: true },
        },
      ]);
      if (outcome.effects.some((e) => e.type === 'queue_provisioning_email')) toEmail.push(updated);
      else result.updated.push({ subscriptionId: target.subscription_id, sendId: null });
    }

    // Loaded after the change, so each e-mail lists every line the colleague now provisions.
    const context = await loadOrderEmailContext(trx, order.id);
    for (const updated of toEmail) {
      const send = await queueProvisioningEmail(trx, deps, {
        order,
        line: updated,
        reason: 'contact_change',
        actor,
        context,
        now,
      });
      result.updated.push({ subscriptionId: updated.subscription_id, sendId: send.sendId });
    }
    await appendAudit(trx, now, actor, [
      {
        action: 'setup.delegated',
        orderId: order.id,
        data: { from: from.email, to: person.email, lines: targets.map((l) => l.subscription_id) },
      },
    ]);
    return result;
  });
}
