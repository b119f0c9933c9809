/**
 * A customer admin removes an administrator of their organization (themself included, when they
 * leave): the account is deactivated (signed out at once, API tokens revoked) and the removal
 * audited. Never the last one (LAST_ADMINISTRATOR): the others are counted under the organization
 * row's lock, so two administrators removing each other at the same moment cannot both succeed.
 * Another organization's user, or someone who is not an active administrator here, is NOT_FOUND;
 * an administrator removed while their request waited for the lock is refused like a stranger.
 */
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { appendAudit } from '../../store/audit-repository.js';
import { inTransaction } from '../../store/run-transaction.js';
import {
  countOtherActiveAdmins,
  deactivateUser,
  findUser,
  lockOrganization,
  lockUser,
} from '../../store/user-repository.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';
import { assertCustomerAdmin } from './get-organization-administration.js';

export async function removeAdministrator(deps: AppDeps, actor: Actor, userId: string): Promise<void> {
  assertCustomerAdmin(actor);
  const notFound = new AppError('NOT_FOUND', { userId });
  await inTransaction(deps, async (trx) => {
    const now = deps.clock.now();
    // Lock order: organization, then user (as changeUser), so removals queue behind each other.
    const org = await lockOrganization(trx, actor.organizationId);
    const user = await lockUser(trx, userId);
    if (!org || !user || user.organization_id !== org.id) throw notFound;
    if (user.role !== 'customer_admin' || user.deactivated_at !== null) throw notFound;
    if ((await countOtherActiveAdmins(trx, org.id, 'customer_admin', user.id)) === 0)
      throw new AppError('LAST_ADMINISTRATOR');
    if (user.id !== actor.userId) {
      const self = await findUser(trx, actor.userId);
      if (self?.deactivated_at !== null || self.organization_id !== org.id) throw notFound;
    }
    const stopped = await deactivateUser(trx, user.id, now);
    await appendAudit(trx, now, auditActorOf(actor), [
      {
        action: 'user.removed',
        organizationId: org.id,
        data: { userId: user.id, email: user.email, name: user.name, ...stopped },
      },
    ]);
  });
}
