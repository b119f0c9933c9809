/** Request helpers shared by the setup wizard and admin portal pages. */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';

import { isLanguage, type Language } from '../../domain/types.js';
import { translator } from '../../i18n/i18n.js';
import type { PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import type { WebEnv } from '../web-env.js';

/** The cookie web-middleware.ts keeps the language switch's choice in. */
const LANG_COOKIE = 'onramp_lang';

/**
 * The page context, speaking the provisioning contact's language unless the visitor chose one
 * (language switch) or is signed in: the partner picked it for them when placing the order.
 */
export function setupPageContext(c: Context<WebEnv>, contactLanguage?: Language): PageContext {
  const ctx = pageContext(c);
  const chosen = c.req.query('lang') ?? getCookie(c, LANG_COOKIE);
  if (!contactLanguage || isLanguage(chosen) || ctx.user) return ctx;
  return { ...ctx, language: contactLanguage, t: translator(contactLanguage, ctx.brand) };
}

/** Pages reached with a secret in the URL are never cached or stored. */
export function noStore(c: Context): void {
  c.header('Cache-Control', 'no-store');
}

/**
 * The client's address, for rate limits: what `resolveClientAddress` found (TRUST_PROXY decides
 * whether X-Forwarded-For is read), or the socket's peer when the page app runs on its own.
 */
export function clientIp(c: Context): string {
  const resolved = c.get('clientAddress') as string | undefined;
  if (resolved) return resolved;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // No Node socket behind this request (e.g. app.request in tests).
    return 'unknown';
  }
}

/** A form field as a trimmed string ('' when absent or a file). */
export function field(form: Record<string, unknown>, name: string, max = 1000): string {
  const value = form[name];
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}
