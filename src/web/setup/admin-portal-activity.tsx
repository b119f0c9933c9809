/**
 * The admin portal's orders (each mapped order with its lines' states) and the organization's
 * activity. An action is named by the portal's catalogue, else by the operator's, else shown as
 * its key: events other features add (join requests, …) appear before anyone names them.
 */
import type { OrganizationTrailEvent } from '../../app/identity/list-organization-trail.js';
import { ORGANIZATION_TRAIL_LIMIT } from '../../app/identity/list-organization-trail.js';
import type { CustomerOrganizationOverview } from '../../app/setup/get-customer-organization.js';
import { LINE_STATUSES } from '../../domain/types.js';
import { portalEn } from '../../i18n/locales/en/portal.js';
import { DataTable } from '../data-table.js';
import type { PageContext } from '../layout.js';
import { isKnownAction } from '../operator/audit-labels.js';
import { formatDate, formatDateTime } from '../workspace/workspace-support.js';

const PORTAL_ACTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = portalEn.trail.actions;

/** The catalogue key that names `action`, or null when none does. */
export function trailLabelKey(action: string): string | null {
  const [group = '', name = ''] = action.split('.', 2);
  if (PORTAL_ACTIONS[group]?.[name]) return `portal:trail.actions.${group}.${name}`;
  if (isKnownAction(action)) return `operator:actions.${action}`;
  return null;
}

function TrailAction(props: { ctx: PageContext; action: string }) {
  const key = trailLabelKey(props.action);
  return key ? <>{props.ctx.t(key)}</> : <code>{props.action}</code>;
}

export function OrdersSection(props: { ctx: PageContext; overview: CustomerOrganizationOverview }) {
  const { ctx, overview } = props;
  const { t } = ctx;
  const col = (key: 'order' | 'partner' | 'mapped' | 'lines') => t(`portal:orders.col.${key}`);
  return (
    <section class="card titled" id="orders" aria-labelledby="orders-heading">
      <h2 id="orders-heading">{t('portal:orders.title')}</h2>
      {overview.orders.length === 0 ? (
        <p class="muted">{t('setup:admin.empty')}</p>
      ) : (
        <DataTable
          caption={t('portal:orders.caption', { organization: overview.organization.name })}
          columns={[col('order'), col('partner'), col('mapped'), col('lines')]}
        >
          {overview.orders.map((o) => (
            <tr>
              <td data-label={col('order')}>{o.webOrderId}</td>
              <td data-label={col('partner')}>{o.partnerName}</td>
              <td data-label={col('mapped')}>{o.mappedAt ? formatDate(o.mappedAt, ctx.language) : ''}</td>
              <td data-label={col('lines')}>
                {LINE_STATUSES.filter((s) => o.lines[s]).map((s) => (
                  <span class={`badge ${s}`}>
                    {t('portal:orders.lineCount', { count: o.lines[s], status: t(`status.${s}`) })}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

export function TrailSection(props: {
  ctx: PageContext;
  organization: string;
  trail: OrganizationTrailEvent[];
}) {
  const { ctx, trail } = props;
  const { t } = ctx;
  const col = (key: 'when' | 'who' | 'what' | 'about') => t(`portal:trail.col.${key}`);
  return (
    <section class="card titled" id="activity" aria-labelledby="activity-heading">
      <h2 id="activity-heading">{t('portal:trail.title')}</h2>
      <p class="muted">{t('portal:trail.intro', { limit: ORGANIZATION_TRAIL_LIMIT })}</p>
      {trail.length === 0 ? (
        <p class="muted">{t('portal:trail.empty')}</p>
      ) : (
        <DataTable
          caption={t('portal:trail.caption', { organization: props.organization })}
          columns={[col('when'), col('who'), col('what'), col('about')]}
        >
          {trail.map((e) => (
            <tr>
              <td data-label={col('when')}>{formatDateTime(e.at, ctx.language)}</td>
              <td data-label={col('who')}>{e.actor}</td>
              <td data-label={col('what')}>
                <TrailAction ctx={ctx} action={e.action} />
              </td>
              <td data-label={col('about')}>
                {[e.webOrderId ? t('portal:trail.order', { webOrderId: e.webOrderId }) : null, e.email]
                  .filter(Boolean)
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
