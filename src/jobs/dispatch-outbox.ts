/**
 * Drains the e-mail outbox: claims due rows (one SKIP LOCKED statement), renders and sends them
 * over the pooled SMTP connection, and records each outcome. The Message-ID comes from the row's
 * stable key, so a retry after a crash is the same message. Each payload is parsed when claimed:
 * one that does not parse fails at once with the reason (retrying cannot fix it). Link secrets
 * (`input.secrets`) are stored sealed, opened here in memory only, and dropped from the stored
 * payload once the row is finished.
 *
 * The PONR is final for e-mail too: under the claim, just before sending, the provisioning e-mails
 * whose order was set up meanwhile are withdrawn (`withdrawClaimedSends`), with their line event.
 * A withdrawal by a use case never touches a claimed row, so whatever the worker sends is recorded
 * as sent. Every transaction here runs through `inTransaction` (retried on a deadlock).
 */
import type { Logger } from 'pino';

import type { AppDeps } from '../app/deps.js';
import { recordLineEvents } from '../app/lines/record-line-events.js';
import { reserveAheadMs } from '../domain/send-budget.js';
import { type Mailer, MailSendError, renderEmail } from '../email/index.js';
import { messageIdOf } from '../email/message-id.js';
import type { OnrampMetrics } from '../observability/metrics.js';
import { SYSTEM_ACTOR } from '../store/audit-repository.js';
import {
  type EmailPayload,
  type FinishedPayload,
  type OpenEmailPayload,
  parseOutboxPayload,
  retryDeadlineOf,
  scrubEmailPayload,
  sealEmailInput,
  UNPARSED_PAYLOAD,
} from '../store/outbox-payloads.js';
import { claimDue, markFailedAttempt, markManyDone, type OutboxRow } from '../store/outbox-repository.js';
import { inTransaction } from '../store/run-transaction.js';
import { claimDueWithinBudget } from '../store/send-budget-repository.js';
import { setSendStatus, setSendStatuses } from '../store/send-repository.js';
import { withdrawClaimedSends } from '../store/withdraw-sends.js';
import { deferThrottled } from './defer-throttled.js';
import { holdForAddressCap } from './hold-for-address-cap.js';
import { sendInSlots, type SlottedRow, type Wait } from './send-in-slots.js';

export interface OutboxSettings {
  batchSize: number;
  /**
   * Claim-and-send passes run side by side in one worker (1 when absent). While one pass waits
   * for the database (recording, claiming), the other keeps the SMTP connections busy; SKIP
   * LOCKED keeps them on different rows.
   */
  lanes?: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  leaseMs: number;
  /** SMTP_MAX_PER_SECOND: e-mails claim slots of the budget all workers share; absent: unlimited. */
  maxPerSecond?: number | undefined;
}

export interface DispatchDeps extends AppDeps {
  mailer: Mailer;
  outbox: OutboxSettings;
  /** Counts each recorded outcome (onramp_sends_total, and the worker's onramp_auto_closes_total); optional so tests need not build one. */
  metrics?: Pick<OnrampMetrics, 'sendsTotal' | 'smtpThrottledTotal' | 'autoClosesTotal' | 'remindersTotal'>;
  /** How a pass waits for its send slots (send-in-slots.ts); tests move their clock instead. */
  wait?: Wait;
  /** Where a row whose payload does not parse is reported; optional so tests need not build one. */
  log?: Pick<Logger, 'error'>;
}

export interface DispatchSummary {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  /** Claimed but not sent: the order was set up, or the link revoked, while the row was leased. */
  withdrawn: number;
}

async function recordSendStatus(
  deps: AppDeps,
  row: OutboxRow,
  status: 'sent' | 'failed',
  detail: string,
  now: Date,
) {
  if (!row.send_id) return;
  const sends = await setSendStatus(deps.db, row.send_id, status, detail, now);
  await recordLineEvents(
    deps.db,
    deps,
    now,
    SYSTEM_ACTOR,
    sends.map((send) => ({
      type: `provisioning_email.${status}` as const,
      subscriptionId: send.subscription_id,
      data: { sendId: send.id, to: send.to_email, detail },
    })),
  );
}

