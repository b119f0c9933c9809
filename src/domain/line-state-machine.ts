/**
 * The subscription line lifecycle as one pure function:
 *   (line, command, now, policy) -> outcome | DomainError
 *
 *   Booked --(RSD reached: e-mail queued)--> AwaitingProvisioningDetails
 *   AwaitingProvisioningDetails --(setup confirmed: PONR)--> Provisioned
 *   AwaitingProvisioningDetails --(policy period over)--> Closed{pendingProvisioning}
 *   Closed{pendingProvisioning} --(setup confirmed: PONR)--> Provisioned
 *   Booked | AwaitingProvisioningDetails --(cancel)--> Cancelled
 *
 * A Booked line of an order that is set up early (another line's link was used) is mapped too.
 */
import { AppError } from './errors.js';
import { closeInstant, reminderInstants, type Policy } from './policy.js';
import type { LineState, SendReason } from './types.js';

export type LineCommand =
  | { type: 'tick' }
  | { type: 'resend' }
  | { type: 'change_contact'; contactChanged: boolean }
  | { type: 'cancel' }
  | { type: 'confirm_setup' };

export type LineEffect =
  /** Revoke the live setup token, mint a new one and queue a provisioning e-mail. */
  | { type: 'queue_provisioning_email'; reason: SendReason }
  /** Revoke every live setup token of the line (no new one). */
  | { type: 'revoke_setup_tokens' }
  /** Tell the partner the line closed with provisioning still pending. */
  | { type: 'notify_line_closed' };

export interface LineOutcome {
  state: LineState;
  effects: LineEffect[];
  /** False when the command changed nothing (e.g. a tick before anything is due). */
  changed: boolean;
}

const unchanged = (state: LineState): LineOutcome => ({ state, effects: [], changed: false });

/** Refusals shared by every command that acts on a line before the point of no return. */
function assertBeforePonr(line: LineState): void {
  if (line.status === 'cancelled') throw new AppError('LINE_CANCELLED');
  if (line.mappedAt !== null || line.status === 'provisioned') throw new AppError('PAST_PONR');
}

function tick(line: LineState, now: Date, policy: Policy): LineOutcome {
  if (line.status === 'booked') {
    if (now < line.rsdAt) return unchanged(line);
    return {
      state: { ...line, status: 'awaiting_provisioning_details', firstEmailAt: now },
      effects: [{ type: 'queue_provisioning_email', reason: 'rsd' }],
      changed: true,
    };
  }
  if (line.status !== 'awaiting_provisioning_details' || line.firstEmailAt === null) return unchanged(line);
  if (now >= closeInstant(line.policyDays, line.firstEmailAt)) {
    return {
      state: { ...line, status: 'closed', pendingProvisioning: true },
      effects: [{ type: 'notify_line_closed' }],
      changed: true,
    };
  }
  const due = reminderInstants(policy, line, line.firstEmailAt).filter((t) => t <= now).length;
  if (due <= line.remindersSent) return unchanged(line);
  // A late run sends one reminder for all the ones it missed, never a burst.
  return {
    state: { ...line, remindersSent: due },
    effects: [{ type: 'queue_provisioning_email', reason: 'reminder' }],
    changed: true,
  };
}

export function transition(line: LineState, command: LineCommand, now: Date, policy: Policy): LineOutcome {
  switch (command.type) {
    case 'tick':
      return tick(line, now, policy);
    case 'resend':
      assertBeforePonr(line);
      if (line.status === 'booked')
        throw new AppError('RSD_NOT_REACHED', { rsdAt: line.rsdAt.toISOString() });
      return {
        state: line,
        effects: [{ type: 'queue_provisioning_email', reason: 'resend' }],
        changed: true,
      };
    case 'change_contact':
      assertBeforePonr(line);
      if (!command.contactChanged) return unchanged(line);
      // Before the RSD the first e-mail simply goes to the new contact; after it, the old link dies
      // and the new contact gets a fresh one straight away.
      if (line.status === 'booked') return { state: line, effects: [], changed: true };
      return {
        state: line,
        effects: [{ type: 'queue_provisioning_email', reason: 'contact_change' }],
        changed: true,
      };
    case 'cancel':
      assertBeforePonr(line);
      if (line.status === 'closed')
        throw new AppError('INVALID_TRANSITION', { from: 'closed', command: 'cancel' });
      return {
        state: { ...line, status: 'cancelled', pendingProvisioning: false },
        effects: [{ type: 'revoke_setup_tokens' }],
        changed: true,
      };
    case 'confirm_setup':
      if (line.status === 'cancelled') throw new AppError('LINE_CANCELLED');
      if (line.mappedAt !== null || line.status === 'provisioned') throw new AppError('ALREADY_MAPPED');
      return {
        state: { ...line, status: 'provisioned', pendingProvisioning: false, mappedAt: now },
        effects: [{ type: 'revoke_setup_tokens' }],
        changed: true,
      };
  }
}

/** When the due-time machinery must next look at this line, or null if never. */
export function nextDueAt(line: LineState, policy: Policy): Date | null {
  if (line.status === 'booked') return line.rsdAt;
  if (line.status !== 'awaiting_provisioning_details' || line.firstEmailAt === null) return null;
  const pendingReminder = reminderInstants(policy, line, line.firstEmailAt)[line.remindersSent];
  return pendingReminder ?? closeInstant(line.policyDays, line.firstEmailAt);
}

/** The fast check the UI uses to decide how Resend and Edit present themselves. */
export function canStillProvision(line: Pick<LineState, 'status' | 'mappedAt'>): boolean {
  return (
    line.mappedAt === null &&
    (line.status === 'booked' || line.status === 'awaiting_provisioning_details' || line.status === 'closed')
  );
}
