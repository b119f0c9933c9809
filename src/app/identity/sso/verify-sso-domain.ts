/**
 * Verify an organization's e-mail domain, so that it routes sign-ins to the organization's
 * identity provider: by the DNS TXT record `_onramp-verification.<domain>` holding
 * `onramp-verification=<token>` (looked up through an injected resolver, so tests answer it), or
 * by an operator's confirmation. A domain another organization holds verified is refused like
 * one that proves nothing: nobody learns which organization holds it. Audited as
 * `sso.domain_verified` with how.
 */
import { resolveTxt } from 'node:dns/promises';

import { AppError } from '../../../domain/errors.js';
import { txtRecordsProve, verificationRecord } from '../../../domain/sso.js';
import { appendAudit } from '../../../store/audit-repository.js';
import { lockOrganization } from '../../../store/organization-repository.js';
import {
  domainVerifiedElsewhere,
  listSsoDomains,
  markSsoDomainVerified,
} from '../../../store/sso-repository.js';
import type { AppDeps } from '../../deps.js';
import { parseInput } from '../list-organizations.js';
import {
  assertConfigures,
  auditActorOfConfigurer,
  domainSchema,
  type SsoConfigurer,
} from './set-sso-connection.js';

/** The TXT records at a name, each as the strings a DNS answer splits it into. */
export type TxtResolver = (name: string) => Promise<string[][]>;

export const systemTxtResolver: TxtResolver = async (name) => {
  try {
    return await resolveTxt(name);
  } catch {
    // No record, no domain, no answer: all mean "not proven".
    return [];
  }
};

export interface VerifySsoDomainInput {
  domain: string;
  /** `dns` looks the TXT record up; `operator` confirms (operators and the console only). */
  method: 'dns' | 'operator';
}

export async function verifySsoDomain(
  deps: AppDeps,
  by: SsoConfigurer,
  organizationId: string,
  input: VerifySsoDomainInput,
): Promise<{ domain: string; verifiedAt: Date; verifiedBy: 'dns' | 'operator' }> {
  assertConfigures(by, organizationId);
  const domain = parseInput(domainSchema, input.domain);
  if (input.method === 'operator' && by !== 'cli' && by.role !== 'operator')
    throw new AppError('NO_ACCESS', { area: 'operator' });
  const claim = (await listSsoDomains(deps.db, organizationId)).find((d) => d.domain === domain);
  if (!claim) throw new AppError('NOT_FOUND', { domain });
  if (claim.verified_at)
    return { domain, verifiedAt: claim.verified_at, verifiedBy: claim.verified_by ?? 'operator' };
  const record = verificationRecord(domain, claim.verification_token);
  const notVerified = new AppError('DOMAIN_NOT_VERIFIED', {
    domain,
    recordName: record.name,
    recordValue: record.value,
  });
  if (input.method === 'dns') {
    const answers = await (deps.resolveTxt ?? systemTxtResolver)(record.name);
    if (!txtRecordsProve(answers, claim.verification_token)) throw notVerified;
  }
  try {
    return await markVerified(deps, by, organizationId, domain, input.method, notVerified);
  } catch (e) {
    // Another organization verified it in the same instant: the unique index decided.
    if ((e as { code?: string }).code === UNIQUE_VIOLATION) throw notVerified;
    throw e;
  }
}

const UNIQUE_VIOLATION = '23505';

async function markVerified(
  deps: AppDeps,
  by: SsoConfigurer,
  organizationId: string,
  domain: string,
  method: 'dns' | 'operator',
  notVerified: AppError,
): Promise<{ domain: string; verifiedAt: Date; verifiedBy: 'dns' | 'operator' }> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    await lockOrganization(trx, organizationId);
    if (await domainVerifiedElsewhere(trx, organizationId, domain)) throw notVerified;
    await markSsoDomainVerified(trx, organizationId, domain, method, now);
    await appendAudit(trx, now, auditActorOfConfigurer(by), [
      { action: 'sso.domain_verified', organizationId, data: { domain, method } },
    ]);
    return { domain, verifiedAt: now, verifiedBy: method };
  });
}
