/**
 * Every request body is bounded while it streams in, before anything parses it (the pages' CSRF
 * check reads whole forms): a body that declares a larger Content-Length is refused unread, a
 * chunked one as soon as it passes the limit, so memory stays at most the limit per request.
 * hono/body-limit does the counting; this names the refusal in the one error vocabulary, and
 * lets one middleware give different paths different limits.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

import { AppError } from '../domain/errors.js';

export function limitBody(maxBytesOf: number | ((c: Context) => number)): MiddlewareHandler {
  return (c, next) => {
    const maxBytes = typeof maxBytesOf === 'number' ? maxBytesOf : maxBytesOf(c);
    return bodyLimit({
      maxSize: maxBytes,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', { maxBytes });
      },
    })(c, next);
  };
}
