import { describe, expect, it } from 'vitest';

import { AppError, type ErrorCode } from '../../src/domain/errors.js';
import { type LineCommand, nextDueAt, transition } from '../../src/domain/line-state-machine.js';
import { buildPolicy } from '../../src/domain/policy.js';
import type { LineState, LineStatus } from '../../src/domain/types.js';

const policy = buildPolicy();
const DAY = 86_400_000;
const RSD = new Date('2026-12-01T00:00:00Z');
const at = (days: number) => new Date(RSD.getTime() + days * DAY);

function line(status: LineStatus, over: Partial<LineState> = {}): LineState {
  const sent = status !== 'booked';
  return {
    status,
    pendingProvisioning: status === 'closed',
    offerCode: 'A-FLEX',
    policyDays: 7,
    rsdAt: RSD,
    firstEmailAt: sent ? RSD : null,
    remindersSent: 0,
    mappedAt: status === 'provisioned' ? at(2) : null,
    ...over,
  };
}

const resend: LineCommand = { type: 'resend' };
const change: LineCommand = { type: 'change_contact', contactChanged: true, addressChanged: true };
const cancel: LineCommand = { type: 'cancel' };
const confirm: LineCommand = { type: 'confirm_setup' };

type Row = [LineStatus, LineCommand, { to?: LineStatus; effects?: string[]; error?: ErrorCode }];

// Every command in every state: what it becomes, which effects it asks for, or which refusal.
const table: Row[] = [
  ['booked', resend, { error: 'RSD_NOT_REACHED' }],
  ['booked', change, { to: 'booked', effects: [] }],
  ['booked', cancel, { to: 'cancelled', effects: ['revoke_setup_tokens'] }],
  ['booked', confirm, { to: 'provisioned', effects: ['revoke_setup_tokens'] }],
  [
    'awaiting_provisioning_details',
    resend,
    { to: 'awaiting_provisioning_details', effects: ['queue_provisioning_email:resend'] },
  ],
  [
    'awaiting_provisioning_details',
    change,
    { to: 'awaiting_provisioning_details', effects: ['queue_provisioning_email:contact_change'] },
  ],
  ['awaiting_provisioning_details', cancel, { to: 'cancelled', effects: ['revoke_setup_tokens'] }],
  ['awaiting_provisioning_details', confirm, { to: 'provisioned', effects: ['revoke_setup_tokens'] }],
  ['closed', resend, { to: 'closed', effects: ['queue_provisioning_email:resend'] }],
  ['closed', change, { to: 'closed', effects: ['queue_provisioning_email:contact_change'] }],
  ['closed', cancel, { error: 'INVALID_TRANSITION' }],
  ['closed', confirm, { to: 'provisioned', effects: ['revoke_setup_tokens'] }],
  ['provisioned', resend, { error: 'PAST_PONR' }],
  ['provisioned', change, { error: 'PAST_PONR' }],
  ['provisioned', cancel, { error: 'PAST_PONR' }],
  ['provisioned', confirm, { error: 'ALREADY_MAPPED' }],
  ['cancelled', resend, { error: 'LINE_CANCELLED' }],
  ['cancelled', change, { error: 'LINE_CANCELLED' }],
  ['cancelled', cancel, { error: 'LINE_CANCELLED' }],
  ['cancelled', confirm, { error: 'LINE_CANCELLED' }],
];

const effectNames = (effects: { type: string; reason?: string }[]) =>
  effects.map((e) => (e.reason ? `${e.type}:${e.reason}` : e.type));

