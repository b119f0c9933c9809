/**
 * allowedActions() is what the API and the pages offer on a line; transition() is what happens
 * when someone acts. They must never disagree: an offered action is taken, a hidden one refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { AppError } from '../../src/domain/errors.js';
import {
  allowedActions,
  LINE_ACTIONS,
  type LineAction,
  type LineCommand,
  transition,
} from '../../src/domain/line-state-machine.js';
import { buildPolicy } from '../../src/domain/policy.js';
import { LINE_STATUSES, type LineState, type LineStatus } from '../../src/domain/types.js';

const policy = buildPolicy();

const commandOf = (action: LineAction): LineCommand =>
  action === 'change_contact'
    ? { type: 'change_contact', contactChanged: true, addressChanged: true }
    : { type: action };

/** Whether transition() takes the action, or refuses it. */
function takes(line: LineState, action: LineAction, now: Date): boolean {
  try {
    transition(line, commandOf(action), now, policy);
    return true;
  } catch (e) {
    if (e instanceof AppError) return false;
    throw e;
  }
}

const date = fc.date({
  min: new Date('2025-01-01T00:00:00Z'),
  max: new Date('2028-01-01T00:00:00Z'),
  noInvalidDate: true,
});
const lineState: fc.Arbitrary<LineState> = fc.record({
  status: fc.constantFrom(...LINE_STATUSES),
  pendingProvisioning: fc.boolean(),
  offerCode: fc.constantFrom('A-FLEX', 'A-FLEX-3', 'MEET-PRO'),
  policyDays: fc.integer({ min: 1, max: 60 }),
  rsdAt: date,
  firstEmailAt: fc.option(date),
  remindersSent: fc.nat(3),
  mappedAt: fc.option(date),
});

describe('allowed actions', () => {
  it('offers exactly what the state machine takes, for any line at any time', () => {
    fc.assert(
      fc.property(lineState, date, (line, now) => {
        const allowed = allowedActions({ status: line.status, mapped: line.mappedAt !== null });
        for (const action of LINE_ACTIONS)
          expect(allowed.includes(action), action).toBe(takes(line, action, now));
      }),
      { numRuns: 500 },
    );
  });

  it.each<[LineStatus, boolean, LineAction[]]>([
    ['booked', false, ['change_contact', 'cancel']],
    ['awaiting_provisioning_details', false, ['resend', 'change_contact', 'cancel']],
    ['closed', false, ['resend', 'change_contact']],
    ['provisioned', true, []],
    ['cancelled', false, []],
    // A mapped order is past the point of no return, whatever its lines still say.
    ['booked', true, []],
    ['awaiting_provisioning_details', true, []],
    ['closed', true, []],
  ])('a %s line (order mapped: %s) offers %j', (status, mapped, expected) => {
    expect(allowedActions({ status, mapped })).toEqual(expected);
  });
});
