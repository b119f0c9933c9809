/**
 * A NUL character in the path or a query parameter is text PostgreSQL cannot store or compare:
 * left to the database it fails deep inside a query. Refused at the edge instead, 400
 * INVALID_INPUT naming the parameter (or `path`), for the API and the pages alike.
 */
import type { MiddlewareHandler } from 'hono';

import { invalidInput } from '../domain/errors.js';

const NUL = '\u0000';

export function refuseUnstorableUrl(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (/%00/i.test(url.pathname)) throw invalidInput('path', 'contains a NUL character');
    for (const [name, value] of url.searchParams)
      if (name.includes(NUL) || value.includes(NUL))
        throw invalidInput(name.replaceAll(NUL, '') || 'query', 'contains a NUL character');
    await next();
  };
}
