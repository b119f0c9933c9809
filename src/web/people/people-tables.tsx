/**
 * The two tables of the people page: users (role select, deactivate with a <dialog>, reactivate)
 * and invitations (status badge, resend, revoke with a <dialog>). Each action is its own form.
 */
import type { PeopleOrganization } from '../../app/identity/list-users.js';
import type { InvitationView, UserView } from '../../app/identity/people-views.js';
import { invitationActions } from '../../domain/invitation-status.js';
import { ConfirmedPost } from '../confirm-dialog.js';
import { DataTable } from '../data-table.js';
import { CsrfField, type PageContext } from '../layout.js';
import { formatDateTime } from '../workspace/workspace-support.js';

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
          <ConfirmedPost
            ctx={ctx}
            id={dialogId}
            action={`${action}/deactivate`}
            button={t('people:users.deactivate')}
            buttonLabel={`${t('people:users.deactivate')} ${user.name}`}
            title={t('people:users.deactivateConfirm.title', { name: user.name })}
            yes={t('people:users.deactivateConfirm.yes')}
            no={t('people:users.deactivateConfirm.no')}
          >
            <p>{t('people:users.deactivateConfirm.body', { name: user.name })}</p>
          </ConfirmedPost>
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

export function UsersTable(props: {
  ctx: PageContext;
  base: string;
  org: PeopleOrganization;
  users: UserView[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  const col = (key: string) => t(`people:users.col.${key}`);
  if (props.users.length === 0) return <p class="muted">{t('people:users.none')}</p>;
  return (
    <DataTable
      caption={t('people:users.title')}
      columns={['name', 'email', 'role', 'status', 'actions'].map(col)}
    >
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
    </DataTable>
  );
}

/** Resend and revoke, as the invitation's status allows; `base` is where its routes live. */
export function InvitationActions(props: { ctx: PageContext; base: string; invitation: InvitationView }) {
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
          <ConfirmedPost
            ctx={ctx}
            id={dialogId}
            action={`${action}/revoke`}
            button={t('people:invitations.revoke')}
            buttonLabel={`${t('people:invitations.revoke')} ${i.email}`}
            title={t('people:invitations.revokeConfirm.title', { email: i.email })}
            yes={t('people:invitations.revokeConfirm.yes')}
            no={t('people:invitations.revokeConfirm.no')}
          >
            <p>{t('people:invitations.revokeConfirm.body')}</p>
          </ConfirmedPost>
        </>
      )}
    </div>
  );
}

export function InvitationsTable(props: { ctx: PageContext; base: string; invitations: InvitationView[] }) {
  const { ctx } = props;
  const { t, language } = ctx;
  const col = (key: string) => t(`people:invitations.col.${key}`);
  const when = (iso: string) => <time datetime={iso}>{formatDateTime(iso, language)}</time>;
  if (props.invitations.length === 0) return <p class="muted">{t('people:invitations.none')}</p>;
  return (
    <DataTable
      caption={t('people:invitations.title')}
      columns={['email', 'role', 'status', 'sent', 'expires', 'actions'].map(col)}
    >
      {props.invitations.map((i) => (
        <tr id={`invitation-${i.invitationId}`}>
          <td data-label={col('email')}>{i.email}</td>
          <td data-label={col('role')}>{t(`people:role.${i.role}`)}</td>
          <td data-label={col('status')}>
            <span class={`badge invitation-${i.status}`}>{t(`people:invitations.status.${i.status}`)}</span>
          </td>
          <td data-label={col('sent')}>
            {when(i.sentAt)}
            {i.sendCount > 1 && (
              <span class="muted small"> ({t('people:invitations.sendCount', { count: i.sendCount })})</span>
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
    </DataTable>
  );
}
