/**
 * The customer admin's admin portal: the organization and its data region, its administrators,
 * the orders and subscriptions mapped to it, licences, and its activity.
 */
import type { OrganizationAdministration } from '../../app/identity/get-organization-administration.js';
import type { OrganizationTrailEvent } from '../../app/identity/list-organization-trail.js';
import type { CustomerOrganizationOverview } from '../../app/setup/get-customer-organization.js';
import { INTL_LOCALES } from '../../domain/types.js';
import { Layout, type PageContext } from '../layout.js';
import { OrdersSection, TrailSection } from './admin-portal-activity.js';
import { type AdminInviteForm, AdministratorsSection } from './admin-portal-administrators.js';
import { countryName, formatNumber, regionName, SetupPage } from './setup-components.js';

export interface AdminPortalProps {
  ctx: PageContext;
  overview: CustomerOrganizationOverview;
  administration: OrganizationAdministration;
  trail: OrganizationTrailEvent[];
  /** A one-shot confirmation: its `portal:done` key and values. */
  done?: { key: string; vars?: Record<string, string> } | undefined;
  /** A refused action, already in the reader's language. */
  problem?: string | undefined;
  form?: AdminInviteForm | undefined;
}

export function AdminNoAccessPage(props: { ctx: PageContext }) {
  const { ctx } = props;
  return (
    <SetupPage ctx={ctx} heading={ctx.t('setup:admin.heading')}>
      <p class="notice bad" role="alert">
        {ctx.t('setup:admin.noAccess')}
      </p>
    </SetupPage>
  );
}

function formatDate(ctx: PageContext, iso: string | null): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(INTL_LOCALES[ctx.language], {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(iso));
}

export function AdminPortalPage(props: AdminPortalProps) {
  const { ctx, overview } = props;
  const org = overview.organization;
  const col = {
    subscription: ctx.t('setup:lines.subscription'),
    offer: ctx.t('setup:lines.offer'),
    licences: ctx.t('setup:lines.licences'),
    status: ctx.t('setup:admin.status'),
    order: ctx.t('setup:admin.order'),
    partner: ctx.t('setup:admin.partner'),
    since: ctx.t('setup:admin.since'),
  };
  return (
    <Layout ctx={ctx} title={`${org.name} · ${ctx.t('setup:admin.heading')}`}>
      <div class="setup admin">
        <p class="setup-eyebrow">{ctx.t('setup:admin.heading')}</p>
        <h1>{org.name}</h1>
        {props.done && (
          <p class="notice ok" role="status">
            {ctx.t(`portal:done.${props.done.key}`, props.done.vars)}
          </p>
        )}
        {props.problem && (
          <p class="notice bad" role="alert">
            {props.problem}
          </p>
        )}
        <div class="admin-grid">
          <section class="card" aria-labelledby="org-heading">
            <h2 id="org-heading">{ctx.t('setup:admin.organization')}</h2>
            <dl class="facts">
              <dt>{ctx.t('setup:admin.country')}</dt>
              <dd>{countryName(ctx.language, org.country) || ctx.t('setup:admin.notSet')}</dd>
              <dt>{ctx.t('setup:admin.dataRegion')}</dt>
              <dd>
                <strong>{regionName(ctx, org.dataRegion)}</strong>
                <br />
                <span class="muted">{ctx.t('setup:admin.dataRegionFixed')}</span>
              </dd>
            </dl>
          </section>
          <section class="card" aria-labelledby="partner-heading">
            <h2 id="partner-heading">{ctx.t('setup:admin.partners')}</h2>
            {overview.partners.length === 0 && <p class="muted">{ctx.t('setup:admin.empty')}</p>}
            <ul class="plain">
              {overview.partners.map((p) => (
                <li>
                  {p.kind === 'distributor' ? `${ctx.t('setup:admin.distributor')}: ` : ''}
                  <strong>{p.name}</strong>
                  {p.contacts.map((c) => (
                    <div class="muted">{ctx.t('setup:admin.placedBy', { name: c.name, email: c.email })}</div>
                  ))}
                </li>
              ))}
            </ul>
          </section>
        </div>

        <AdministratorsSection
          ctx={ctx}
          organization={org.name}
          administration={props.administration}
          form={props.form ?? { values: { email: '', language: ctx.language } }}
        />
        <OrdersSection ctx={ctx} overview={overview} />

        <h2>{ctx.t('setup:admin.licences')}</h2>
        {overview.licences.length > 0 && (
          <div class="table-wrap">
            <table class="data">
              <caption class="visually-hidden">{ctx.t('setup:admin.licencesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{col.offer}</th>
                  <th scope="col" class="num">
                    {col.licences}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.licences.map((l) => (
                  <tr>
                    <td>
                      {l.offerName} <span class="muted">({l.offerCode})</span>
                    </td>
                    <td class="num">{formatNumber(ctx, l.quantity)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        <h2>{ctx.t('setup:admin.subscriptions')}</h2>
        {overview.subscriptions.length === 0 && <p class="muted">{ctx.t('setup:admin.empty')}</p>}
        {overview.subscriptions.length > 0 && (
          <div class="table-wrap">
            <table class="data stack">
              <caption class="visually-hidden">
                {ctx.t('setup:admin.subscriptionsCaption', { organization: org.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{col.subscription}</th>
                  <th scope="col">{col.offer}</th>
                  <th scope="col" class="num">
                    {col.licences}
                  </th>
                  <th scope="col">{col.status}</th>
                  <th scope="col">{col.order}</th>
                  <th scope="col">{col.partner}</th>
                  <th scope="col">{col.since}</th>
                </tr>
              </thead>
              <tbody>
                {overview.subscriptions.map((s) => (
                  <tr>
                    <td data-label={col.subscription}>{s.subscriptionId}</td>
                    <td data-label={col.offer}>
                      {s.offerName} <span class="muted">({s.offerCode})</span>
                    </td>
                    <td data-label={col.licences} class="num">
                      {formatNumber(ctx, s.quantity)}
                    </td>
                    <td data-label={col.status}>
                      <span class={`badge ${s.status}`}>{ctx.t(`status.${s.status}`)}</span>
                    </td>
                    <td data-label={col.order}>{s.webOrderId}</td>
                    <td data-label={col.partner}>{s.partnerName}</td>
                    <td data-label={col.since}>{formatDate(ctx, s.provisionedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <TrailSection ctx={ctx} organization={org.name} trail={props.trail} />
      </div>
    </Layout>
  );
}