interface Delivered {
  row: OutboxRow;
  payload: OpenEmailPayload;
  response: string;
}

/** A failed attempt: why, whether retrying could help, and what the row keeps if it fails for good. */
interface Failure {
  error: string;
  permanent: boolean;
  finishedPayload: FinishedPayload | EmailPayload;
  /** Until when the row, failed for good, is retried once SMTP is back (retry-failed-sends.ts). */
  retryUntil?: Date | null;
}

/**
 * What a send that failed keeps: refused for good, nothing secret; failed for want of a server,
 * its payload (secrets sealed) while its link lasts, so it can still go out when SMTP is back.
 */
function failureOf(payload: OpenEmailPayload, error: string, permanent: boolean, now: Date): Failure {
  const retryUntil = retryDeadlineOf(payload.input, now);
  if (permanent || retryUntil <= now)
    return { error, permanent, finishedPayload: scrubEmailPayload(payload) };
  return { error, permanent, finishedPayload: { input: sealEmailInput(payload.input) }, retryUntil };
}

/** Parses, renders and sends one claimed row; a failure is recorded at once, a success is returned. */
async function deliver(
  deps: DispatchDeps,
  row: OutboxRow,
  summary: DispatchSummary,
): Promise<Delivered | null> {
  const parsed = parseOutboxPayload('email', row.payload);
  if (!parsed.ok) {
    deps.log?.error(
      { outboxId: row.id, messageKey: row.message_key, sendId: row.send_id, error: parsed.error },
      'outbox row failed: its payload does not parse',
    );
    const failure = { error: parsed.error, permanent: true, finishedPayload: UNPARSED_PAYLOAD };
    await recordFailedAttempt(deps, row, failure, summary);
    return null;
  }
  const payload = parsed.payload;
  try {
    const rendered = renderEmail(payload.input, { brand: deps.settings.brandName });
    const result = await deps.mailer.send({
      to: payload.input.to,
      ...rendered,
      messageId: messageIdOf(row.message_key, deps.settings.publicUrl),
    });
    return { row, payload, response: result.response };
  } catch (e) {
    if (e instanceof MailSendError && e.throttled) {
      if (await deferThrottled(deps, row, e.message)) summary.retrying++;
      return null;
    }
    // A MailSendError knows; anything else with a code is I/O trouble; a render error is for good.
    const permanent = e instanceof MailSendError ? e.permanent : !(e instanceof Error && 'code' in e);
    const error = e instanceof Error ? e.message : String(e);
    await recordFailedAttempt(deps, row, failureOf(payload, error, permanent, deps.clock.now()), summary);
    return null;
  }
}

/**
 * Records the accepted messages of one pass in one transaction (three statements, however many
 * messages: per-message transactions cost more than the SMTP sends). Outside `deliver`'s try:
 * once the server has accepted a message, a database error while recording it must not count as
 * a failed attempt (let alone a permanent one). The rows stay leased and come back after the
 * lease, with the same Message-ID.
 */
async function recordDelivered(deps: DispatchDeps, delivered: Delivered[], summary: DispatchSummary) {
  if (delivered.length === 0) return;
  const now = deps.clock.now();
  await inTransaction(deps, async (trx) => {
    const done = await markManyDone(
      trx,
      delivered.map((d) => ({ id: d.row.id, finishedPayload: scrubEmailPayload(d.payload) })),
      now,
    );
    const sends = await setSendStatuses(
      trx,
      delivered
        .filter((d) => done.has(Number(d.row.id)) && d.row.send_id)
        .map((d) => ({ sendId: d.row.send_id!, detail: d.response })),
      'sent',
      now,
    );
    await recordLineEvents(
      trx,
      deps,
      now,
      SYSTEM_ACTOR,
      sends.map((send) => ({
        type: 'provisioning_email.sent' as const,
        subscriptionId: send.subscription_id,
        data: { sendId: send.id, to: send.to_email, detail: send.status_detail },
      })),
    );
  });
  summary.sent += delivered.length;
  deps.metrics?.sendsTotal.inc({ status: 'sent' }, delivered.length);
}

