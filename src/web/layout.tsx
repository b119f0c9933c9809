/** The page shell every page uses: header, navigation, language switch, main, footer. */
import type { Child } from 'hono/jsx';
import type { Actor, Language } from '../domain/types.js';

export interface PageContext {
  t: (key: string, vars?: Record<string, unknown>) => string;
  language: Language;
  user: Actor | null;
  csrfToken: string;
  /** The current path (with query), for the language switch and aria-current. */
  path: string;
}

const NAV: { href: string; key: string; roles?: Actor['role'][] }[] = [
  {
    href: '/orders',
    key: 'web.nav.orders',
    roles: ['partner_user', 'partner_admin', 'distributor_user', 'support_agent'],
  },
  {
    href: '/subscriptions',
    key: 'web.nav.subscriptions',
    roles: ['partner_user', 'partner_admin', 'distributor_user', 'support_agent'],
  },
  { href: '/admin', key: 'web.nav.admin', roles: ['customer_admin'] },
  { href: '/help/provisioning', key: 'web.nav.help' },
  { href: '/settings/webhooks', key: 'web.nav.webhooks', roles: ['partner_admin', 'distributor_user'] },
  {
    href: '/support',
    key: 'web.nav.cases',
    roles: ['partner_user', 'partner_admin', 'distributor_user', 'support_agent', 'customer_admin'],
  },
];

function withLang(path: string, lang: Language): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', lang);
  return url.pathname + url.search;
}

/** A hidden CSRF field for every form. */
export function CsrfField(props: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />;
}

export function Layout(props: { ctx: PageContext; title: string; children: Child }) {
  const { ctx } = props;
  const current = new URL(ctx.path, 'http://x').pathname;
  return (
    <html lang={ctx.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${ctx.t('web.product')}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/app.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          {ctx.t('web.skipToContent')}
        </a>
        <header class="top">
          <div class="bar">
            <a class="brand" href="/">
              {ctx.t('web.product')}
            </a>
            <nav aria-label={ctx.t('web.product')}>
              <ul>
                {NAV.filter((n) => !n.roles || (ctx.user && n.roles.includes(ctx.user.role))).map((n) => (
                  <li>
                    <a href={n.href} aria-current={current.startsWith(n.href) ? 'page' : undefined}>
                      {ctx.t(n.key)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <span class="lang-switch" aria-label={ctx.t('web.language')}>
              <a
                href={withLang(ctx.path, 'en')}
                lang="en"
                aria-current={ctx.language === 'en' ? 'true' : undefined}
              >
                English
              </a>
              <a
                href={withLang(ctx.path, 'it')}
                lang="it"
                aria-current={ctx.language === 'it' ? 'true' : undefined}
              >
                Italiano
              </a>
            </span>
            {ctx.user ? (
              <form method="post" action="/sign-out">
                <CsrfField ctx={ctx} />
                <span class="muted-light">{ctx.t('web.signedInAs', { name: ctx.user.name })} · </span>
                <button type="submit" class="link-button">
                  {ctx.t('web.nav.signOut')}
                </button>
              </form>
            ) : (
              <a href="/sign-in">{ctx.t('web.nav.signIn')}</a>
            )}
          </div>
        </header>
        <main id="main">{props.children}</main>
        <footer>{ctx.t('web.footer')}</footer>
      </body>
    </html>
  );
}
