/**
 * /operator/organizations/:organizationId: what the organization is, the way to its users and
 * invitations, rename, deactivate (asked in a <dialog> when scripts run) or reactivate, and its
 * audit trail. Customer organizations are shown read-only; the operator's own cannot be deactivated.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { OrganizationAuditEvent } from '../../app/identity/list-organization-audit.js';
import type { OrganizationView } from '../../app/identity/list-organizations.js';
import { ConfirmDialog } from '../confirm-dialog.js';
import { DataTable } from '../data-table.js';
import { FieldError } from '../field-note.js';
import { CsrfField, Layout, type PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import { formatDateTime, type PageResponse, type WebContext } from '../workspace/workspace-support.js';
import { ActionLabel, changeSummary } from './audit-labels.js';
import { KindLabel, OPERATOR_PATH, organizationPath, StatusBadge } from './organizations-page.js';

export const DETAIL_NOTICES = ['created', 'renamed', 'deactivated', 'reactivated'] as const;
export type DetailNotice = (typeof DETAIL_NOTICES)[number];

const USERS_HINT: Record<OrganizationView['kind'], string> = {
  operator: 'operator:detail.usersOperator',
  customer: 'operator:detail.usersCustomer',
  partner: 'operator:detail.usersOther',
  distributor: 'operator:detail.usersOther',
};

export interface RenameForm {
  value: string;
  error?: string;
}

function RenameCard(props: { ctx: PageContext; org: OrganizationView; form?: RenameForm | undefined }) {
  const { ctx, org, form } = props;
  const { t } = ctx;
  return (
    <section class="card titled narrow" aria-labelledby="rename">
      <h2 id="rename">{t('operator:rename.title')}</h2>
      <form method="post" action={`${organizationPath(org.organizationId)}/rename`} novalidate>
        <CsrfField ctx={ctx} />
        <label for="rename-name">{t('operator:rename.name')}</label>
        <input
          id="rename-name"
          name="name"
          type="text"
          autocomplete="off"
          required
          maxlength={200}
          value={form?.value ?? org.name}
          aria-invalid={form?.error ? 'true' : undefined}
          aria-describedby={form?.error ? 'rename-name-error' : undefined}
        />
        <FieldError id="rename-name-error" error={form?.error} />
        <div class="actions">
          <button type="submit">{t('operator:rename.submit')}</button>
        </div>
      </form>
    </section>
  );
}

function DeactivateForm(props: { ctx: PageContext; org: OrganizationView }) {
  const { ctx, org } = props;
  const { t } = ctx;
  const dialogId = 'deactivate-organization';
  return (
    <>
      <form
        method="post"
        action={`${organizationPath(org.organizationId)}/deactivate`}
        data-confirm={dialogId}
      >
        <CsrfField ctx={ctx} />
        <button type="submit" class="danger">
          {t('operator:state.deactivate')}
        </button>
      </form>
      <ConfirmDialog
        id={dialogId}
        title={t('operator:state.confirm.title', { name: org.name })}
        yes={t('operator:state.confirm.yes')}
        no={t('operator:state.confirm.no')}
        yesClass="danger"
      >
        <p>{t('operator:state.confirm.body')}</p>
        <p>{t('operator:state.confirm.orders')}</p>
      </ConfirmDialog>
    </>
  );
}

function StateCard(props: { ctx: PageContext; org: OrganizationView; deactivatedAt: string | null }) {
  const { ctx, org } = props;
  const { t, language } = ctx;
  let body;
  if (org.kind === 'operator') body = <p>{t('operator:state.operatorNote')}</p>;
  else if (org.active)
    body = (
      <>
        <p>{t('operator:state.activeNote')}</p>
        <DeactivateForm ctx={ctx} org={org} />
      </>
    );
  else
    body = (
      <>
        <p>
          {props.deactivatedAt
            ? t('operator:state.deactivatedNote', { at: formatDateTime(props.deactivatedAt, language) })
            : t('operator:status.deactivated')}
        </p>
        <form method="post" action={`${organizationPath(org.organizationId)}/reactivate`}>
          <CsrfField ctx={ctx} />
          <button type="submit">{t('operator:state.reactivate')}</button>
        </form>
      </>
    );
  return (
    <section class="card titled narrow" aria-labelledby="org-state">
      <h2 id="org-state">{t('operator:state.title')}</h2>
      {body}
    </section>
  );
}

function AuditTrail(props: { ctx: PageContext; events: OrganizationAuditEvent[] }) {
  const { t, language } = props.ctx;
  const col = (key: string) => t(`operator:audit.col.${key}`);
  return (
    <section class="card titled" aria-labelledby="audit-trail">
      <h2 id="audit-trail">{t('operator:audit.title')}</h2>
      <p class="muted small">{t('operator:audit.intro')}</p>
      {props.events.length === 0 ? (
        <p class="muted">{t('operator:audit.none')}</p>
      ) : (
        <DataTable
          class="audit-trail"
          caption={t('operator:audit.title')}
          columns={['at', 'who', 'action'].map(col)}
        >
          {props.events.map((e) => {
            const summary = changeSummary(e.data);
            return (
              <tr>
                <td data-label={col('at')} class="nowrap">
                  <time datetime={e.at}>{formatDateTime(e.at, language)}</time>
                </td>
                <td data-label={col('who')}>{e.actor}</td>
                <td data-label={col('action')}>
                  <ActionLabel ctx={props.ctx} action={e.action} />
                  {summary.length > 0 && <span class="org-hint">{summary.join(' · ')}</span>}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}

export function organizationPage(
  c: WebContext,
  data: {
    org: OrganizationView;
    events: OrganizationAuditEvent[];
    notice?: DetailNotice | undefined;
    rename?: RenameForm;
  },
  status: ContentfulStatusCode = 200,
): PageResponse {
  const ctx = pageContext(c);
  const { t, language } = ctx;
  const { org } = data;
  // The newest deactivation event tells since when (the view itself only says active or not).
  const deactivatedAt = org.active
    ? null
    : (data.events.find((e) => e.action === 'organization.deactivated')?.at ?? null);
  return c.html(
    <Layout ctx={ctx} title={org.name}>
      <p class="crumbs">
        <a href={OPERATOR_PATH}>{t('operator:detail.back')}</a>
      </p>
      <h1>{org.name}</h1>
      {data.notice && (
        <p class="notice ok" role="status">
          {t(`operator:detail.${data.notice}`)}
        </p>
      )}
      {data.rename?.error && (
        <div class="notice bad" role="alert">
          <p>{data.rename.error}</p>
        </div>
      )}
      <section class="card titled" aria-labelledby="org-facts">
        <h2 id="org-facts">{t('operator:detail.facts')}</h2>
        <dl class="facts">
          <dt>{t('operator:list.col.kind')}</dt>
          <dd>
            <KindLabel ctx={ctx} kind={org.kind} />
            {org.kind === 'operator' && <> · {t('operator:operatorOrg')}</>}
          </dd>
          <dt>{t('operator:list.col.status')}</dt>
          <dd>
            <StatusBadge ctx={ctx} active={org.active} />
          </dd>
          <dt>{t('operator:list.col.users')}</dt>
          <dd>{org.userCount}</dd>
          <dt>{t('operator:list.col.created')}</dt>
          <dd>
            <time datetime={org.createdAt}>{formatDateTime(org.createdAt, language)}</time>
          </dd>
        </dl>
        <p class="org-users">
          <a class="button" href={`${organizationPath(org.organizationId)}/users`}>
            {t('operator:detail.users')}
          </a>
          <span class="muted small">{t(USERS_HINT[org.kind])}</span>
        </p>
      </section>
      {org.kind === 'customer' ? (
        <p class="notice">{t('operator:detail.customerNote')}</p>
      ) : (
        <div class="org-manage">
          <RenameCard ctx={ctx} org={org} form={data.rename} />
          <StateCard ctx={ctx} org={org} deactivatedAt={deactivatedAt} />
        </div>
      )}
      <AuditTrail ctx={ctx} events={data.events} />
    </Layout>,
    status,
  );
}
