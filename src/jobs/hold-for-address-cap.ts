/**
 * The dispatcher's per-address cap: before claimed provisioning e-mails go out, each recipient
 * address's deliveries in the last hour are counted (across all partners). Rows past the cap are
 * not dropped: they are given back, due when the address has room, and the line's history says
 * so (`provisioning_email.waiting`). Other e-mails (invitations, password links) are not capped.
 *
 * The count reads delivered rows, so two lanes or workers claiming e-mails to one address in the
 * same instant may each send up to the cap before either has recorded its deliveries.
 */
import type { AppDeps } from '../app/deps.js';
import { recordLineEvents } from '../app/lines/record-line-events.js';
import {
  ADDRESS_CAP_WINDOW_MS,
  DEFAULT_EMAILS_PER_ADDRESS_PER_HOUR,
  scheduleForAddressCap,
} from '../domain/address-cap.js';
import type { LineEventAt } from '../domain/line-events.js';
import {
  deliveriesToAddresses,
  followersOfSends,
  holdClaimedRow,
  recipientsOfSends,
  type SendRecipient,
} from '../store/address-cap-repository.js';
import { SYSTEM_ACTOR } from '../store/audit-repository.js';
import type { OutboxRow } from '../store/outbox-repository.js';

interface Held {
  row: OutboxRow;
  recipient: SendRecipient;
  until: Date;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The claimed rows that may go now; the others are held back (and their lines told) before it returns. */
export async function holdForAddressCap<R extends OutboxRow>(deps: AppDeps, rows: R[]): Promise<R[]> {
  const sendIds = rows.flatMap((r) => (r.send_id ? [r.send_id] : []));
  if (sendIds.length === 0) return rows;
  const limit = deps.settings.provisioningEmailsPerAddressPerHour ?? DEFAULT_EMAILS_PER_ADDRESS_PER_HOUR;
  const now = deps.clock.now();
  const recipients = new Map((await recipientsOfSends(deps.db, sendIds)).map((r) => [r.sendId, r]));
  const claimed = rows.flatMap((row) => {
    const recipient = row.send_id ? recipients.get(row.send_id) : undefined;
    return recipient ? [{ row, recipient }] : [];
  });
  const byAddress = groupBy(claimed, (c) => c.recipient.address);
  const since = new Date(now.getTime() - ADDRESS_CAP_WINDOW_MS);
  const delivered = groupBy(
    await deliveriesToAddresses(deps.db, [...byAddress.keys()], since),
    (d) => d.address,
  );

  const held: Held[] = [];
  for (const [address, due] of byAddress) {
    const instants = (delivered.get(address) ?? []).map((d) => d.at);
    const { goNow, later } = scheduleForAddressCap(instants, due.length, limit, now);
    later.forEach((until, i) => held.push({ ...due[goNow + i]!, until }));
  }
  if (held.length === 0) return rows;

  await deps.db.transaction().execute(async (trx) => {
    const events: LineEventAt[] = [];
    // Every line the e-mail lists waits with it, and each line's history says so.
    const followers = await followersOfSends(
      trx,
      held.map((h) => h.recipient.sendId),
    );
    for (const h of held) {
      if (!(await holdClaimedRow(trx, Number(h.row.id), h.until))) continue;
      const { sendId, subscriptionId, toEmail } = h.recipient;
      for (const send of [{ sendId, subscriptionId }, ...(followers.get(sendId) ?? [])])
        events.push({
          type: 'provisioning_email.waiting',
          subscriptionId: send.subscriptionId,
          data: { sendId: send.sendId, to: toEmail, limit, until: h.until.toISOString() },
        });
    }
    await recordLineEvents(trx, deps, now, SYSTEM_ACTOR, events);
  });
  const heldIds = new Set(held.map((h) => h.row.id));
  return rows.filter((r) => !heldIds.has(r.id));
}
