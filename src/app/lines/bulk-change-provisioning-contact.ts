/**
 * Give several lines the same provisioning contact; each line is its own transaction (the
 * single-line use case, without "apply to all lines"), so the result says which lines changed.
 */
import type { Actor, ProvisioningContact } from '../../domain/types.js';
import type { AppDeps } from '../deps.js';
import { eachLineApart, type LineResult } from './bulk-line-results.js';
import { changeProvisioningContact, type ContactChangeResult } from './change-provisioning-contact.js';

export function bulkChangeProvisioningContact(
  deps: AppDeps,
  actor: Actor,
  input: { subscriptionIds: string[]; contact: ProvisioningContact },
): Promise<LineResult<ContactChangeResult>[]> {
  return eachLineApart(input.subscriptionIds, (subscriptionId) =>
    changeProvisioningContact(deps, actor, {
      subscriptionId,
      contact: input.contact,
      applyToAllLines: false,
    }),
  );
}
