/**
 * The e-mail-first step of signing in: an address on a verified domain whose organization has an
 * identity provider goes there (authorization code flow with PKCE, state and nonce); any other
 * address signs in with its password. The browser gets only a random id (its cookie); what the
 * callback checks stays in `sso_sign_in`, used once and dead after SSO_SIGN_IN_TTL_MS.
 */
import { emailDomain, SSO_SIGN_IN_TTL_MS } from '../../../domain/sso.js';
import {
  deleteExpiredSsoSignIns,
  findRoutedSsoConnection,
  insertSsoSignIn,
  type SsoConnection,
} from '../../../store/sso-repository.js';
import { type AppDeps, hashToken } from '../../deps.js';
import { authorizationUrl, discoverProvider, newSignInSecrets } from './oidc-protocol.js';

/** Where the identity provider sends the browser back (register it at the provider). */
export const SSO_CALLBACK_PATH = '/sign-in/sso/callback';

export function ssoRedirectUri(deps: Pick<AppDeps, 'settings'>): string {
  return new URL(SSO_CALLBACK_PATH, deps.settings.publicUrl).toString();
}

/** The connection a verified domain of this address routes to, if any. */
export async function ssoConnectionOfEmail(
  deps: Pick<AppDeps, 'db'>,
  email: string,
): Promise<SsoConnection | undefined> {
  const domain = emailDomain(email);
  return domain ? findRoutedSsoConnection(deps.db, domain) : undefined;
}

export interface SsoRedirect {
  /** The identity provider's authorization URL. */
  url: URL;
  /** The browser's cookie value binding it to this sign-in. */
  browserToken: string;
  provider: string;
}

/** The redirect to the identity provider, or null when this address signs in with a password. */
export async function startSsoSignIn(
  deps: AppDeps,
  input: { email: string; nextPath: string | null },
): Promise<SsoRedirect | null> {
  const connection = await ssoConnectionOfEmail(deps, input.email);
  if (!connection) return null;
  const config = await discoverProvider(connection, deps.clock.now());
  const secrets = newSignInSecrets();
  const url = await authorizationUrl(config, {
    ...secrets,
    redirectUri: ssoRedirectUri(deps),
    loginHint: input.email.trim(),
  });
  const browserToken = deps.ids.newToken();
  const now = deps.clock.now();
  await deleteExpiredSsoSignIns(deps.db, now);
  await insertSsoSignIn(deps.db, {
    idHash: hashToken(browserToken),
    organizationId: connection.organizationId,
    ...secrets,
    nextPath: input.nextPath,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SSO_SIGN_IN_TTL_MS),
  });
  return { url, browserToken, provider: connection.displayName };
}
