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
import { closeInstant, type Policy, reminderInstants } from './policy.js';
import type { LineState, LineStatus, SendReason } from './types.js';

export type LineCommand =
  | { type: 'tick' }
  | { type: 'resend' }
  /**
   * `contactChanged`: anything of the contact differs (name, address, language);
   * `addressChanged`: the e-mail address differs (case aside). Only a new address is e-mailed: a
   * corrected name or language updates the line and leaves the live link alone.
   */
  | { type: 'change_contact'; contactChanged: boolean; addressChanged: boolean }
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

/** What a person may ask of a line (the clock's tick and the setup link's confirm_setup are not). */
export const LINE_ACTIONS = ['resend', 'change_contact', 'cancel'] as const;
export type LineAction = (typeof LINE_ACTIONS)[number];

/** What decides whether a line takes an action: its status, and whether its order is mapped. */
export interface LineActionFacts {
  status: LineStatus;
  /** The order is mapped to a customer organization: the point of no return. */
  mapped: boolean;
}

type Refusal = 'LINE_CANCELLED' | 'PAST_PONR' | 'RSD_NOT_REACHED' | 'INVALID_TRANSITION';

/** The one rule for a person's actions: why the line refuses `action` now, or null if it takes it. */
function refusalOf(line: LineActionFacts, action: LineAction): Refusal | null {
  if (line.status === 'cancelled') return 'LINE_CANCELLED';
  if (line.mapped || line.status === 'provisioned') return 'PAST_PONR';
  switch (action) {
    case 'resend':
      // Before the RSD there is no e-mail to send again; a contact change is the way to redirect it.
      return line.status === 'booked' ? 'RSD_NOT_REACHED' : null;
    case 'change_contact':
      return null;
    case 'cancel':
      // Cancel ends a line still in progress; a closed line has ended already.
      return line.status === 'closed' ? 'INVALID_TRANSITION' : null;
  }
}

/**
 * The error a person's action on the line meets now, or null if the line takes it: what the use
 * cases throw, and what a confirmation page shows before anyone presses Yes.
 */
export function actionRefusal(line: LineActionFacts & { rsdAt: Date }, action: LineAction): AppError | null {
  const refusal = refusalOf(line, action);
  if (refusal === null) return null;
  if (refusal === 'RSD_NOT_REACHED') return new AppError(refusal, { rsdAt: line.rsdAt.toISOString() });
  if (refusal === 'INVALID_TRANSITION')
    return new AppError(refusal, { from: line.status, command: action, allowed: allowedActions(line) });
  return new AppError(refusal);
}

function assertTakes(line: LineState, action: LineAction): void {
  const refusal = actionRefusal(
    { status: line.status, mapped: line.mappedAt !== null, rsdAt: line.rsdAt },
    action,
  );
  if (refusal) throw refusal;
}

/**
 * The actions a person may take on the line now, in LINE_ACTIONS order: what the API and the pages
 * offer. transition() refuses by the same rule, and re-checks it under the order lock when acting.
 */
export function allowedActions(line: LineActionFacts): LineAction[] {
  return LINE_ACTIONS.filter((action) => refusalOf(line, action) === null);
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
      assertTakes(line, 'resend');
      return {
        state: line,
        effects: [{ type: 'queue_provisioning_email', reason: 'resend' }],
        changed: true,
      };
    case 'change_contact':
      assertTakes(line, 'change_contact');
      if (!command.contactChanged) return unchanged(line);
      // Before the RSD the first e-mail simply goes to the new contact; after it, the old link dies
      // and the new contact gets a fresh one straight away.
      if (line.status === 'booked' || !command.addressChanged)
        return { state: line, effects: [], changed: true };
      return {
        state: line,
        effects: [{ type: 'queue_provisioning_email', reason: 'contact_change' }],
        changed: true,
      };
    case 'cancel':
      assertTakes(line, 'cancel');
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
