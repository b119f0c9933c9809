/**
 * actionRefusal() is what a bulk confirmation shows before Yes; transition() is what the use case
 * meets when acting. The same line must be refused the same way, with the same code and details.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { AppError } from '../../src/domain/errors.js';
import {
  actionRefusal,
  LINE_ACTIONS,
  type LineAction,
  type LineCommand,
  transition,
} from '../../src/domain/line-state-machine.js';
import { buildPolicy } from '../../src/domain/policy.js';
import { LINE_STATUSES, type LineState } from '../../src/domain/types.js';

const policy = buildPolicy();

const commandOf = (action: LineAction): LineCommand =>
  action === 'change_contact'
    ? { type: 'change_contact', contactChanged: true, addressChanged: true }
    : { type: action };

/** The refusal transition() throws for the action, or null when it takes it. */
function thrown(line: LineState, action: LineAction, now: Date): AppError | null {
  try {
    transition(line, commandOf(action), now, policy);
    return null;
  } catch (e) {
    if (e instanceof AppError) return e;
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
  offerCode: fc.constantFrom('A-FLEX', 'MEET-PRO'),
  policyDays: fc.integer({ min: 1, max: 60 }),
  rsdAt: date,
  firstEmailAt: fc.option(date),
  remindersSent: fc.nat(3),
  mappedAt: fc.option(date),
});

describe('action refusal', () => {
  it('names the refusal the state machine meets, for any line at any time', () => {
    fc.assert(
      fc.property(lineState, date, (line, now) => {
        const facts = { status: line.status, mapped: line.mappedAt !== null, rsdAt: line.rsdAt };
        for (const action of LINE_ACTIONS) {
          const shown = actionRefusal(facts, action);
          const met = thrown(line, action, now);
          expect(shown && { code: shown.code, details: shown.details }, action).toEqual(
            met && { code: met.code, details: met.details },
          );
        }
      }),
      { numRuns: 500 },
    );
  });

  it('says why a Booked line takes no resend: its RSD, when the first e-mail goes out', () => {
    const rsdAt = new Date('2026-12-24T09:00:00Z');
    const refusal = actionRefusal({ status: 'booked', mapped: false, rsdAt }, 'resend');
    expect(refusal).toMatchObject({ code: 'RSD_NOT_REACHED', details: { rsdAt: rsdAt.toISOString() } });
    expect(actionRefusal({ status: 'booked', mapped: false, rsdAt }, 'change_contact')).toBeNull();
    expect(actionRefusal({ status: 'provisioned', mapped: true, rsdAt }, 'change_contact')?.code).toBe(
      'PAST_PONR',
    );
    expect(actionRefusal({ status: 'cancelled', mapped: false, rsdAt }, 'resend')?.code).toBe(
      'LINE_CANCELLED',
    );
  });
});