describe('line state machine', () => {
  it.each(table)('%s + %j', (status, command, expected) => {
    const run = () => transition(line(status), command, at(3), policy);
    if (expected.error) {
      expect(run).toThrow(AppError);
      try {
        run();
      } catch (e) {
        expect((e as AppError).code).toBe(expected.error);
      }
      return;
    }
    const outcome = run();
    expect(outcome.state.status).toBe(expected.to);
    expect(effectNames(outcome.effects)).toEqual(expected.effects);
  });

  it('refuses every change once the order is mapped, whatever the line says', () => {
    const mapped = line('awaiting_provisioning_details', { mappedAt: at(1) });
    for (const command of [resend, change, cancel]) {
      expect(() => transition(mapped, command, at(2), policy)).toThrow(
        expect.objectContaining({ code: 'PAST_PONR' }),
      );
    }
  });

  it('an unchanged contact changes nothing and sends nothing', () => {
    const outcome = transition(
      line('awaiting_provisioning_details'),
      { type: 'change_contact', contactChanged: false, addressChanged: false },
      at(1),
      policy,
    );
    expect(outcome).toMatchObject({ changed: false, effects: [] });
  });

  it('a new name or language on the same address changes the line and sends nothing', () => {
    for (const status of ['awaiting_provisioning_details', 'closed'] as const) {
      const outcome = transition(
        line(status),
        { type: 'change_contact', contactChanged: true, addressChanged: false },
        at(1),
        policy,
      );
      expect(outcome).toMatchObject({ changed: true, effects: [] });
    }
  });

  it('confirming setup clears the pending flag and records the mapping instant', () => {
    const outcome = transition(line('closed'), confirm, at(9), policy);
    expect(outcome.state).toMatchObject({
      status: 'provisioned',
      pendingProvisioning: false,
      mappedAt: at(9),
    });
  });

  describe('tick (due-time machinery)', () => {
    it('does nothing to a booked line before its RSD, then queues the RSD e-mail at the RSD', () => {
      const booked = line('booked');
      expect(transition(booked, { type: 'tick' }, new Date(RSD.getTime() - 1), policy).changed).toBe(false);
      const outcome = transition(booked, { type: 'tick' }, RSD, policy);
      expect(outcome.state).toMatchObject({ status: 'awaiting_provisioning_details', firstEmailAt: RSD });
      expect(effectNames(outcome.effects)).toEqual(['queue_provisioning_email:rsd']);
    });

    it.each([
      ['A-FLEX', 7],
      ['A-FLEX-3', 7],
      ['MEET-PRO', 30],
    ])('closes a %s line with the pending flag exactly %i days after the first e-mail', (offerCode, days) => {
      const awaiting = line('awaiting_provisioning_details', {
        offerCode,
        policyDays: days,
        remindersSent: 2,
      });
      expect(
        transition(awaiting, { type: 'tick' }, new Date(at(days).getTime() - 1), policy).state.status,
      ).toBe('awaiting_provisioning_details');
      const outcome = transition(awaiting, { type: 'tick' }, at(days), policy);
      expect(outcome.state).toMatchObject({ status: 'closed', pendingProvisioning: true });
      expect(effectNames(outcome.effects)).toEqual(['notify_line_closed']);
    });

    it('sends reminders 3 and 1 days before the close, once each, and one for a late run', () => {
      const awaiting = line('awaiting_provisioning_details');
      expect(transition(awaiting, { type: 'tick' }, at(4) /* close at 7 */, policy).state.remindersSent).toBe(
        1,
      );
      const late = transition(awaiting, { type: 'tick' }, at(6.5), policy);
      expect(late.state.remindersSent).toBe(2);
      expect(effectNames(late.effects)).toEqual(['queue_provisioning_email:reminder']);
      expect(transition(late.state, { type: 'tick' }, at(6.6), policy).changed).toBe(false);
    });

    it('leaves provisioned, cancelled and closed lines alone', () => {
      for (const status of ['provisioned', 'cancelled', 'closed'] as const) {
        expect(transition(line(status), { type: 'tick' }, at(100), policy).changed).toBe(false);
        expect(nextDueAt(line(status), policy)).toBeNull();
      }
    });
  });

  it('schedules the next look: RSD, then each reminder, then the close', () => {
    expect(nextDueAt(line('booked'), policy)).toEqual(RSD);
    expect(nextDueAt(line('awaiting_provisioning_details'), policy)).toEqual(at(4));
    expect(nextDueAt(line('awaiting_provisioning_details', { remindersSent: 1 }), policy)).toEqual(at(6));
    expect(nextDueAt(line('awaiting_provisioning_details', { remindersSent: 2 }), policy)).toEqual(at(7));
  });

  it('honours a configured policy', () => {
    // The period is the line's (from the catalogue when it was ordered); reminders are the policy's.
    const custom = buildPolicy({ defaultReminderDaysBefore: [] });
    const awaiting = line('awaiting_provisioning_details', { offerCode: 'MEET-PRO', policyDays: 14 });
    expect(nextDueAt(awaiting, custom)).toEqual(at(14));
    expect(transition(awaiting, { type: 'tick' }, at(14), custom).state.status).toBe('closed');
  });
});
