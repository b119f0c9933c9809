/**
 * An organization's single sign-on settings as its administrators (and operators) see them: the
 * connection without its secret, the redirect URI to register at the provider, and each domain
 * with its state and the DNS TXT record that verifies it. Another organization answers like a
 * missing one.
 */
import { AppError } from '../../../domain/errors.js';
import { verificationRecord } from '../../../domain/sso.js';
import type { Role } from '../../../domain/types.js';
import { organizationKind } from '../../../store/organization-repository.js';
import { findSsoConnection, listSsoDomains } from '../../../store/sso-repository.js';
import type { AppDeps } from '../../deps.js';
import { assertConfigures, type SsoConfigurer } from './set-sso-connection.js';
import { ssoRedirectUri } from './start-sso-sign-in.js';

export interface SsoSettingsView {
  organizationId: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  connection: {
    displayName: string;
    issuer: string;
    clientId: string;
    enforced: boolean;
    invitationsRequired: boolean;
    defaultRole: Role;
    sessionMaxMinutes: number;
  } | null;
  domains: {
    domain: string;
    verifiedAt: string | null;
    verifiedBy: 'dns' | 'operator' | null;
    txtRecord: { name: string; value: string };
  }[];
}

export async function getSsoSettings(
  deps: AppDeps,
  by: SsoConfigurer,
  organizationId: string,
): Promise<SsoSettingsView> {
  assertConfigures(by, organizationId);
  if (!(await organizationKind(deps.db, organizationId))) throw new AppError('NOT_FOUND', { organizationId });
  const c = await findSsoConnection(deps.db, organizationId);
  const domains = await listSsoDomains(deps.db, organizationId);
  return {
    organizationId,
    redirectUri: ssoRedirectUri(deps),
    postLogoutRedirectUri: new URL('/sign-in', deps.settings.publicUrl).toString(),
    connection: c
      ? {
          displayName: c.displayName,
          issuer: c.issuer,
          clientId: c.clientId,
          enforced: c.enforced,
          invitationsRequired: c.invitationsRequired,
          defaultRole: c.defaultRole,
          sessionMaxMinutes: c.sessionMaxMinutes,
        }
      : null,
    domains: domains.map((d) => ({
      domain: d.domain,
      verifiedAt: d.verified_at?.toISOString() ?? null,
      verifiedBy: d.verified_by,
      txtRecord: verificationRecord(d.domain, d.verification_token),
    })),
  };
}
