/**
 * Disconnect an organization from its identity provider: the connection and its domains go, so
 * its people sign in with passwords again (those without one use "Forgot password?"). Sessions
 * already started stay until they end. Audited as `sso.connection_removed`.
 */
import { AppError } from '../../../domain/errors.js';
import { appendAudit } from '../../../store/audit-repository.js';
import { lockOrganization } from '../../../store/organization-repository.js';
import { deleteSsoConnection, deleteSsoDomains } from '../../../store/sso-repository.js';
import type { AppDeps } from '../../deps.js';
import { assertConfigures, auditActorOfConfigurer, type SsoConfigurer } from './set-sso-connection.js';

export async function removeSsoConnection(
  deps: AppDeps,
  by: SsoConfigurer,
  organizationId: string,
): Promise<void> {
  assertConfigures(by, organizationId);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    await lockOrganization(trx, organizationId);
    const domains = await deleteSsoDomains(trx, organizationId);
    if (!(await deleteSsoConnection(trx, organizationId)))
      throw new AppError('NOT_FOUND', { organizationId });
    await appendAudit(trx, now, auditActorOfConfigurer(by), [
      { action: 'sso.connection_removed', organizationId, data: { domains } },
    ]);
  });
}
