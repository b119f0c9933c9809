/**
 * The daily digest: once a day, from DIGEST_HOUR_UTC on, each person who placed orders (or a
 * partner admin of that partner, when the placer is deactivated) gets one e-mail listing their
 * lines closing within DIGEST_WITHIN_DAYS and their lines whose provisioning e-mail bounced or
 * failed, each with a link to its page. Nothing to list, or the digest turned off: no e-mail.
 *
 * Like the due lines, recipients are claimed in small batches: their user rows locked with SKIP
 * LOCKED, and a `digest_sent` row keyed by user and UTC day written in the transaction that
 * queues the e-mail. Two workers, or a worker restarted mid-run, never send anyone two digests of
 * one day.
 */
import type { AppDeps } from '../app/deps.js';
import type { DigestLine } from '../email/email-types.js';
import {
  digestCandidates,
  type DigestLineRow,
  digestLinesOf,
  lockDigestUsers,
  recordDigests,
} from '../store/digest-repository.js';
import { enqueueEmail, type QueuedEmail } from '../store/outbox-repository.js';
import { inTransaction } from '../store/run-transaction.js';
import { addresseesOf } from '../store/user-repository.js';

const DAY_MS = 86_400_000;
/** The hour (UTC) from which the day's digests go out, when DIGEST_HOUR_UTC is not set. */
export const DEFAULT_DIGEST_HOUR_UTC = 7;
/** "Closing soon": within this many days. */
export const DIGEST_WITHIN_DAYS = 3;
/** Lines listed per section; the rest are counted and linked to the Subscriptions page filtered. */
export const DIGEST_LIST_MAX = 20;

export interface DigestSummary {
  /** The UTC day the run was for (YYYY-MM-DD). */
  day: string;
  /** False before the day's send hour: nothing was looked at. */
  due: boolean;
  /** Digests queued by this run. */
  sent: number;
  /** Every recipient due was served (by this run or another worker); false: look again. */
  complete: boolean;
}

function digestLine(row: DigestLineRow, publicUrl: string): DigestLine {
  return {
    subscriptionId: row.subscriptionId,
    webOrderId: row.webOrderId,
    endCustomerName: row.endCustomerName,
    offerName: row.offerName,
    contactEmail: row.deliveryProblem ? (row.sendTo ?? row.contactEmail) : row.contactEmail,
    ...(row.closingSoon ? { closesAt: row.closesAt.toISOString() } : {}),
    ...(row.deliveryProblem ? { sendStatus: row.sendStatus === 'bounced' ? 'bounced' : 'failed' } : {}),
    url: `${publicUrl}/subscriptions/${encodeURIComponent(row.subscriptionId)}`,
  } as DigestLine;
}

/** One batch in one transaction: lock, read what to list, record, queue. Returns [queued, locked]. */
async function sendBatch(
  deps: AppDeps,
  userIds: string[],
  at: { now: Date; horizon: Date; day: string },
): Promise<[number, number]> {
  const url = deps.settings.publicUrl;
  return inTransaction(deps, async (trx) => {
    const locked = await lockDigestUsers(trx, userIds);
    const rows = await digestLinesOf(trx, locked, at);
    const byUser = new Map<string, DigestLineRow[]>();
    for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
    // A user whose lines were set up since the candidates were read has nothing left: no row, no e-mail.
    const recorded = await recordDigests(
      trx,
      [...byUser].map(([userId, lines]) => ({
        userId,
        lines: new Set(lines.map((l) => l.subscriptionId)).size,
      })),
      at.day,
      at.now,
    );
    if (recorded.size === 0) return [0, locked.length];
    const people = await addresseesOf(trx, [...recorded]);
    const emails = [...recorded].map((userId): QueuedEmail => {
      const person = people.get(userId)!;
      const lines = byUser.get(userId)!;
      const closing = lines.filter((l) => l.closingSoon);
      const problems = lines.filter((l) => l.deliveryProblem);
      return {
        template: 'daily-digest',
        messageKey: `digest_${userId}_${at.day}`,
        input: {
          language: person.language,
          to: { name: person.name, email: person.email },
          closingSoon: closing.slice(0, DIGEST_LIST_MAX).map((l) => digestLine(l, url)),
          deliveryProblems: problems.slice(0, DIGEST_LIST_MAX).map((l) => digestLine(l, url)),
          moreClosingSoon: Math.max(0, closing.length - DIGEST_LIST_MAX),
          moreDeliveryProblems: Math.max(0, problems.length - DIGEST_LIST_MAX),
          withinDays: DIGEST_WITHIN_DAYS,
          closingSoonUrl: `${url}/subscriptions?closingWithinDays=${DIGEST_WITHIN_DAYS}`,
          deliveryProblemsUrl: `${url}/subscriptions?deliveryProblem=true`,
          accountUrl: `${url}/settings/account`,
        },
      };
    });
    await enqueueEmail(trx, at.now, emails);
    return [emails.length, locked.length];
  });
}

/** Sends the digests of `now`'s UTC day still due (none before the send hour); says what it did. */
export async function sendDailyDigests(
  deps: AppDeps,
  opts: { now?: Date; batchSize?: number; onQueued?: () => void } = {},
): Promise<DigestSummary> {
  const now = opts.now ?? deps.clock.now();
  const day = now.toISOString().slice(0, 10);
  const hour = deps.settings.dailyDigestHourUtc ?? DEFAULT_DIGEST_HOUR_UTC;
  if (now.getUTCHours() < hour) return { day, due: false, sent: 0, complete: false };
  const at = { now, horizon: new Date(now.getTime() + DIGEST_WITHIN_DAYS * DAY_MS), day };
  const batchSize = opts.batchSize ?? 50;
  let sent = 0;
  for (;;) {
    const candidates = await digestCandidates(deps.db, at, batchSize);
    if (candidates.length === 0) return { day, due: true, sent, complete: true };
    const [queued, locked] = await sendBatch(deps, candidates, at);
    sent += queued;
    if (queued > 0) opts.onQueued?.();
    // Candidates held by another worker: it is sending theirs, or it rolls back and they are still
    // due; either way the next pass looks again.
    if (locked === 0) return { day, due: true, sent, complete: false };
    if (candidates.length < batchSize)
      return { day, due: true, sent, complete: locked === candidates.length };
  }
}
