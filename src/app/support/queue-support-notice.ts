/**
 * Queues the e-mail that tells a case's requester the case was opened, answered, resolved or closed, in
 * the caller's transaction (the outbox). A provisioning contact has no account: each e-mail
 * carries a fresh key in its case link and the previous link stops working, as with setup links
 * ("use the most recent e-mail"). Only the key's SHA-256 is stored.
 */
import type { Transaction } from 'kysely';

import { reopenableUntil, type SupportNoticeEvent } from '../../domain/support-case-thread.js';
import { enqueueEmail } from '../../store/outbox-repository.js';
import type { Database } from '../../store/schema.js';
import { setCaseAccessKeyHash, type SupportCaseRow } from '../../store/support-case-repository.js';
import { type AppDeps, hashToken } from '../deps.js';

/** Where a requester reads a case; a contact's link carries the key. */
export function caseUrlOf(deps: AppDeps, caseId: string, key?: string): string {
  const base = `${deps.settings.publicUrl}/support/cases/${encodeURIComponent(caseId)}`;
  return key ? `${base}?key=${encodeURIComponent(key)}` : base;
}

export async function queueSupportNotice(
  trx: Transaction<Database>,
  deps: AppDeps,
  supportCase: Pick<
    SupportCaseRow,
    'id' | 'requester_user_id' | 'requester_name' | 'requester_email' | 'requester_language'
  >,
  event: SupportNoticeEvent,
  now: Date,
  body?: string,
): Promise<void> {
  let key: string | undefined;
  if (supportCase.requester_user_id === null) {
    key = deps.ids.newToken();
    await setCaseAccessKeyHash(trx, supportCase.id, hashToken(key));
  }
  await enqueueEmail(trx, now, {
    template: 'support-notice',
    messageKey: deps.ids.newId('csn'),
    input: {
      language: supportCase.requester_language,
      to: { name: supportCase.requester_name, email: supportCase.requester_email },
      caseId: supportCase.id,
      secrets: { caseUrl: caseUrlOf(deps, supportCase.id, key) },
      event,
      ...(body ? { body } : {}),
      ...(event === 'resolved' || event === 'closed'
        ? { reopenableUntil: reopenableUntil(now).toISOString() }
        : {}),
    },
  });
}
