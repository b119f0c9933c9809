/**
 * /operator, the operator's home: every organization (filter by kind, search by name), the form
 * that creates a partner or distributor, and "first steps" while the installation has no partner.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import { ORGANIZATION_KINDS, type OrganizationView } from '../../app/identity/list-organizations.js';
import { CREATABLE_KINDS } from '../../domain/roles.js';
import { FieldError } from '../field-note.js';
import { CsrfField, Layout, type PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import { formatDate, type PageResponse, type WebContext } from '../workspace/workspace-support.js';

export const OPERATOR_PATH = '/operator';
export const organizationPath = (id: string) => `/operator/organizations/${encodeURIComponent(id)}`;

export type CreateField = 'kind' | 'name';
export interface CreateForm {
  values: Record<CreateField, string>;
  errors: Partial<Record<CreateField, string>>;
}
const EMPTY_FORM: CreateForm = { values: { kind: 'partner', name: '' }, errors: {} };

export interface ListFilter {
  kind?: OrganizationView['kind'] | undefined;
  q?: string | undefined;
}

/** The kind in words; the operator's own organization says who belongs there. */
export function KindLabel(props: { ctx: PageContext; kind: OrganizationView['kind'] }) {
  return <>{props.ctx.t(`operator:kind.${props.kind}`)}</>;
}

export function StatusBadge(props: { ctx: PageContext; active: boolean }) {
  const key = props.active ? 'active' : 'deactivated';
  return <span class={`badge org-${key}`}>{props.ctx.t(`operator:status.${key}`)}</span>;
}

function FirstSteps(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <section class="card titled first-steps" aria-labelledby="first-steps">
      <h2 id="first-steps">{t('operator:firstSteps.title')}</h2>
      <p>{t('operator:firstSteps.intro')}</p>
      <ol>
        <li>{t('operator:firstSteps.create')}</li>
        <li>{t('operator:firstSteps.invite')}</li>
        <li>{t('operator:firstSteps.order')}</li>
      </ol>
    </section>
  );
}

function Filters(props: { ctx: PageContext; filter: ListFilter }) {
  const { t } = props.ctx;
  return (
    <form
      method="get"
      action={OPERATOR_PATH}
      class="filters"
      role="search"
      aria-label={t('operator:filters.label')}
    >
      <div>
        <label for="filter-kind">{t('operator:filters.kind')}</label>
        <select id="filter-kind" name="kind">
          <option value="">{t('operator:filters.anyKind')}</option>
          {ORGANIZATION_KINDS.map((k) => (
            <option value={k} selected={props.filter.kind === k}>
              {t(`operator:kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="filter-q">{t('operator:filters.q')}</label>
        <input id="filter-q" name="q" type="search" value={props.filter.q ?? ''} maxlength={200} />
      </div>
      <div class="filter-submit">
        <button type="submit">{t('operator:filters.apply')}</button>
        {(props.filter.kind || props.filter.q) && (
          <>
            {' '}
            <a href={OPERATOR_PATH}>{t('operator:filters.clear')}</a>
          </>
        )}
      </div>
    </form>
  );
}

function OrganizationsTable(props: { ctx: PageContext; items: OrganizationView[] }) {
  const { t, language } = props.ctx;
  const col = (key: string) => t(`operator:list.col.${key}`);
  if (props.items.length === 0) return <p class="muted">{t('operator:list.none')}</p>;
  return (
    <div class="table-wrap">
      <table class="data stack organizations">
        <caption class="sr-only">{t('operator:list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{col('name')}</th>
            <th scope="col">{col('kind')}</th>
            <th scope="col">{col('status')}</th>
            <th scope="col" class="num">
              {col('users')}
            </th>
            <th scope="col">{col('created')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((o) => (
            <tr>
              <td data-label={col('name')}>
                <a href={organizationPath(o.organizationId)}>{o.name}</a>
                {o.kind === 'operator' && <span class="org-hint">{t('operator:operatorOrg')}</span>}
              </td>
              <td data-label={col('kind')}>
                <KindLabel ctx={props.ctx} kind={o.kind} />
              </td>
              <td data-label={col('status')}>
                <StatusBadge ctx={props.ctx} active={o.active} />
              </td>
              <td data-label={col('users')} class="num">
                {o.userCount}
              </td>
              <td data-label={col('created')}>
                <time datetime={o.createdAt}>{formatDate(o.createdAt, language)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CreateOrganizationForm(props: { ctx: PageContext; form: CreateForm }) {
  const { ctx, form } = props;
  const { t } = ctx;
  const nameError = form.errors.name;
  const kindError = form.errors.kind;
  return (
    <section class="card titled narrow" aria-labelledby="create-organization">
      <h2 id="create-organization">{t('operator:create.title')}</h2>
      <form method="post" action="/operator/organizations" novalidate>
        <CsrfField ctx={ctx} />
        <label for="create-kind">{t('operator:create.kind')}</label>
        <select
          id="create-kind"
          name="kind"
          aria-invalid={kindError ? 'true' : undefined}
          aria-describedby={kindError ? 'create-kind-error' : undefined}
        >
          {CREATABLE_KINDS.map((k) => (
            <option value={k} selected={form.values.kind === k}>
              {t(`operator:kind.${k}`)}
            </option>
          ))}
        </select>
        <FieldError id="create-kind-error" error={kindError} />
        <label for="create-name">{t('operator:create.name')}</label>
        <input
          id="create-name"
          name="name"
          type="text"
          autocomplete="organization"
          required
          maxlength={200}
          value={form.values.name}
          aria-invalid={nameError ? 'true' : undefined}
          aria-describedby={nameError ? 'create-name-error create-name-hint' : 'create-name-hint'}
        />
        <FieldError id="create-name-error" error={nameError} />
        <p id="create-name-hint" class="muted small">
          {t('operator:create.nameHint')}
        </p>
        <div class="actions">
          <button type="submit">{t('operator:create.submit')}</button>
        </div>
      </form>
    </section>
  );
}

export function organizationsPage(
  c: WebContext,
  data: { items: OrganizationView[]; filter: ListFilter; hasPartner: boolean; form?: CreateForm },
  status: ContentfulStatusCode = 200,
): PageResponse {
  const ctx = pageContext(c);
  const { t } = ctx;
  const form = data.form ?? EMPTY_FORM;
  const errors = Object.values(form.errors);
  return c.html(
    <Layout ctx={ctx} title={t('operator:title')}>
      <h1>{t('operator:title')}</h1>
      {errors.length > 0 && (
        <div class="notice bad" role="alert">
          {errors.map((e) => (
            <p>{e}</p>
          ))}
        </div>
      )}
      <p class="lead">{t('operator:intro')}</p>
      {!data.hasPartner && <FirstSteps ctx={ctx} />}
      <Filters ctx={ctx} filter={data.filter} />
      <p class="muted small" aria-live="polite">
        {t('operator:list.count', { count: data.items.length })}
      </p>
      <OrganizationsTable ctx={ctx} items={data.items} />
      <CreateOrganizationForm ctx={ctx} form={form} />
    </Layout>,
    status,
  );
}
