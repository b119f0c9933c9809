/** The start of every agent action on a case: agents only, the case row locked for the transaction. */
import type { Transaction } from 'kysely';

import { AppError, invalidInput } from '../../domain/errors.js';
import { assertAgent } from '../../domain/support-case.js';
import type { Actor } from '../../domain/types.js';
import { findLine } from '../../store/line-repository.js';
import type { Database } from '../../store/schema.js';
import { lockCase, type SupportCaseRow } from '../../store/support-case-repository.js';

export async function lockCaseForAgent(
  trx: Transaction<Database>,
  actor: Actor,
  caseId: string,
): Promise<SupportCaseRow> {
  assertAgent(actor);
  const row = await lockCase(trx, caseId);
  if (!row) throw new AppError('NOT_FOUND', { caseId });
  return row;
}

/** An agent may act on the case's line, or on any line of the case's order when it names none. */
export async function assertLineOfCase(
  trx: Transaction<Database>,
  row: SupportCaseRow,
  subscriptionId: string,
): Promise<void> {
  const line = await findLine(trx, subscriptionId);
  const ok =
    line?.order_id === row.order_id &&
    (row.subscription_id === null || row.subscription_id === subscriptionId);
  if (!ok) throw invalidInput('subscriptionId', 'is not a line of this case');
}
