/**
 * An admin changes a user: role (user <-> admin within the organization's kind) and/or active.
 * Deactivation ends the user's sessions and revokes their API tokens in the same transaction, so
 * both stop at once; reactivation brings no token back; orders they placed stay with the
 * organization. Nobody changes their own role or deactivates themself, and an organization keeps
 * at least one active admin (checked under the organization's lock, so two admins demoting each
 * other at once cannot both win).
 */
import { z } from 'zod';

import { AppError } from '../../domain/errors.js';
import { ADMIN_ROLE_OF_KIND, isRoleOfKind } from '../../domain/roles.js';
import { type Actor, type Role, ROLES } from '../../domain/types.js';
import { appendAudit, type AuditEntry } from '../../store/audit-repository.js';
import {
  countOtherActiveAdmins,
  deactivateUser,
  findUser,
  lockOrganization,
  lockUser,
  reactivateUser,
  setUserRole,
} from '../../store/user-repository.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';
import { assertSees, type UserView, userView } from './people-views.js';

export const changeUserSchema = z
  .object({
    role: z.enum(ROLES as [Role, ...Role[]]).optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => v.role !== undefined || v.active !== undefined, {
    message: 'give role, active or both',
    path: ['role'],
  });
export type ChangeUserInput = z.infer<typeof changeUserSchema>;

/** Which rule refused, for the pages to explain it in the reader's language. */
export type ChangeUserRule = 'kind' | 'self' | 'last_admin';

const invalid = (path: string, message: string, rule: ChangeUserRule) =>
  new AppError('INVALID_INPUT', { issues: [{ path, message }], rule });

export const LAST_ADMIN_MESSAGE = 'an organization keeps at least one active administrator';

export async function changeUser(
  deps: AppDeps,
  actor: Actor,
  userId: string,
  input: ChangeUserInput,
): Promise<UserView> {
  const notFound = new AppError('NOT_FOUND', { userId });
  // Authorize before taking any lock: another organization's user is simply not found.
  const seen = await findUser(deps.db, userId);
  assertSees(actor, seen?.organization_id, notFound);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const org = await lockOrganization(trx, seen!.organization_id);
    const user = await lockUser(trx, userId);
    if (!org || !user || user.organization_id !== org.id) throw notFound;
    const adminRole = ADMIN_ROLE_OF_KIND[org.kind];
    const role = input.role ?? user.role;
    const active = input.active ?? user.deactivated_at === null;
    const roleChanges = role !== user.role;
    const activeChanges = active !== (user.deactivated_at === null);

    if (roleChanges && !isRoleOfKind(role, org.kind))
      throw invalid('role', `must be a role of a ${org.kind} organization`, 'kind');
    if (user.id === actor.userId && roleChanges)
      throw invalid('role', 'you cannot change your own role', 'self');
    if (user.id === actor.userId && activeChanges)
      throw invalid('active', 'you cannot deactivate yourself', 'self');
    const wasActiveAdmin = user.role === adminRole && user.deactivated_at === null;
    const staysActiveAdmin = role === adminRole && active;
    if (
      wasActiveAdmin &&
      !staysActiveAdmin &&
      (await countOtherActiveAdmins(trx, org.id, adminRole, user.id)) === 0
    )
      throw invalid(roleChanges ? 'role' : 'active', LAST_ADMIN_MESSAGE, 'last_admin');

    const audit: AuditEntry[] = [];
    const about = { userId: user.id, email: user.email };
    if (roleChanges) {
      await setUserRole(trx, user.id, role, now);
      audit.push({
        action: 'user.role_changed',
        organizationId: org.id,
        data: { ...about, from: user.role, to: role },
      });
    }
    if (activeChanges && !active) {
      const stopped = await deactivateUser(trx, user.id, now);
      audit.push({ action: 'user.deactivated', organizationId: org.id, data: { ...about, ...stopped } });
    }
    if (activeChanges && active) {
      await reactivateUser(trx, user.id, now);
      audit.push({ action: 'user.reactivated', organizationId: org.id, data: about });
    }
    await appendAudit(trx, now, auditActorOf(actor), audit);
    return userView({
      ...user,
      role,
      deactivated_at: active ? null : (user.deactivated_at ?? now),
      updated_at: audit.length > 0 ? now : user.updated_at,
    });
  });
}