async function recordFailedAttempt(
  deps: DispatchDeps,
  row: OutboxRow,
  failure: Failure,
  summary: DispatchSummary,
): Promise<void> {
  const now = deps.clock.now();
  // Counted after the commit: a transaction retried after a deadlock runs its body again.
  const status = await inTransaction(deps, async (trx) => {
    const status = await markFailedAttempt(trx, row, now, failure.error, {
      ...deps.outbox,
      permanent: failure.permanent,
      finishedPayload: failure.finishedPayload,
      retryUntil: failure.retryUntil ?? null,
    });
    if (status === 'failed') await recordSendStatus({ ...deps, db: trx }, row, 'failed', failure.error, now);
    return status;
  });
  if (status === 'failed') summary.failed++;
  else if (status === 'pending') summary.retrying++;
  if (status !== 'superseded')
    deps.metrics?.sendsTotal.inc({ status: status === 'failed' ? 'failed' : 'retrying' });
}

/**
 * The re-check under the claim: withdraws the claimed provisioning e-mails whose order was set up
 * (or whose link was revoked) while they waited, records a `provisioning_email.withdrawn` event for
 * each PONR withdrawal, and returns the rows still to send.
 */
async function withdrawStale(deps: DispatchDeps, rows: OutboxRow[], summary: DispatchSummary) {
  const candidates = rows.filter((r) => r.send_id !== null);
  if (candidates.length === 0) return rows;
  const now = deps.clock.now();
  const withdrawn = await inTransaction(deps, async (trx) => {
    const sends = await withdrawClaimedSends(
      trx,
      candidates.map((r) => ({ id: Number(r.id), attempts: r.attempts })),
      now,
    );
    await recordLineEvents(
      trx,
      deps,
      now,
      SYSTEM_ACTOR,
      sends
        .filter((send) => send.status === 'withdrawn')
        .map((send) => ({
          type: 'provisioning_email.withdrawn' as const,
          subscriptionId: send.subscription_id,
          data: { sendId: send.id, to: send.to_email, detail: send.status_detail },
        })),
    );
    return new Set(sends.map((send) => send.outbox_id));
  });
  summary.withdrawn += withdrawn.size;
  return rows.filter((r) => !withdrawn.has(Number(r.id)));
}

/**
 * Claims up to a batch of due e-mails for this worker (the first half of a pass); with a sending
 * budget, only as many as it has slots for in the next instants, each with its slot.
 */
export function claimEmails(deps: DispatchDeps): Promise<SlottedRow[]> {
  const { batchSize: limit, leaseMs, maxPerSecond: perSecond } = deps.outbox;
  if (!perSecond) return claimDue(deps.db, deps.clock.now(), limit, leaseMs, 'email');
  const aheadMs = reserveAheadMs(leaseMs);
  return claimDueWithinBudget(deps.db, deps.clock.now(), { limit, leaseMs, perSecond, aheadMs });
}

/** Re-checks, sends and records claimed rows (the second half of a pass). */
export async function sendClaimedEmails(deps: DispatchDeps, rows: SlottedRow[]): Promise<DispatchSummary> {
  const summary: DispatchSummary = { claimed: rows.length, sent: 0, retrying: 0, failed: 0, withdrawn: 0 };
  const fresh = await withdrawStale(deps, rows, summary);
  // Past an address's hourly cap an e-mail waits (given back, due later) instead of going now.
  const toSend = await holdForAddressCap(deps, fresh);
  const perSecond = deps.outbox.maxPerSecond;
  const delivered = await sendInSlots(deps, perSecond, toSend, (row) => deliver(deps, row, summary));
  await recordDelivered(
    deps,
    delivered.filter((d): d is Delivered => d !== null),
    summary,
  );
  return summary;
}

/** One claim-and-send pass; returns what happened. Call again while `claimed === batchSize`. */
export async function dispatchOutbox(deps: DispatchDeps): Promise<DispatchSummary> {
  return sendClaimedEmails(deps, await claimEmails(deps));
}
