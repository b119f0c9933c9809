/**
 * Give several lines the same provisioning contact. The selected lines of one order change in one
 * transaction (the single-line use case, naming the others as `alsoLines`), so the new contact gets
 * one e-mail for that order listing them all; orders are apart, so one refused order never undoes
 * another. The result says, line by line, which changed.
 */
import { AppError } from '../../domain/errors.js';
import type { Actor, ProvisioningContact } from '../../domain/types.js';
import type { AppDeps } from '../deps.js';
import { bulkLines, eachLineApart, type LineResult } from './bulk-line-results.js';
import { changeProvisioningContact, type ContactChangeResult } from './change-provisioning-contact.js';

/** What one line's result says, taken from the change of its order that covered it. */
function resultOfLine(change: ContactChangeResult, subscriptionId: string): ContactChangeResult {
  const skipped = change.skipped.filter((s) => s.subscriptionId === subscriptionId);
  // Selected on its own, a cancelled line refuses the change; so it does when selected with others.
  if (skipped.some((s) => s.code === 'LINE_CANCELLED')) throw new AppError('LINE_CANCELLED');
  return { updated: change.updated.filter((u) => u.subscriptionId === subscriptionId), skipped };
}

export function bulkChangeProvisioningContact(
  deps: AppDeps,
  actor: Actor,
  input: { subscriptionIds: string[]; contact: ProvisioningContact },
): Promise<LineResult<ContactChangeResult>[]> {
  const selected = bulkLines(input.subscriptionIds);
  const covered = new Map<string, ContactChangeResult>();
  return eachLineApart(selected, async (subscriptionId) => {
    const earlier = covered.get(subscriptionId);
    if (earlier) return resultOfLine(earlier, subscriptionId);
    const change = await changeProvisioningContact(deps, actor, {
      subscriptionId,
      contact: input.contact,
      applyToAllLines: false,
      alsoLines: selected.filter((id) => id !== subscriptionId && !covered.has(id)),
    });
    for (const line of [...change.updated, ...change.skipped]) covered.set(line.subscriptionId, change);
    return resultOfLine(change, subscriptionId);
  });
}
