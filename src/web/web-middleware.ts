/** Language, signed-in user and translator for every page. */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

import { type Actor, isLanguage, type Language } from '../domain/types.js';
import { languageFromHeader, translator } from '../i18n/i18n.js';
import type { WebDeps, WebEnv } from './web-env.js';
import { sessionUser } from './web-session.js';

const LANG_COOKIE = 'onramp_lang';

/** The language asked for (?lang=), else chosen before (cookie), the user's, the browser's. */
export function requestLanguage(c: Context, user: Actor | null): Language {
  const asked = c.req.query('lang');
  if (isLanguage(asked)) return asked;
  const cookie = getCookie(c, LANG_COOKIE);
  if (isLanguage(cookie)) return cookie;
  return user?.language ?? languageFromHeader(c.req.header('accept-language'));
}

export function webContext(deps: WebDeps): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const user = await sessionUser(c, deps);
    const language = requestLanguage(c, user);
    if (c.req.query('lang') === language)
      setCookie(c, LANG_COOKIE, language, {
        sameSite: 'Lax',
        secure: deps.secureCookies,
        path: '/',
        maxAge: 365 * 86_400,
      });
    c.set('user', user);
    c.set('language', language);
    c.set('t', translator(language, deps.settings.brandName));
    await next();
  };
}
