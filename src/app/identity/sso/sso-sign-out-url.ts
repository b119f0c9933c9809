/**
 * Where sign-out leads for a session started through single sign-on: the provider's logout
 * endpoint (RP-initiated logout, with the ID token as hint and the sign-in page to come back to)
 * when the provider offers one; otherwise null, and the local sign-out is all. The local session
 * is already gone when this is asked: a provider that cannot be reached changes nothing.
 */
import { findSsoConnection } from '../../../store/sso-repository.js';
import type { AppDeps } from '../../deps.js';
import { discoverProvider, endSessionUrl } from './oidc-protocol.js';

export async function ssoSignOutUrl(
  deps: AppDeps,
  sso: { organizationId: string; idToken: string },
): Promise<{ url: URL; provider: string } | null> {
  const connection = await findSsoConnection(deps.db, sso.organizationId);
  if (!connection) return null;
  try {
    const config = await discoverProvider(connection, deps.clock.now());
    const url = endSessionUrl(config, sso.idToken, new URL('/sign-in', deps.settings.publicUrl).toString());
    return url && { url, provider: connection.displayName };
  } catch {
    return null;
  }
}
