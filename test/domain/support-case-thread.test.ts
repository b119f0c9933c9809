import { describe, expect, it } from 'vitest';

import { AppError } from '../../src/domain/errors.js';
import { CASE_STATUSES } from '../../src/domain/support-case.js';
import {
  closedAtAfter,
  noticeForAgentChange,
  REOPEN_WINDOW_DAYS,
  replyWindow,
  requesterReplyOutcome,
  statusAfterAgentReply,
} from '../../src/domain/support-case-thread.js';

const DAY = 86_400_000;
const closedAt = new Date('2026-12-01T09:00:00Z');
const at = (ms: number) => new Date(closedAt.getTime() + ms);

describe('support case thread rules', () => {
  it('lets a reply reopen a closed case up to the last millisecond of the window, and not after', () => {
    const resolved = { status: 'resolved' as const, closedAt, updatedAt: closedAt };
    expect(REOPEN_WINDOW_DAYS).toBe(14);
    expect(requesterReplyOutcome(resolved, at(14 * DAY))).toEqual({ to: 'awaiting_agent', reopened: true });
    const late = (() => {
      try {
        return requesterReplyOutcome(resolved, at(14 * DAY + 1));
      } catch (e) {
        return e;
      }
    })();
    expect(late).toBeInstanceOf(AppError);
    expect(late).toMatchObject({
      code: 'CASE_CLOSED',
      details: { closedAt: closedAt.toISOString(), reopenableUntil: at(14 * DAY).toISOString(), days: 14 },
    });
    // The window is configurable; a case closed before closed_at existed counts from its last change.
    expect(replyWindow({ ...resolved, closedAt: null }, at(DAY), 1).kind).toBe('reopenable');
    expect(replyWindow({ ...resolved, closedAt: null }, at(DAY + 1), 1).kind).toBe('over');
  });

  it('keeps an open case open whatever the time', () => {
    for (const status of CASE_STATUSES.filter((s) => s !== 'resolved' && s !== 'closed'))
      expect(requesterReplyOutcome({ status, closedAt: null, updatedAt: closedAt }, at(400 * DAY))).toEqual({
        to: 'awaiting_agent',
        reopened: false,
      });
  });

  it('records when a case closed, keeps it from resolved to closed, and forgets it on reopening', () => {
    const now = at(DAY);
    expect(closedAtAfter('open', 'resolved', null, now)).toEqual(now);
    expect(closedAtAfter('resolved', 'closed', closedAt, now)).toEqual(closedAt);
    expect(closedAtAfter('closed', 'in_progress', closedAt, now)).toBeNull();
  });

  it('sends one e-mail per agent change: closing wins over a plain reply; a silent status move sends none', () => {
    expect(noticeForAgentChange({ replied: true, from: 'open', to: 'resolved' })).toBe('resolved');
    expect(noticeForAgentChange({ replied: false, from: 'open', to: 'closed' })).toBe('closed');
    expect(noticeForAgentChange({ replied: true, from: 'closed', to: 'closed' })).toBe('replied');
    expect(noticeForAgentChange({ replied: false, from: 'open', to: 'in_progress' })).toBeNull();
  });

  it('moves a case the requester answered to In progress when the agent replies without choosing a status', () => {
    expect(statusAfterAgentReply('awaiting_agent', undefined)).toBe('in_progress');
    expect(statusAfterAgentReply('awaiting_agent', 'resolved')).toBe('resolved');
    expect(statusAfterAgentReply('open', undefined)).toBeNull();
    expect(statusAfterAgentReply('waiting_on_customer', 'waiting_on_customer')).toBeNull();
  });
});
