/**
 * Setup links as mail clients deliver them: with the sentence's full stop or a closing `)` / `>`
 * after them (`%3E` once the browser encodes it), broken over lines by a quoted-printable soft
 * break (`=` and a line feed, raw or as `%0A`), or with spaces from a copy across lines. What
 * cannot belong to a token (base64url has no `=`, space, line break or punctuation) is taken out
 * and the visitor is sent to the clean address. Nothing is guessed: the cleaned token is looked up
 * by its hash like any other, so a damaged link that does not clean to a live token lands on the
 * "link not valid" page.
 */
import type { MiddlewareHandler } from 'hono';

import type { WebEnv } from '../web-env.js';

/** The characters of a token (base64url), as the wizard's routes take it. */
export const SETUP_TOKEN_PATTERN = '[A-Za-z0-9_-]{16,128}';
/** A token and, perhaps, a step: nothing a browser would encode, so the redirect cannot loop. */
const MENDED = new RegExp(`^${SETUP_TOKEN_PATTERN}(/[a-z-]+)?$`);

/** Percent-escapes decoded one by one, so a stray `%` does not spoil the rest. */
function decodeEscapes(text: string): string {
  return text.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/**
 * The part of a /setup/ path after `/setup/`, undamaged: soft breaks and white space removed
 * anywhere, punctuation a sentence or an `<…>` wrapper leaves at either end removed.
 */
export function mendSetupPath(tail: string): string {
  return decodeEscapes(decodeEscapes(tail)) // twice: a client that encodes what is already encoded
    .replace(/=\s*/g, '')
    .replace(/\s+/g, '')
    .replace(/^[<("'[]+/, '')
    .replace(/[.,;:!?)>\]}'"*]+$/, '');
}

/**
 * Before the wizard's routes: a GET of a damaged /setup/ address is redirected to the mended one
 * when it then reads as a well-formed token (and a step). Anything else goes on (and, when no route
 * answers it, to the "link not valid" page).
 */
export function mendSetupLink(): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const url = new URL(c.req.url);
    const tail = url.pathname.slice('/setup/'.length);
    const mended = mendSetupPath(tail);
    if (mended === tail || !MENDED.test(mended)) return next();
    c.header('Cache-Control', 'no-store');
    return c.redirect(`/setup/${mended}${url.search}`, 303);
  };
}
