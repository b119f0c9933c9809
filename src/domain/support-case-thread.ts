/**
 * Support cases talk both ways, the pure part: which statuses count as closed, when a closed
 * case may still be reopened by its requester's reply, what a reply does to the status, and
 * which e-mail the requester gets for an agent's answer or a status change.
 */
import { AppError } from './errors.js';
import type { CaseStatus } from './support-case.js';

/** A requester may reopen a resolved or closed case by replying within this many days. */
export const REOPEN_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;

export const CLOSED_STATUSES: readonly CaseStatus[] = ['resolved', 'closed'];
export const isClosedStatus = (status: CaseStatus): boolean => CLOSED_STATUSES.includes(status);

/** Until when a case closed at `closedAt` can be reopened by a reply. */
export function reopenableUntil(closedAt: Date, windowDays = REOPEN_WINDOW_DAYS): Date {
  return new Date(closedAt.getTime() + windowDays * DAY_MS);
}

/** Where a case stands for its requester: open, closed but reopenable by a reply, or over. */
export type ReplyWindow =
  { kind: 'open' } | { kind: 'reopenable'; until: Date } | { kind: 'over'; closedAt: Date; until: Date };

export function replyWindow(
  supportCase: { status: CaseStatus; closedAt: Date | null; updatedAt: Date },
  now: Date,
  windowDays = REOPEN_WINDOW_DAYS,
): ReplyWindow {
  if (!isClosedStatus(supportCase.status)) return { kind: 'open' };
  // A case closed before closed_at was recorded counts from its last change (migration 025).
  const closedAt = supportCase.closedAt ?? supportCase.updatedAt;
  const until = reopenableUntil(closedAt, windowDays);
  return now.getTime() <= until.getTime() ? { kind: 'reopenable', until } : { kind: 'over', closedAt, until };
}

/**
 * A requester's reply: the case waits for an agent, reopened when it was closed; refused with
 * CASE_CLOSED once the window is over (the requester opens a new case).
 */
export function requesterReplyOutcome(
  supportCase: { status: CaseStatus; closedAt: Date | null; updatedAt: Date },
  now: Date,
  windowDays = REOPEN_WINDOW_DAYS,
): { to: 'awaiting_agent'; reopened: boolean } {
  const window = replyWindow(supportCase, now, windowDays);
  if (window.kind === 'over')
    throw new AppError('CASE_CLOSED', {
      closedAt: window.closedAt.toISOString(),
      reopenableUntil: window.until.toISOString(),
      days: windowDays,
    });
  return { to: 'awaiting_agent', reopened: window.kind === 'reopenable' };
}

/** The `closed_at` a case has after moving from `from` to `to` (unchanged when neither closes nor reopens). */
export function closedAtAfter(
  from: CaseStatus,
  to: CaseStatus,
  closedAt: Date | null,
  now: Date,
): Date | null {
  if (isClosedStatus(to)) return isClosedStatus(from) ? (closedAt ?? now) : now;
  return null;
}

export type SupportNoticeEvent = 'created' | 'replied' | 'resolved' | 'closed';

/** The requester's e-mail after an agent's change: closing wins over a plain reply; none for other moves. */
export function noticeForAgentChange(input: {
  replied: boolean;
  from: CaseStatus;
  to: CaseStatus;
}): SupportNoticeEvent | null {
  if (input.to !== input.from && (input.to === 'resolved' || input.to === 'closed')) return input.to;
  return input.replied ? 'replied' : null;
}

/**
 * The status an agent's reply leaves: the one the agent chose, else In progress when the case was
 * awaiting an agent (it has been answered now), else unchanged (null).
 */
export function statusAfterAgentReply(
  current: CaseStatus,
  chosen: CaseStatus | undefined,
): CaseStatus | null {
  const next = chosen ?? (current === 'awaiting_agent' ? 'in_progress' : current);
  return next === current ? null : next;
}
