/**
 * Every request body is bounded while it streams in, before anything parses it (the pages' CSRF
 * check reads whole forms): a body that declares a larger Content-Length is refused unread, a
 * chunked one as soon as it passes the limit, so memory stays at most the limit per request.
 * hono/body-limit does the counting; this names the refusal in the one error vocabulary, and
 * lets one middleware give different paths different limits.
 *
 * Over HTTP/1.x the headers frame the body (RFC 9112 §6.3): a request that declares its length, or
 * has neither Content-Length nor Transfer-Encoding (no body), is judged on its headers alone.
 * Asking the request for its body stream, as hono/body-limit does first, builds a web stream over
 * the socket, and rebuilding the request after reading an empty one cost a bodiless POST (a
 * resend) ~0.2 ms of the server's one thread. A chunked body, or a request that did not come
 * through the Node server (app.request in tests), is counted as it streams.
 */
import type { IncomingMessage } from 'node:http';

import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

import { AppError } from '../domain/errors.js';

function framedByHeaders(c: Context): boolean {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.httpVersionMajor === 1;
}

export function limitBody(maxBytesOf: number | ((c: Context) => number)): MiddlewareHandler {
  return (c, next) => {
    const maxBytes = typeof maxBytesOf === 'number' ? maxBytesOf : maxBytesOf(c);
    const tooLarge = () => {
      throw new AppError('PAYLOAD_TOO_LARGE', { maxBytes });
    };
    if (framedByHeaders(c) && c.req.header('transfer-encoding') === undefined) {
      const declared = c.req.header('content-length');
      if (declared !== undefined && Number.parseInt(declared, 10) > maxBytes) tooLarge();
      return next();
    }
    return bodyLimit({ maxSize: maxBytes, onError: tooLarge })(c, next);
  };
}
