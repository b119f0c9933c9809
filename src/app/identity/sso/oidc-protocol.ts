/**
 * The OpenID Connect relying party, through the certified `openid-client`: discovery, the
 * authorization URL (code flow, PKCE S256, state, nonce), the code exchange with every ID token
 * check the library makes (issuer, audience, signature, nonce, times), and RP-initiated logout.
 * Its failures are named here as an SsoFailure, so a page can say what went wrong.
 *
 * Plain http is accepted for issuers on loopback only (a provider on the developer's machine or
 * in a test); anything else must be https.
 */
import * as oidc from 'openid-client';

import { AppError, type SsoFailure } from '../../../domain/errors.js';

/** What discovery needs of a connection (src/store/sso-repository.ts's SsoConnection). */
export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: () => string;
  displayName: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK.has(url.hostname);
}

/**
 * The provider's metadata and this client's settings (discovery at the issuer). `now` is the
 * injected clock's time: the ID token's times are judged by it (as a skew from the system clock),
 * like every other time in Onramp.
 */
export async function discoverProvider(settings: OidcClientSettings, now: Date): Promise<oidc.Configuration> {
  const issuer = new URL(settings.issuer);
  const skewSeconds = Math.round((now.getTime() - Date.now()) / 1000);
  try {
    return await oidc.discovery(
      issuer,
      settings.clientId,
      { [oidc.clockSkew]: skewSeconds },
      oidc.ClientSecretBasic(settings.clientSecret()),
      isLoopbackHttp(issuer) ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
    );
  } catch (cause) {
    throw new AppError(
      'SSO_FAILED',
      { reason: 'provider', provider: settings.displayName },
      `discovery failed: ${String(cause)}`,
    );
  }
}

/** A new sign-in's secrets: they stay on the server (sso_sign_in), never in the browser. */
export function newSignInSecrets(): { state: string; nonce: string; codeVerifier: string } {
  return {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
  };
}

export async function authorizationUrl(
  config: oidc.Configuration,
  p: { redirectUri: string; state: string; nonce: string; codeVerifier: string; loginHint: string },
): Promise<URL> {
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: p.redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(p.codeVerifier),
    code_challenge_method: 'S256',
    state: p.state,
    nonce: p.nonce,
    login_hint: p.loginHint,
  });
}

export interface VerifiedIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean | null;
  name: string | null;
  /** When the person authenticated at the provider (`auth_time`), if it says. */
  authTime: Date | null;
  idToken: string;
}

/** Exchanges the callback's code (with the PKCE verifier) and checks the ID token. */
export async function exchangeCode(
  config: oidc.Configuration,
  callbackUrl: URL,
  expected: { state: string; nonce: string; codeVerifier: string },
  provider: string,
): Promise<VerifiedIdentity> {
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new AppError('SSO_FAILED', { reason: 'token', provider });
    // A conformant provider may keep the e-mail out of the ID token: then it is at userinfo, for
    // the same subject (openid-client checks that it is).
    const profile: Record<string, unknown> =
      typeof claims['email'] === 'string'
        ? claims
        : await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
    return {
      subject: claims.sub,
      email: str(profile['email']),
      emailVerified: typeof profile['email_verified'] === 'boolean' ? profile['email_verified'] : null,
      name: str(profile['name'] ?? claims['name']),
      authTime: typeof claims.auth_time === 'number' ? new Date(claims.auth_time * 1000) : null,
      idToken: tokens.id_token,
    };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('SSO_FAILED', { reason: failureOf(e), provider }, `callback refused: ${String(e)}`);
  }
}

/** The provider's logout URL for this session, when it offers RP-initiated logout. */
export function endSessionUrl(
  config: oidc.Configuration,
  idToken: string,
  postLogoutRedirectUri: string,
): URL | null {
  if (!config.serverMetadata().end_session_endpoint) return null;
  return oidc.buildEndSessionUrl(config, {
    id_token_hint: idToken,
    post_logout_redirect_uri: postLogoutRedirectUri,
  });
}

/** The claim an ID token check named, somewhere down the error's causes. */
function claimOf(e: unknown): string | undefined {
  for (let c: unknown = e, depth = 0; c && typeof c === 'object' && depth < 5; depth++) {
    const claim = (c as { claim?: unknown }).claim;
    if (typeof claim === 'string') return claim;
    c = (c as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What a failure of openid-client means to the person signing in. */
export function failureOf(e: unknown): SsoFailure {
  if (e instanceof oidc.AuthorizationResponseError)
    return e.error === 'access_denied' || e.error === 'consent_required' || e.error === 'login_required'
      ? 'denied'
      : 'provider';
  if (e instanceof oidc.ResponseBodyError) return e.error === 'invalid_grant' ? 'expired' : 'provider';
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return 'clock';
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') return claimOf(e) === 'nonce' ? 'nonce' : 'token';
  if (code === 'OAUTH_INVALID_RESPONSE' && /"state"/.test(String((e as Error).cause ?? e))) return 'state';
  if (typeof code === 'string' && code.startsWith('OAUTH_')) return 'token';
  return 'provider';
}
