/**
 * How a refused action reads on a page: the shared error vocabulary (`errorMessage`), with the
 * admin portal as a link and the person who placed the order as someone to write to. Forms show
 * these inline; a whole refusal page is the web app's error handler's (src/web/error-pages.tsx).
 */
import { type AppError, asKnown, type ContactPerson } from '../../domain/errors.js';
import { errorMessage } from '../../i18n/error-message.js';
import type { PageContext } from '../layout.js';

/** The localized message; a URL in it (the admin portal) becomes a link. */
export function RefusalMessage(props: { ctx: PageContext; error: AppError }) {
  const error = asKnown(props.error);
  const message = errorMessage(error, props.ctx.language, props.ctx.brand);
  const url =
    error.code === 'PAST_PONR' || error.code === 'ALREADY_MAPPED' ? error.details.adminPortalUrl : null;
  if (!url || !message.includes(url)) return <>{message}</>;
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
export function PlacerCard(props: { ctx: PageContext; placer: ContactPerson }) {
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
export function AdminsCard(props: { ctx: PageContext; admins: ContactPerson[] | undefined }) {
  const { t } = props.ctx;
  const admins = props.admins ?? [];
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
