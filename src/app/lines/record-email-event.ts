/**
 * Delivery reports after the SMTP hand-off: the mail provider (or a DSN it forwards) says a
 * provisioning e-mail bounced, was delivered, or failed. The send's status follows, and a change
 * is written to the line's timeline. Reports are retried by providers, so the same report twice
 * changes nothing the second time. A bounce tells the person who placed the order at once
 * (queue-bounce-notice.ts). A bounce of an invitation e-mail marks the invitation bounced.
 */
import type { Transaction } from 'kysely';

import { AppError } from '../../domain/errors.js';
import type { SendStatus } from '../../domain/types.js';
import { messageKeyOf } from '../../email/message-id.js';
import { appendAudit, SYSTEM_ACTOR } from '../../store/audit-repository.js';
import { lockInvitationByMessageKey, setInvitationBounced } from '../../store/invitation-repository.js';
import { sendIdOfMessage } from '../../store/outbox-repository.js';
import { inTransaction } from '../../store/run-transaction.js';
import type { Database } from '../../store/schema.js';
import { lockSend, setSendStatus } from '../../store/send-repository.js';
import type { AppDeps } from '../deps.js';
import { queueBounceNotice } from './queue-bounce-notice.js';
import { recordLineEvents } from './record-line-events.js';

/** `delayed`: a transient DSN (4.x.x); recorded nowhere, the provider keeps trying. */
export type EmailEventType = 'bounced' | 'delivered' | 'failed' | 'delayed';

export interface EmailEvent {
  type: EmailEventType;
  /** Which e-mail: the Message-ID we sent (e.g. `<snd_abc@onramp.example>`), or the send id. */
  ref: { messageId: string } | { sendId: string };
  /** The provider's words: SMTP reply, DSN status and diagnostic. */
  detail?: string | undefined;
}

export interface RecordedEmailEvent {
  /** The provisioning e-mail's send id; for an invitation e-mail, its message key. */
  sendId: string;
  status: SendStatus;
  /** False when the report repeated what was known (or was only a delay). */
  changed: boolean;
}

/** What a report makes of the current status; null: no change. */
function nextStatus(current: SendStatus, type: EmailEventType): SendStatus | null {
  switch (type) {
    case 'bounced':
    case 'failed':
      return type;
    case 'delivered':
      // A late "delivered" does not undo a bounce; it only confirms (or overtakes) our own "sent".
      return current === 'queued' || current === 'sent' ? 'sent' : null;
    case 'delayed':
      return null;
  }
}

/**
 * A report on an invitation e-mail (its newest message): a bounce (or a permanent failure) marks
 * the invitation bounced, so admins see it did not arrive; anything else changes nothing.
 */
async function recordInvitationEvent(
  trx: Transaction<Database>,
  deps: AppDeps,
  messageKey: string,
  event: EmailEvent,
): Promise<RecordedEmailEvent | null> {
  const invitation = await lockInvitationByMessageKey(trx, messageKey);
  if (!invitation) return null;
  const bounce = event.type === 'bounced' || event.type === 'failed';
  if (!bounce || invitation.bounced_at || invitation.accepted_at || invitation.revoked_at)
    return { sendId: messageKey, status: invitation.bounced_at ? 'bounced' : 'sent', changed: false };
  const now = deps.clock.now();
  await setInvitationBounced(trx, invitation.id, now);
  await appendAudit(trx, now, SYSTEM_ACTOR, [
    {
      action: 'invitation.bounced',
      organizationId: invitation.organization_id,
      data: { invitationId: invitation.id, email: invitation.email, detail: event.detail ?? null },
    },
  ]);
  return { sendId: messageKey, status: 'bounced', changed: true };
}

export async function recordEmailEvent(deps: AppDeps, event: EmailEvent): Promise<RecordedEmailEvent> {
  return inTransaction(deps, async (trx) => {
    const messageKey = 'messageId' in event.ref ? messageKeyOf(event.ref.messageId) : null;
    const sendId = 'sendId' in event.ref ? event.ref.sendId : await sendIdOfMessage(trx, messageKey!);
    const named = sendId ? await lockSend(trx, sendId) : undefined;
    // A report on any line's send is about the e-mail it shared: its lead's status is theirs.
    const send = named?.lead_send_id ? await lockSend(trx, named.lead_send_id) : named;
    if (!send && messageKey) {
      const invitation = await recordInvitationEvent(trx, deps, messageKey, event);
      if (invitation) return invitation;
    }
    if (!send) throw new AppError('NOT_FOUND', event.ref);

    const status = nextStatus(send.status, event.type);
    // "delivered" without words keeps our server's response as the detail.
    const detail = event.detail ?? (event.type === 'delivered' ? send.status_detail : null);
    // (A delay has no next status: the provider keeps trying, nothing is recorded.)
    if (
      status === null ||
      event.type === 'delayed' ||
      (status === send.status && detail === send.status_detail)
    )
      return { sendId: send.id, status: send.status, changed: false };

    const now = deps.clock.now();
    // Every line the e-mail listed follows (their sends share it: `lead_send_id`).
    const type = `provisioning_email.${event.type}` as const;
    const sends = await setSendStatus(trx, send.id, status, detail, now);
    await recordLineEvents(
      trx,
      deps,
      now,
      SYSTEM_ACTOR,
      sends.map((s) => ({
        type,
        subscriptionId: s.subscription_id,
        data: { sendId: s.id, to: s.to_email, detail },
      })),
    );
    // The person who placed the order learns at once that the contact has no link (once per e-mail).
    if (status === 'bounced') await queueBounceNotice(trx, deps, now, send, sends, detail);
    return { sendId: send.id, status, changed: true };
  });
}
