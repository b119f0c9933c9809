import type { Context } from 'hono';

import type { PageContext } from './layout.js';
import type { WebEnv } from './web-env.js';

/** What every page component needs from the request. */
export function pageContext(c: Context<WebEnv>): PageContext {
  const url = new URL(c.req.url);
  url.searchParams.delete('lang');
  return {
    t: c.get('t'),
    language: c.get('language'),
    brand: c.get('brand'),
    user: c.get('user'),
    csrfToken: c.get('csrfToken'),
    path: url.pathname + url.search,
    answersForm: c.req.method === 'POST',
  };
}
