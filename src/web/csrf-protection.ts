/**
 * CSRF: a double-submit token. Every visitor gets a random token in an HttpOnly cookie; every
 * form carries it in `_csrf`; a POST whose field does not match the cookie is refused (403).
 * SameSite=Lax cookies and an Origin check (hono/csrf) are a second line.
 */
import { timingSafeEqual } from 'node:crypto';

import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

import { randomIds } from '../app/deps.js';
import type { WebEnv } from './web-env.js';

export const CSRF_COOKIE = 'onramp_csrf';

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

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
      const form = type.includes('form') ? await c.req.parseBody() : {};
      const sent = typeof form['_csrf'] === 'string' ? form['_csrf'] : (c.req.header('x-csrf-token') ?? '');
      if (!same(sent, token)) return c.text(c.get('t')('web.csrfRefused'), 403);
    }
    await next();
  };
}
