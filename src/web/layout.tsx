/** The page shell every page uses: header, navigation, language switch, main, footer. */
import type { Child } from 'hono/jsx';

import { type Actor, type Language, LANGUAGE_NAMES, LANGUAGES } from '../domain/types.js';

export interface PageContext {
  t: (key: string, vars?: Record<string, unknown>) => string;
  language: Language;
  /** The product's name (BRAND_NAME); `t` fills it in already. */
  brand: string;
  user: Actor | null;
  csrfToken: string;
  /** The current path (with query), for the language switch and aria-current. */
  path: string;
  /**
   * The page answers a form (a POST: a validation error, a secret shown once). Its language switch
   * is off: following it would ask for the page again with GET and lose what was typed.
   */
  answersForm?: boolean;
}

const WORKSPACE: Actor['role'][] = [
  'partner_user',
  'partner_admin',
  'distributor_user',
  'distributor_admin',
  'support_agent',
];

const NAV: { href: string; key: string; roles?: Actor['role'][] }[] = [
  { href: '/operator', key: 'web.nav.organizations', roles: ['operator'] },
  { href: '/operator/offers', key: 'web.nav.offers', roles: ['operator'] },
  { href: '/orders', key: 'web.nav.orders', roles: WORKSPACE },
  { href: '/subscriptions', key: 'web.nav.subscriptions', roles: WORKSPACE },
  { href: '/admin', key: 'web.nav.admin', roles: ['customer_admin'] },
  { href: '/help/provisioning', key: 'web.nav.help' },
  {
    href: '/settings/webhooks',
    key: 'web.nav.webhooks',
    roles: ['partner_admin', 'distributor_user', 'distributor_admin'],
  },
  { href: '/settings/users', key: 'web.nav.users', roles: ['partner_admin', 'distributor_admin'] },
  {
    href: '/settings/sso',
    key: 'web.nav.sso',
    roles: ['partner_admin', 'distributor_admin', 'customer_admin', 'operator'],
  },
  { href: '/settings/tokens', key: 'web.nav.tokens', roles: [...WORKSPACE, 'operator', 'customer_admin'] },
  { href: '/support', key: 'web.nav.cases', roles: [...WORKSPACE, 'customer_admin'] },
  {
    href: '/settings/account',
    key: 'web.nav.account',
    roles: ['partner_user', 'partner_admin', 'distributor_user', 'distributor_admin'],
  },
];

const visibleTo = (user: Actor | null) => (n: (typeof NAV)[number]) =>
  !n.roles || (user !== null && n.roles.includes(user.role));

/** The section of the navigation a path belongs to, among those `user` sees (for "Back" links). */
export function sectionOf(path: string, user: Actor | null): string | undefined {
  const pathname = new URL(path, 'http://x').pathname;
  return NAV.filter(visibleTo(user))
    .filter((n) => pathname.startsWith(n.href))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

/** /operator is current on /operator/organizations/x but not on /operator/offers (its own entry). */
function isCurrent(current: string, href: string): boolean {
  if (!current.startsWith(href)) return false;
  return !NAV.some((n) => n.href !== href && n.href.startsWith(href) && current.startsWith(n.href));
}

function withLang(path: string, lang: Language): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', lang);
  return url.pathname + url.search;
}

/** A hidden CSRF field for every form. */
export function CsrfField(props: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />;
}

export function Layout(props: {
  ctx: PageContext;
  title: string;
  children: Child;
  /** Without JavaScript, reload the page every so many seconds (a progress page; app.js follows it otherwise). */
  refreshSeconds?: number;
  /** Go on at once to this address (a meta refresh: the step to an identity provider). */
  redirectTo?: string;
}) {
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
        {props.redirectTo !== undefined && (
          <meta http-equiv="refresh" content={`0;url=${props.redirectTo}`} />
        )}
        {props.refreshSeconds !== undefined && (
          <noscript>
            <meta http-equiv="refresh" content={String(props.refreshSeconds)} />
          </noscript>
        )}
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
                {NAV.filter(visibleTo(ctx.user)).map((n) => (
                  <li>
                    <a href={n.href} aria-current={isCurrent(current, n.href) ? 'page' : undefined}>
                      {ctx.t(n.key)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            {ctx.answersForm ? (
              <span class="lang-switch lang-locked" id="language-locked">
                {ctx.t('web.languageLocked', { language: LANGUAGE_NAMES[ctx.language] })}
              </span>
            ) : (
              <span class="lang-switch" aria-label={ctx.t('web.language')}>
                {LANGUAGES.map((l) => (
                  <a
                    href={withLang(ctx.path, l)}
                    lang={l}
                    aria-current={ctx.language === l ? 'true' : undefined}
                  >
                    {LANGUAGE_NAMES[l]}
                  </a>
                ))}
              </span>
            )}
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
