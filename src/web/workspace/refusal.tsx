/**
 * How a refused action looks on a page: the shared error vocabulary (`errorMessage`), with the
 * admin portal as a link and the person who placed the order as someone to write to.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type ErrorCode } from '../../domain/errors.js';
import { errorMessage } from '../../http/render-error.js';
import { Layout, type PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import type { PageResponse, WebContext } from './workspace-support.js';

interface Placer {
  name: string;
  email: string;
}

const placerOf = (error: AppError) => error.details['orderPlacedBy'] as Placer | undefined;
const adminsOf = (error: AppError) => (error.details['organizationAdmins'] as Placer[] | undefined) ?? [];

/** The localized message; a URL in it (the admin portal) becomes a link. */
export function RefusalMessage(props: { ctx: PageContext; error: AppError }) {
  const message = errorMessage(props.error, props.ctx.language);
  const url = props.error.details['adminPortalUrl'];
  if (typeof url !== 'string' || !message.includes(url)) return <>{message}</>;
  const [before, after] = [
    message.slice(0, message.indexOf(url)),
    message.slice(message.indexOf(url) + url.length),
  ];
  return (
    <>
      {before}
      <a href={url}>{url}</a>
      {after}
    </>
  );
}

/** Who placed the order, with a mailto link: what a colleague without access needs. */
export function PlacerCard(props: { ctx: PageContext; placer: Placer }) {
  const { t } = props.ctx;
  return (
    <div class="card titled">
      <h2>{t('workspace:refusal.placedBy')}</h2>
      <dl class="facts">
        <dt>{t('workspace:refusal.name')}</dt>
        <dd>{props.placer.name}</dd>
        <dt>{t('workspace:refusal.email')}</dt>
        <dd>
          <a href={`mailto:${props.placer.email}`}>{props.placer.email}</a>
        </dd>
      </dl>
    </div>
  );
}

/** The placing partner's admins, when the placer is deactivated: whom to ask instead. */
export function AdminsCard(props: { ctx: PageContext; error: AppError }) {
  const { t } = props.ctx;
  const admins = adminsOf(props.error);
  if (admins.length === 0) return null;
  return (
    <div class="card titled">
      <h2>{t('people:refusal.admins')}</h2>
      <p>{t('people:refusal.adminsIntro')}</p>
      <ul class="people-admins">
        {admins.map((a) => (
          <li>
            {a.name} · <a href={`mailto:${a.email}`}>{a.email}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Refusals with a heading of their own; every other code reads "Refused". */
const HEADINGS: Partial<Record<ErrorCode, string>> = {
  NO_ACCESS: 'workspace:refusal.noAccess',
  NOT_FOUND: 'workspace:refusal.notFound',
  PAST_PONR: 'workspace:refusal.pastPonr',
};

function headingKey(error: AppError): string {
  return HEADINGS[error.code] ?? 'workspace:refusal.refused';
}

/** A whole page for a refusal, with the status from the shared vocabulary. */
export function refusalPage(c: WebContext, error: AppError, back?: string): PageResponse {
  const ctx = pageContext(c);
  const placer = placerOf(error);
  const title = ctx.t(headingKey(error));
  if (error.code === 'RATE_LIMITED')
    c.header('Retry-After', String(Number(error.details['retryAfterSeconds']) || 60));
  return c.html(
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="notice bad" role="alert">
        <RefusalMessage ctx={ctx} error={error} />
      </p>
      {placer && <PlacerCard ctx={ctx} placer={placer} />}
      <AdminsCard ctx={ctx} error={error} />
      <p>
        <a href={back ?? '/orders'}>{ctx.t(back ? 'workspace:common.back' : 'workspace:common.toOrders')}</a>
      </p>
    </Layout>,
    error.status as ContentfulStatusCode,
  );
}

/** Runs a page handler; an AppError becomes a refusal page instead of a bare error. */
export async function orRefusal(
  c: WebContext,
  handler: () => PageResponse,
  back?: string,
): Promise<Response> {
  try {
    return await handler();
  } catch (e) {
    if (e instanceof AppError) return refusalPage(c, e, back);
    throw e;
  }
}
