/**
 * The admin portal's administrators: who administers the organization (remove, confirmed in a
 * <dialog>), the invitations not yet accepted (resend, revoke) and "Invite another administrator".
 * Every form works without scripts.
 */
import type {
  AdministratorView,
  OrganizationAdministration,
} from '../../app/identity/get-organization-administration.js';
import type { InvitationView } from '../../app/identity/people-views.js';
import { ConfirmedPost } from '../confirm-dialog.js';
import { DataTable } from '../data-table.js';
import { FieldError } from '../field-note.js';
import { LanguageSelect } from '../language-select.js';
import { CsrfField, type PageContext } from '../layout.js';
import { InvitationActions } from '../people/people-tables.js';
import { formatDate, formatDateTime } from '../workspace/workspace-support.js';

export interface AdminInviteForm {
  values: { email: string; language: string };
  error?: string | undefined;
}

function RemoveButton(props: { ctx: PageContext; admin: AdministratorView; organization: string }) {
  const { ctx, admin: a } = props;
  const { t } = ctx;
  const self = a.you;
  return (
    <ConfirmedPost
      ctx={ctx}
      id={`remove-${a.userId}`}
      action={`/admin/administrators/${encodeURIComponent(a.userId)}/remove`}
      button={t('portal:administrators.remove')}
      buttonLabel={t('portal:administrators.removeLabel', { name: a.name })}
      title={
        self
          ? t('portal:administrators.removeSelfConfirm.title')
          : t('portal:administrators.removeConfirm.title', { name: a.name })
      }
      yes={t('portal:administrators.removeConfirm.yes')}
      no={t('portal:administrators.removeConfirm.no')}
    >
      <p>
        {self
          ? t('portal:administrators.removeSelfConfirm.body', { organization: props.organization })
          : t('portal:administrators.removeConfirm.body', { name: a.name, email: a.email })}
      </p>
    </ConfirmedPost>
  );
}

function AdministratorsTable(props: { ctx: PageContext; admins: AdministratorView[]; organization: string }) {
  const { ctx } = props;
  const { t } = ctx;
  const col = (key: 'name' | 'email' | 'since' | 'actions') => t(`portal:administrators.col.${key}`);
  return (
    <DataTable
      caption={t('portal:administrators.caption', { organization: props.organization })}
      columns={[col('name'), col('email'), col('since'), col('actions')]}
    >
      {props.admins.map((a) => (
        <tr id={`admin-${a.userId}`}>
          <td data-label={col('name')}>
            {a.name} {a.you && <span class="muted small">{t('portal:administrators.you')}</span>}
          </td>
          <td data-label={col('email')}>{a.email}</td>
          <td data-label={col('since')}>{formatDate(a.since, ctx.language)}</td>
          <td data-label={col('actions')}>
            <RemoveButton ctx={ctx} admin={a} organization={props.organization} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function InvitationRow(props: { ctx: PageContext; invitation: InvitationView }) {
  const { ctx, invitation: i } = props;
  const { t } = ctx;
  const col = (key: 'email' | 'status' | 'expires' | 'actions') => t(`portal:invitations.col.${key}`);
  return (
    <tr id={`invitation-${i.invitationId}`}>
      <td data-label={col('email')}>{i.email}</td>
      <td data-label={col('status')}>
        <span class={`badge invitation-${i.status}`}>{t(`people:invitations.status.${i.status}`)}</span>
      </td>
      <td data-label={col('expires')}>{formatDateTime(i.expiresAt, ctx.language)}</td>
      <td data-label={col('actions')}>
        <InvitationActions ctx={ctx} base="/admin" invitation={i} />
      </td>
    </tr>
  );
}

function InviteAdministrator(props: { ctx: PageContext; organization: string; form: AdminInviteForm }) {
  const { ctx, form } = props;
  const { t } = ctx;
  return (
    <div class="admin-invite">
      <h3 id="invite-heading">{t('portal:invite.title')}</h3>
      <p class="muted">{t('portal:invite.intro', { organization: props.organization })}</p>
      <form method="post" action="/admin/administrators/invite" novalidate aria-labelledby="invite-heading">
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
          aria-invalid={form.error ? 'true' : undefined}
          aria-describedby={form.error ? 'invite-email-error' : undefined}
        />
        <FieldError id="invite-email-error" error={form.error} />
        <LanguageSelect
          id="invite-language"
          name="language"
          label={t('people:invite.language')}
          value={form.values.language}
        />
        <div class="actions">
          <button type="submit">{t('portal:invite.submit')}</button>
        </div>
      </form>
    </div>
  );
}

export function AdministratorsSection(props: {
  ctx: PageContext;
  organization: string;
  administration: OrganizationAdministration;
  form: AdminInviteForm;
}) {
  const { ctx, administration: a, organization } = props;
  const { t } = ctx;
  return (
    <section class="card titled" id="administrators" aria-labelledby="administrators-heading">
      <h2 id="administrators-heading">{t('portal:administrators.title')}</h2>
      <p class="muted">{t('portal:administrators.intro', { organization })}</p>
      <AdministratorsTable ctx={ctx} admins={a.administrators} organization={organization} />
      {a.administrators.length === 1 && (
        <p class="notice warn">{t('portal:administrators.onlyOne', { organization })}</p>
      )}
      {a.invitations.length > 0 && (
        <>
          <h3>{t('portal:invitations.title')}</h3>
          <DataTable
            caption={t('portal:invitations.caption', { organization })}
            columns={(['email', 'status', 'expires', 'actions'] as const).map((k) =>
              t(`portal:invitations.col.${k}`),
            )}
          >
            {a.invitations.map((i) => (
              <InvitationRow ctx={ctx} invitation={i} />
            ))}
          </DataTable>
        </>
      )}
      <InviteAdministrator ctx={ctx} organization={organization} form={props.form} />
    </section>
  );
}
