/**
 * One organization's people: its users (role, status; change role, deactivate/reactivate), its
 * invitations (status badge, sent, expiry; resend, revoke) and the invite form. The same page for
 * an admin's own organization (/settings/users) and for operators (/operator/organizations/:id/users).
 * Deactivate and Revoke ask in a <dialog> when scripts run; every form works without them.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { PeopleOrganization } from '../../app/list-users.js';
import type { InvitationView, UserView } from '../../app/people-views.js';
import { invitationActions } from '../../domain/invitation-status.js';
import { LANGUAGES } from '../../domain/types.js';
import { CsrfField, Layout, type PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import { formatDateTime, type PageResponse, type WebContext } from '../workspace/workspace-support.js';

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

function Confirm(props: {
  ctx: PageContext;
  id: string;
  title: string;
  body: string;
  yes: string;
  no: string;
}) {
  return (
    <dialog id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <p>{props.body}</p>
      <div class="actions">
        <button type="button" data-confirm-yes>
          {props.yes}
        </button>
        <button type="button" class="secondary" data-confirm-no>
          {props.no}
        </button>
      </div>
    </dialog>
  );
}

function UserActions(props: { ctx: PageContext; base: string; org: PeopleOrganization; user: UserView }) {
  const { ctx, base, org, user } = props;
  const { t } = ctx;
  if (ctx.user?.userId === user.userId) return <span class="muted small">—</span>;
  const action = `${base}/users/${user.userId}`;
  const selectId = `role-${user.userId}`;
  const dialogId = `deactivate-${user.userId}`;
  return (
    <div class="line-actions">
      {org.roles.length > 1 && user.active && (
        <form method="post" action={`${action}/role`} class="inline people-role">
          <CsrfField ctx={ctx} />
          <label for={selectId} class="sr-only">
            {t('people:users.roleLabel', { name: user.name })}
          </label>
          <select id={selectId} name="role">
            {org.roles.map((r) => (
              <option value={r} selected={r === user.role}>
                {t(`people:role.${r}`)}
              </option>
            ))}
          </select>
          <button type="submit" class="secondary small">
            {t('people:users.changeRole')}
          </button>
        </form>
      )}
      {user.active ? (
        <>
          <form method="post" action={`${action}/deactivate`} class="inline" data-confirm={dialogId}>
            <CsrfField ctx={ctx} />
            <button
              type="submit"
              class="secondary small"
              aria-label={`${t('people:users.deactivate')} ${user.name}`}
            >
              {t('people:users.deactivate')}
            </button>
          </form>
          <Confirm
            ctx={ctx}
            id={dialogId}
            title={t('people:users.deactivateConfirm.title', { name: user.name })}
            body={t('people:users.deactivateConfirm.body', { name: user.name })}
            yes={t('people:users.deactivateConfirm.yes')}
            no={t('people:users.deactivateConfirm.no')}
          />
        </>
      ) : (
        <form method="post" action={`${action}/reactivate`} class="inline">
          <CsrfField ctx={ctx} />
          <button
            type="submit"
            class="secondary small"
            aria-label={`${t('people:users.reactivate')} ${user.name}`}
          >
            {t('people:users.reactivate')}
          </button>
        </form>
      )}
    </div>
  );
}

function UsersTable(props: { ctx: PageContext; base: string; org: PeopleOrganization; users: UserView[] }) {
  const { ctx } = props;
  const { t } = ctx;
  const col = (key: string) => t(`people:users.col.${key}`);
  if (props.users.length === 0) return <p class="muted">{t('people:users.none')}</p>;
  return (
    <div class="table-wrap">
      <table class="data stack">
        <caption class="sr-only">{t('people:users.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{col('name')}</th>
            <th scope="col">{col('email')}</th>
            <th scope="col">{col('role')}</th>
            <th scope="col">{col('status')}</th>
            <th scope="col">{col('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr id={`user-${u.userId}`}>
              <td data-label={col('name')}>
                {u.name}{' '}
                {ctx.user?.userId === u.userId && <span class="muted small">{t('people:users.you')}</span>}
              </td>
              <td data-label={col('email')}>{u.email}</td>
              <td data-label={col('role')}>{t(`people:role.${u.role}`)}</td>
              <td data-label={col('status')}>
                <span class={`badge ${u.active ? 'user-active' : 'user-deactivated'}`}>
                  {t(u.active ? 'people:users.active' : 'people:users.deactivated')}
                </span>
              </td>
              <td data-label={col('actions')}>
                <UserActions ctx={ctx} base={props.base} org={props.org} user={u} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InvitationActions(props: { ctx: PageContext; base: string; invitation: InvitationView }) {
  const { ctx, invitation: i } = props;
  const { t } = ctx;
  const actions = invitationActions(i.status);
  if (actions.length === 0) return <span class="muted small">—</span>;
  const action = `${props.base}/invitations/${i.invitationId}`;
  const dialogId = `revoke-${i.invitationId}`;
  return (
    <div class="line-actions">
      {actions.includes('resend') && (
        <form method="post" action={`${action}/resend`} class="inline">
          <CsrfField ctx={ctx} />
          <button
            type="submit"
            class="secondary small"
            aria-label={`${t('people:invitations.resend')} ${i.email}`}
          >
            {t('people:invitations.resend')}
          </button>
        </form>
      )}
      {actions.includes('revoke') && (
        <>
          <form method="post" action={`${action}/revoke`} class="inline" data-confirm={dialogId}>
            <CsrfField ctx={ctx} />
            <button
              type="submit"
              class="secondary small"
              aria-label={`${t('people:invitations.revoke')} ${i.email}`}
            >
              {t('people:invitations.revoke')}
            </button>
          </form>
          <Confirm
            ctx={ctx}
            id={dialogId}
            title={t('people:invitations.revokeConfirm.title', { email: i.email })}
            body={t('people:invitations.revokeConfirm.body')}
            yes={t('people:invitations.revokeConfirm.yes')}
            no={t('people:invitations.revokeConfirm.no')}
          />
        </>
      )}
    </div>
  );
}

function InvitationsTable(props: { ctx: PageContext; base: string; invitations: InvitationView[] }) {
  const { ctx } = props;
  const { t, language } = ctx;
  const col = (key: string) => t(`people:invitations.col.${key}`);
  const when = (iso: string) => <time datetime={iso}>{formatDateTime(iso, language)}</time>;
  if (props.invitations.length === 0) return <p class="muted">{t('people:invitations.none')}</p>;
  return (
    <div class="table-wrap">
      <table class="data stack">
        <caption class="sr-only">{t('people:invitations.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{col('email')}</th>
            <th scope="col">{col('role')}</th>
            <th scope="col">{col('status')}</th>
            <th scope="col">{col('sent')}</th>
            <th scope="col">{col('expires')}</th>
            <th scope="col">{col('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.invitations.map((i) => (
            <tr id={`invitation-${i.invitationId}`}>
              <td data-label={col('email')}>{i.email}</td>
              <td data-label={col('role')}>{t(`people:role.${i.role}`)}</td>
              <td data-label={col('status')}>
                <span class={`badge invitation-${i.status}`}>
                  {t(`people:invitations.status.${i.status}`)}
                </span>
              </td>
              <td data-label={col('sent')}>
                {when(i.sentAt)}
                {i.sendCount > 1 && (
                  <span class="muted small">
                    {' '}
                    ({t('people:invitations.sendCount', { count: i.sendCount })})
                  </span>
                )}
              </td>
              <td data-label={col('expires')}>
                {i.status === 'accepted' || i.status === 'revoked' ? '—' : when(i.expiresAt)}
              </td>
              <td data-label={col('actions')}>
                <InvitationActions ctx={ctx} base={props.base} invitation={i} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FieldError(props: { id: string; error: string | undefined }) {
  return props.error ? (
    <p id={props.id} class="field-error">
      {props.error}
    </p>
  ) : null;
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
        <label for="invite-language">{t('people:invite.language')}</label>
        <select id="invite-language" name="language">
          {LANGUAGES.map((l) => (
            <option value={l} selected={l === form.values.language}>
              {t(`people:invite.languages.${l}`)}
            </option>
          ))}
        </select>
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
