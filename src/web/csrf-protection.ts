/**
 * CSRF: a double-submit token. Every visitor gets a random token in an HttpOnly cookie; every
 * form carries it in `_csrf`; a POST whose field does not match the cookie is refused (403).
 * SameSite=Lax cookies and an Origin check (hono/csrf) are a second line.
 */
import { timingSafeEqual } from 'node:crypto';

import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

import { randomIds } from '../app/deps.js';
import { invalidInput } from '../domain/errors.js';
import type { WebEnv } from './web-env.js';

export const CSRF_COOKIE = 'onramp_csrf';

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The form, parsed once for every route (Hono keeps it): a malformed multipart body (no boundary,
 * a broken part) is the sender's mistake, answered 400 naming the body, not a 500.
 */
async function parseForm(c: Context<WebEnv>) {
  try {
    return await c.req.parseBody();
  } catch {
    throw invalidInput('body', 'is not a well-formed form (multipart/form-data or urlencoded)');
  }
}

export function csrfProtection(secure: boolean): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    let token = getCookie(c, CSRF_COOKIE);
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
      token = randomIds.newToken();
      setCookie(c, CSRF_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/' });
    }
    c.set('csrfToken', token);
    if (c.req.method === 'POST') {
      const type = c.req.header('content-type') ?? '';
      const form = type.includes('form') ? await parseForm(c) : {};
      const sent = typeof form['_csrf'] === 'string' ? form['_csrf'] : (c.req.header('x-csrf-token') ?? '');
      if (!same(sent, token)) return c.text(c.get('t')('web.csrfRefused'), 403);
    }
    await next();
  };
}
