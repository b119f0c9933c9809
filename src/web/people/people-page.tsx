/**
 * One organization's people: its users (role, status; change role, deactivate/reactivate), its
 * invitations (status badge, sent, expiry; resend, revoke) and the invite form. The same page for
 * an admin's own organization (/settings/users) and for operators (/operator/organizations/:id/users).
 * Deactivate and Revoke ask in a <dialog> when scripts run; every form works without them.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { PeopleOrganization } from '../../app/identity/list-users.js';
import type { InvitationView, UserView } from '../../app/identity/people-views.js';
import { FieldError } from '../field-note.js';
import { LanguageSelect } from '../language-select.js';
import { CsrfField, Layout, type PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import type { PageResponse, WebContext } from '../workspace/workspace-support.js';
import { InvitationsTable, UsersTable } from './people-tables.js';

export type InviteField = 'email' | 'role' | 'language';
export interface InviteForm {
  values: Record<InviteField, string>;
  errors: Partial<Record<InviteField, string>>;
}

export interface PeoplePageProps {
  base: string;
  organization: PeopleOrganization;
  users: UserView[];
  invitations: InvitationView[];
  /** A one-shot confirmation ("done" key and its values). */
  done?: { key: string; vars?: Record<string, string> } | undefined;
  /** A refused action, already in the reader's language. */
  problem?: string | undefined;
  form?: InviteForm | undefined;
}

function InviteFormCard(props: {
  ctx: PageContext;
  base: string;
  org: PeopleOrganization;
  form: InviteForm;
}) {
  const { ctx, org, form } = props;
  const { t } = ctx;
  const invalid = (f: InviteField) => (form.errors[f] ? 'true' : undefined);
  const described = (f: InviteField) => (form.errors[f] ? `invite-${f}-error` : undefined);
  return (
    <section class="card titled narrow" aria-labelledby="people-invite">
      <h2 id="people-invite">{t('people:invite.title')}</h2>
      <p class="muted">{t('people:invite.intro', { organization: org.name })}</p>
      <form method="post" action={`${props.base}/invitations`} novalidate>
        <CsrfField ctx={ctx} />
        <label for="invite-email">{t('people:invite.email')}</label>
        <input
          id="invite-email"
          name="email"
          type="email"
          autocomplete="off"
          required
          maxlength={254}
          value={form.values.email}
          aria-invalid={invalid('email')}
          aria-describedby={described('email')}
        />
        <FieldError id="invite-email-error" error={form.errors.email} />
        <label for="invite-role">{t('people:invite.role')}</label>
        <select
          id="invite-role"
          name="role"
          aria-invalid={invalid('role')}
          aria-describedby={described('role')}
        >
          {org.roles.map((r) => (
            <option value={r} selected={r === form.values.role}>
              {t(`people:role.${r}`)}
            </option>
          ))}
        </select>
        <FieldError id="invite-role-error" error={form.errors.role} />
        <LanguageSelect
          id="invite-language"
          name="language"
          label={t('people:invite.language')}
          value={form.values.language}
        />
        <div class="actions">
          <button type="submit">{t('people:invite.submit')}</button>
        </div>
      </form>
    </section>
  );
}

export function peoplePage(
  c: WebContext,
  props: PeoplePageProps,
  status: ContentfulStatusCode = 200,
): PageResponse {
  const ctx = pageContext(c);
  const { t } = ctx;
  const org = props.organization;
  const own = ctx.user?.organizationId === org.organizationId;
  const title = own ? t('people:title') : t('people:titleOf', { organization: org.name });
  const form = props.form ?? {
    values: { email: '', role: org.roles[0] ?? '', language: ctx.language },
    errors: {},
  };
  return c.html(
    <Layout ctx={ctx} title={title}>
      {!own && (
        <p class="crumbs">
          <a href={`/operator/organizations/${org.organizationId}`}>{org.name}</a>
        </p>
      )}
      <h1>{title}</h1>
      {props.done && (
        <p class="notice ok" role="status">
          {t(`people:done.${props.done.key}`, props.done.vars)}
        </p>
      )}
      {props.problem && (
        <p class="notice bad" role="alert">
          {props.problem}
        </p>
      )}
      <p class="lead">{t('people:intro', { organization: org.name })}</p>
      <section class="card titled" aria-labelledby="people-users">
        <h2 id="people-users">{t('people:users.title')}</h2>
        <UsersTable ctx={ctx} base={props.base} org={org} users={props.users} />
      </section>
      <section class="card titled" aria-labelledby="people-invitations">
        <h2 id="people-invitations">{t('people:invitations.title')}</h2>
        <InvitationsTable ctx={ctx} base={props.base} invitations={props.invitations} />
      </section>
      <InviteFormCard ctx={ctx} base={props.base} org={org} form={form} />
    </Layout>,
    status,
  );
}
