/**
 * The step to the identity provider, as a page: "Continuing to Okta…" with a link, and a
 * zero-second meta refresh that follows it. Not a redirect: the pages' CSP allows forms to post
 * to this site only (`form-action 'self'`), and a browser applies that to the redirects after a
 * form too, so a sign-in or sign-out form's answer cannot send the browser to the provider. The
 * refresh is a new navigation; without it the link does the same.
 */
import type { Context } from 'hono';

import { Layout } from './layout.js';
import { pageContext } from './page-context.js';
import type { WebEnv } from './web-env.js';

export function providerRedirectPage(
  c: Context<WebEnv>,
  to: URL,
  provider: string,
  purpose: 'signIn' | 'signOut',
): Response | Promise<Response> {
  const ctx = pageContext(c);
  const title = ctx.t(`web.signIn.sso.${purpose}Title`, { provider });
  return c.html(
    <Layout ctx={ctx} title={title} redirectTo={to.href}>
      <h1>{title}</h1>
      <div class="card">
        <p>
          <a href={to.href} id="to-provider">
            {ctx.t(`web.signIn.sso.${purpose}Link`, { provider })}
          </a>
        </p>
      </div>
    </Layout>,
    200,
    { 'cache-control': 'no-store' },
  );
}
