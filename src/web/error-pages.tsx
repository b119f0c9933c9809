/**
 * The one error path for pages (the web app's `onError` and its catch-all route): a refusal
 * (AppError) renders its page with its status; a database that cannot be reached renders a 503
 * page; anything else is a fault of ours, logged once through pino with the request id, and
 * answers a 500 page. All of them in the layout and in the reader's language, never bare text.
 * The API's handler (src/http/render-error.ts) decides what an error means; this one only draws.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';

import { type AnyAppError } from '../domain/errors.js';
import { homePathOf } from '../domain/roles.js';
import { setRetryAfter, toAppError } from '../http/render-error.js';
import { translator } from '../i18n/i18n.js';
import { Layout, type PageContext, sectionOf } from './layout.js';
import type { WebEnv } from './web-env.js';
import { requestLanguage } from './web-middleware.js';
import { AdminsCard, PlacerCard, RefusalMessage } from './workspace/refusal.js';

type WebContext = Context<WebEnv>;

/**
 * The page context even when the request failed before the web middleware set it (the database
 * was gone while reading the session): the language then comes from the cookie or the browser.
 */
function errorPageContext(c: WebContext): PageContext {
  const user = c.get('user') ?? null;
  // `t` is set with the page's language; before that, `language` may be the API middleware's guess.
  const language = c.get('t') ? c.get('language') : requestLanguage(c, user);
  const url = new URL(c.req.url);
  url.searchParams.delete('lang');
  return {
    t: translator(language, c.get('brand')),
    language,
    brand: c.get('brand'),
    user,
    csrfToken: c.get('csrfToken') ?? '',
    path: url.pathname + url.search,
  };
}

/** Where "Back" leads: what the page asked for, else its section of the navigation, else home. */
function backOf(c: WebContext, ctx: PageContext): string {
  return c.get('back') ?? sectionOf(ctx.path, ctx.user) ?? (ctx.user ? homePathOf(ctx.user.role) : '/');
}

/** Refusals with a heading of their own; every other code reads "Refused". */
function headingKey(error: AnyAppError): string {
  // An order names who placed it; a settings area is closed to the role.
  if (error.code === 'NO_ACCESS')
    return error.details.area ? 'web.noAccessPage' : 'workspace:refusal.noAccess';
  if (error.code === 'NOT_FOUND') return 'workspace:refusal.notFound';
  if (error.code === 'PAST_PONR') return 'workspace:refusal.pastPonr';
  return 'workspace:refusal.refused';
}

function refusalPage(c: WebContext, ctx: PageContext, error: AnyAppError): Response | Promise<Response> {
  const title = ctx.t(headingKey(error));
  const { orderPlacedBy, organizationAdmins } = error.code === 'NO_ACCESS' ? error.details : {};
  setRetryAfter(c, error);
  return c.html(
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="notice bad" role="alert">
        <RefusalMessage ctx={ctx} error={error} />
      </p>
      {orderPlacedBy && <PlacerCard ctx={ctx} placer={orderPlacedBy} />}
      <AdminsCard ctx={ctx} admins={organizationAdmins} />
      <p>
        <a href={backOf(c, ctx)}>{ctx.t('workspace:common.back')}</a>
      </p>
    </Layout>,
    error.status as ContentfulStatusCode,
  );
}

/** Our own fault or the database's absence: what happened, what to do, and what to quote. */
function failurePage(c: WebContext, ctx: PageContext, kind: 'unavailable' | 'internal') {
  const title = ctx.t(`web.failure.${kind}.title`);
  const again = c.req.method === 'GET' ? ctx.path : backOf(c, ctx);
  return c.html(
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="notice bad" role="alert">
        {ctx.t(kind === 'unavailable' ? 'errors.UNAVAILABLE' : 'errors.INTERNAL')}
      </p>
      <p class="muted small">{ctx.t('web.failure.reference', { requestId: c.get('requestId') ?? '' })}</p>
      <p class="actions">
        <a class="button" href={again}>
          {ctx.t('web.failure.tryAgain')}
        </a>
        <a href="/">{ctx.t('web.failure.home')}</a>
      </p>
    </Layout>,
    kind === 'unavailable' ? 503 : 500,
  );
}

/** `app.onError` of the pages. */
export function renderPageError(err: Error, c: WebContext, log: Logger): Response | Promise<Response> {
  const error = toAppError(err);
  // Hono's own refusals we give no meaning to (hono/csrf's cross-origin 403) keep their answer.
  if (!error && err instanceof HTTPException) return err.getResponse();
  const ctx = errorPageContext(c);
  if (error?.code === 'UNAVAILABLE') return failurePage(c, ctx, 'unavailable');
  if (error) return refusalPage(c, ctx, error);
  log.error({ err, reqId: c.get('requestId') }, 'page failed');
  return failurePage(c, ctx, 'internal');
}

/** Any URL no page answers. */
export function notFoundPage(c: WebContext): Response | Promise<Response> {
  const ctx = errorPageContext(c);
  return c.html(
    <Layout ctx={ctx} title={ctx.t('web.notFound')}>
      <h1>{ctx.t('web.notFound')}</h1>
      <p>{ctx.t('web.notFoundHint')}</p>
      <p>
        <a href="/">{ctx.t('web.failure.home')}</a>
      </p>
    </Layout>,
    404,
  );
}
