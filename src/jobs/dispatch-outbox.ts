/**
 * Drains the e-mail outbox: claims due rows (one SKIP LOCKED statement), renders and sends them
 * over the pooled SMTP connection, and records each outcome. The Message-ID comes from the row's
 * stable key, so a retry after a crash is the same message. Each payload is parsed when claimed:
 * one that does not parse fails at once with the reason (retrying cannot fix it). Link secrets
 * (`input.secrets`) are dropped from the stored payload once the row is finished.
 */
import type { Logger } from 'pino';

import type { AppDeps } from '../app/deps.js';
import { recordLineEvents } from '../app/lines/record-line-events.js';
import { type Mailer, MailSendError, renderEmail } from '../email/index.js';
import { messageIdOf } from '../email/message-id.js';
import type { OnrampMetrics } from '../observability/metrics.js';
import { SYSTEM_ACTOR } from '../store/audit-repository.js';
import {
  type EmailPayload,
  type FinishedPayload,
  parseOutboxPayload,
  scrubEmailPayload,
  UNPARSED_PAYLOAD,
} from '../store/outbox-payloads.js';
import { claimDue, markFailedAttempt, markManyDone, type OutboxRow } from '../store/outbox-repository.js';
import { setSendStatus, setSendStatuses } from '../store/send-repository.js';
import { holdForAddressCap } from './hold-for-address-cap.js';

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
}

export interface DispatchDeps extends AppDeps {
  mailer: Mailer;
  outbox: OutboxSettings;
  /** Counts each recorded outcome (onramp_sends_total, and the worker's onramp_auto_closes_total); optional so tests need not build one. */
  metrics?: Pick<OnrampMetrics, 'sendsTotal' | 'autoClosesTotal'>;
  /** Where a row whose payload does not parse is reported; optional so tests need not build one. */
  log?: Pick<Logger, 'error'>;
}

export interface DispatchSummary {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
}

async function recordSendStatus(
  deps: AppDeps,
  row: OutboxRow,
  status: 'sent' | 'failed',
  detail: string,
  now: Date,
) {
  if (!row.send_id) return;
  const send = await setSendStatus(deps.db, row.send_id, status, detail, now);
  if (!send) return;
  await recordLineEvents(deps.db, deps, now, SYSTEM_ACTOR, [
    {
      type: `provisioning_email.${status}`,
      subscriptionId: send.subscription_id,
      data: { sendId: send.id, to: send.to_email, detail },
    },
  ]);
}

interface Delivered {
  row: OutboxRow;
  payload: EmailPayload;
  response: string;
}

/** A failed attempt: why, whether retrying could help, and what the row keeps if it fails for good. */
interface Failure {
  error: string;
  permanent: boolean;
  finishedPayload: FinishedPayload;
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
    // A MailSendError knows; anything else with a code is I/O trouble; a render error is for good.
    const permanent = e instanceof MailSendError ? e.permanent : !(e instanceof Error && 'code' in e);
    const error = e instanceof Error ? e.message : String(e);
    await recordFailedAttempt(
      deps,
      row,
      { error, permanent, finishedPayload: scrubEmailPayload(payload) },
      summary,
    );
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
  await deps.db.transaction().execute(async (trx) => {
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
  await deps.db.transaction().execute(async (trx) => {
    const status = await markFailedAttempt(trx, row, now, failure.error, {
      ...deps.outbox,
      permanent: failure.permanent,
      finishedPayload: failure.finishedPayload,
    });
    if (status === 'failed') await recordSendStatus({ ...deps, db: trx }, row, 'failed', failure.error, now);
    if (status === 'failed') summary.failed++;
    else if (status === 'pending') summary.retrying++;
    if (status !== 'superseded')
      deps.metrics?.sendsTotal.inc({ status: status === 'failed' ? 'failed' : 'retrying' });
  });
}

/** One claim-and-send pass; returns what happened. Call again while `claimed === batchSize`. */
export async function dispatchOutbox(deps: DispatchDeps): Promise<DispatchSummary> {
  const rows = await claimDue(deps.db, deps.clock.now(), deps.outbox.batchSize, deps.outbox.leaseMs, 'email');
  const summary: DispatchSummary = { claimed: rows.length, sent: 0, retrying: 0, failed: 0 };
  // Past an address's hourly cap an e-mail waits (given back, due later) instead of going now.
  const due = await holdForAddressCap(deps, rows);
  const delivered = await Promise.all(due.map((row) => deliver(deps, row, summary)));
  await recordDelivered(
    deps,
    delivered.filter((d): d is Delivered => d !== null),
    summary,
  );
  return summary;
}
