/**
 * The platform's first operator, for a deployment nobody can sign in to yet: creates (if missing)
 * the operator organization and the `operator` user, issues a 7-day bootstrap password link and
 * queues its e-mail, all in one transaction. Refused once any operator exists; the check runs
 * under a transaction-scoped advisory lock, so two concurrent bootstraps make one operator.
 */
import { z } from 'zod';

import { personName } from '../../domain/display-name.js';
import { AppError, invalidInput } from '../../domain/errors.js';
import { LANGUAGES } from '../../domain/types.js';
import { appendAudit } from '../../store/audit-repository.js';
import {
  anyOperatorExists,
  emailTaken,
  findPlatformOrganization,
  insertOperator,
  insertPlatformOrganization,
  lockBootstrap,
} from '../../store/bootstrap-repository.js';
import type { AppDeps } from '../deps.js';
import { issuePasswordLink } from './issue-password-link.js';

export const PLATFORM_ORGANIZATION_NAME = 'Onramp operators';

export const bootstrapOperatorSchema = z.object({
  email: z.email().max(254),
  name: personName.optional(),
  language: z.enum(LANGUAGES).default('en'),
});

export interface BootstrappedOperator {
  userId: string;
  organizationId: string;
  email: string;
  setPasswordUrl: string;
  expiresAt: string;
}

export async function bootstrapOperator(deps: AppDeps, raw: unknown): Promise<BootstrappedOperator> {
  const parsed = bootstrapOperatorSchema.safeParse(raw);
  if (!parsed.success)
    throw invalidInput(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const input = parsed.data;
  const name = input.name ?? input.email.split('@')[0]!;
  return deps.db.transaction().execute(async (trx) => {
    await lockBootstrap(trx);
    const now = deps.clock.now();
    if (await anyOperatorExists(trx)) throw new AppError('ALREADY_EXISTS', { what: 'operator' });
    if (await emailTaken(trx, input.email)) throw new AppError('ALREADY_EXISTS', { what: 'user' });
    let organizationId = await findPlatformOrganization(trx);
    if (!organizationId) {
      organizationId = deps.ids.newId('org');
      await insertPlatformOrganization(trx, { id: organizationId, name: PLATFORM_ORGANIZATION_NAME, now });
    }
    const user = { id: deps.ids.newId('usr'), name, email: input.email, language: input.language };
    await insertOperator(trx, { ...user, organizationId, now });
    const link = await issuePasswordLink(trx, deps, now, user, 'bootstrap');
    await appendAudit(trx, now, { userId: null, label: 'onramp admin bootstrap' }, [
      { action: 'operator.bootstrapped', organizationId, data: { userId: user.id, email: input.email } },
    ]);
    return {
      userId: user.id,
      organizationId,
      email: input.email,
      setPasswordUrl: link.setPasswordUrl,
      expiresAt: link.expiresAt.toISOString(),
    };
  });
}
