/**
 * Connect an organization to its identity provider (OpenID Connect), or change the connection:
 * issuer, client id and secret (sealed at rest), the provider's display name, whether single
 * sign-on is enforced, whether new people need an invitation, the role people created just in
 * time get, and how long a session may last. The organization's e-mail domains are claimed here
 * too; each routes sign-ins only once verified (verify-sso-domain.ts). The settings page sends the
 * whole list, so a domain left out is dropped.
 *
 * Operators configure any organization (at the console too); an organization's administrators
 * their own. Another organization answers like a missing one. Audited as `sso.connection_set`
 * (never with the secret), `sso.domain_added` and `sso.domain_removed`.
 */
import { z } from 'zod';

import { AppError, invalidInput } from '../../../domain/errors.js';
import { assertAdministers, isRoleOfKind } from '../../../domain/roles.js';
import { defaultSsoRole, normalizeDomain } from '../../../domain/sso.js';
import { type Actor, ROLES } from '../../../domain/types.js';
import { appendAudit, type AuditActor, type AuditEntry, CLI_ACTOR } from '../../../store/audit-repository.js';
import { lockOrganization, organizationKind } from '../../../store/organization-repository.js';
import {
  deleteSsoDomain,
  findSsoConnection,
  insertSsoDomain,
  listSsoDomains,
  upsertSsoConnection,
} from '../../../store/sso-repository.js';
import { auditActorOf } from '../../actor-label.js';
import type { AppDeps } from '../../deps.js';
import { parseInput } from '../list-organizations.js';
import { isLoopbackHttp } from './oidc-protocol.js';

/** Who configures: a signed-in user (checked), or an operator at the console. */
export type SsoConfigurer = Actor | 'cli';

export function auditActorOfConfigurer(by: SsoConfigurer): AuditActor {
  return by === 'cli' ? CLI_ACTOR : auditActorOf(by);
}

export function assertConfigures(by: SsoConfigurer, organizationId: string): void {
  if (by !== 'cli') assertAdministers(by, organizationId);
}

const issuerSchema = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .refine((u) => new URL(u).protocol === 'https:' || isLoopbackHttp(new URL(u)), {
    message: 'the issuer must be an https URL (plain http only on this machine: 127.0.0.1 or localhost)',
  });

export const domainSchema = z
  .string()
  .max(253)
  .transform((d, ctx) => {
    const domain = normalizeDomain(d);
    if (!domain) ctx.addIssue({ code: 'custom', message: 'must be a domain name such as acme.example' });
    return domain ?? '';
  });

export const setSsoConnectionSchema = z.object({
  displayName: z.string().trim().min(1).max(60),
  issuer: issuerSchema,
  clientId: z.string().trim().min(1).max(300),
  /** Required on the first connection; left out, the stored secret stays. */
  clientSecret: z.string().min(1).max(2000).optional(),
  enforced: z.boolean().default(false),
  invitationsRequired: z.boolean().default(false),
  defaultRole: z.enum(ROLES).optional(),
  sessionMaxMinutes: z.number().int().min(5).max(1440).default(480),
  domains: z.array(domainSchema).max(50).default([]),
  /** The domains are the whole list (the settings page): claims not in it are dropped. */
  replaceDomains: z.boolean().default(false),
});
export type SetSsoConnectionInput = z.input<typeof setSsoConnectionSchema>;

export async function setSsoConnection(
  deps: AppDeps,
  by: SsoConfigurer,
  organizationId: string,
  input: SetSsoConnectionInput | Record<string, unknown>,
): Promise<void> {
  assertConfigures(by, organizationId);
  const change = parseInput(setSsoConnectionSchema, input);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    await lockOrganization(trx, organizationId);
    const kind = await organizationKind(trx, organizationId);
    if (!kind) throw new AppError('NOT_FOUND', { organizationId });
    const role = change.defaultRole ?? defaultSsoRole(kind);
    if (!isRoleOfKind(role, kind))
      throw invalidInput('defaultRole', `a ${kind} organization's users have one of its own roles`);
    const existing = await findSsoConnection(trx, organizationId);
    if (!existing && change.clientSecret === undefined)
      throw invalidInput('clientSecret', 'the client secret is required for a new connection');
    await upsertSsoConnection(trx, organizationId, { ...change, defaultRole: role }, now);
    const entries: AuditEntry[] = [
      {
        action: 'sso.connection_set',
        organizationId,
        data: {
          displayName: change.displayName,
          issuer: change.issuer,
          clientId: change.clientId,
          secretChanged: change.clientSecret !== undefined,
          enforced: change.enforced,
          invitationsRequired: change.invitationsRequired,
          defaultRole: role,
          sessionMaxMinutes: change.sessionMaxMinutes,
        },
      },
    ];
    const claimed = new Set((await listSsoDomains(trx, organizationId)).map((d) => d.domain));
    for (const domain of new Set(change.domains)) {
      if (claimed.has(domain)) continue;
      await insertSsoDomain(trx, { organizationId, domain, token: deps.ids.newToken(), now });
      entries.push({ action: 'sso.domain_added', organizationId, data: { domain } });
    }
    const wanted = new Set(change.domains);
    for (const domain of change.replaceDomains ? [...claimed].filter((d) => !wanted.has(d)) : []) {
      await deleteSsoDomain(trx, organizationId, domain);
      entries.push({ action: 'sso.domain_removed', organizationId, data: { domain } });
    }
    await appendAudit(trx, now, auditActorOfConfigurer(by), entries);
  });
}
