/**
 * The identity provider's answer (the callback): the pending sign-in of this browser is taken
 * (once), its state compared, the code exchanged with its PKCE verifier and the ID token checked
 * by openid-client (issuer, audience, signature, nonce, times). The provider must vouch for an
 * e-mail on a verified domain of the same organization. Then the person is signed in: an existing
 * active user of that organization, or a new one created just in time with the connection's
 * default role — unless the organization requires invitations. A deactivated user, or an address
 * that belongs to another organization's account, is refused.
 *
 * Every outcome is audited: `sso.signed_in` (and `sso.user_created`), or `sso.sign_in_refused`
 * with the reason, written apart from the refused work so it stays.
 */
import { AppError, isAppError, type SsoFailure } from '../../../domain/errors.js';
import { emailDomain, ssoSessionEnd } from '../../../domain/sso.js';
import type { Language, Role } from '../../../domain/types.js';
import { appendAudit, SYSTEM_ACTOR } from '../../../store/audit-repository.js';
import {
  findRoutedSsoConnection,
  findSsoConnection,
  findUserForSso,
  type SsoConnection,
  takeSsoSignIn,
} from '../../../store/sso-repository.js';
import { insertUser } from '../../../store/user-repository.js';
import { type AppDeps, hashToken } from '../../deps.js';
import { discoverProvider, exchangeCode, type VerifiedIdentity } from './oidc-protocol.js';
import { ssoRedirectUri } from './start-sso-sign-in.js';

export interface SsoSignedIn {
  userId: string;
  role: Role;
  organizationId: string;
  nextPath: string | null;
  /** When the session must end: the provider's session length at most. */
  sessionExpiresAt: Date;
  /** For RP-initiated logout (stored sealed with the session). */
  idToken: string;
  created: boolean;
}

const UNIQUE_VIOLATION = '23505';

const fail = (reason: SsoFailure, provider?: string) =>
  new AppError('SSO_FAILED', provider === undefined ? { reason } : { reason, provider });

export async function finishSsoSignIn(
  deps: AppDeps,
  input: { browserToken: string | undefined; query: URLSearchParams; language: Language },
): Promise<SsoSignedIn> {
  const pending = input.browserToken
    ? await takeSsoSignIn(deps.db, hashToken(input.browserToken))
    : undefined;
  if (!pending) throw fail('state');
  const connection = await findSsoConnection(deps.db, pending.organization_id);
  if (!connection) throw fail('provider');
  try {
    if (pending.expires_at <= deps.clock.now()) throw fail('expired', connection.displayName);
    if (input.query.get('state') !== pending.state) throw fail('state', connection.displayName);
    const config = await discoverProvider(connection, deps.clock.now());
    const callbackUrl = new URL(ssoRedirectUri(deps));
    callbackUrl.search = input.query.toString();
    const identity = await exchangeCode(
      config,
      callbackUrl,
      { state: pending.state, nonce: pending.nonce, codeVerifier: pending.code_verifier },
      connection.displayName,
    );
    try {
      return await signInAs(deps, connection, identity, input.language, pending.next_path);
    } catch (e) {
      // The same person's first sign-in in two tabs at once: the other created the account.
      if ((e as { code?: string }).code !== UNIQUE_VIOLATION) throw e;
      return await signInAs(deps, connection, identity, input.language, pending.next_path);
    }
  } catch (e) {
    if (isAppError(e, 'SSO_FAILED'))
      await appendAudit(deps.db, deps.clock.now(), SYSTEM_ACTOR, [
        {
          action: 'sso.sign_in_refused',
          organizationId: connection.organizationId,
          data: { reason: e.details.reason },
        },
      ]);
    throw e;
  }
}

async function signInAs(
  deps: AppDeps,
  connection: SsoConnection,
  identity: VerifiedIdentity,
  language: Language,
  nextPath: string | null,
): Promise<SsoSignedIn> {
  const provider = connection.displayName;
  const email = identity.email;
  const domain = email && identity.emailVerified !== false ? emailDomain(email) : null;
  const routed = domain ? await findRoutedSsoConnection(deps.db, domain) : undefined;
  if (!email || routed?.organizationId !== connection.organizationId) throw fail('email', provider);

  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const sessionExpiresAt = ssoSessionEnd(now, identity.authTime, connection.sessionMaxMinutes);
    const actor = { userId: null, label: `${identity.name ?? email} <${email}> via ${provider}` };
    const existing = await findUserForSso(trx, email);
    const data = { email, subject: identity.subject, provider };
    if (existing) {
      if (existing.organization_id !== connection.organizationId) throw fail('other_organization', provider);
      if (existing.deactivated_at) throw fail('deactivated', provider);
      await appendAudit(trx, now, { ...actor, userId: existing.id }, [
        {
          action: 'sso.signed_in',
          organizationId: connection.organizationId,
          data: { userId: existing.id, ...data },
        },
      ]);
      const base = { userId: existing.id, role: existing.role, organizationId: connection.organizationId };
      return { ...base, nextPath, sessionExpiresAt, idToken: identity.idToken, created: false };
    }
    if (connection.invitationsRequired) throw fail('invitation_required', provider);
    const userId = deps.ids.newId('usr');
    await insertUser(trx, {
      id: userId,
      organization_id: connection.organizationId,
      role: connection.defaultRole,
      name: (identity.name ?? email.split('@')[0]!).slice(0, 200),
      email,
      language,
      password_hash: null,
      created_at: now,
    });
    const scope = { organizationId: connection.organizationId };
    await appendAudit(trx, now, { ...actor, userId }, [
      { action: 'sso.user_created', ...scope, data: { userId, role: connection.defaultRole, ...data } },
      { action: 'sso.signed_in', ...scope, data: { userId, ...data } },
    ]);
    const base = { userId, role: connection.defaultRole, organizationId: connection.organizationId };
    return { ...base, nextPath, sessionExpiresAt, idToken: identity.idToken, created: true };
  });
}
