/**
 * /settings/sso, the view: the addresses to register at the identity provider, the connection
 * form (the secret is never shown back), and the domains with their verification state and the
 * DNS TXT record each needs.
 */
import type { SsoSettingsView } from '../../app/identity/sso/get-sso-settings.js';
import { ROLES_OF_KIND } from '../../domain/roles.js';
import type { OrganizationKind } from '../../domain/types.js';
import { DataTable } from '../data-table.js';
import { CsrfField, Layout, type PageContext } from '../layout.js';

export const SSO_SETTINGS_PATH = '/settings/sso';

export interface SsoPageNotice {
  saved?: boolean;
  verified?: string;
  /** A refusal to show (already in the reader's language). */
  error?: string;
  /** The fields as typed, when the form was refused. */
  form?: Record<string, string>;
}

function Field(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  type?: string;
  required?: boolean;
}) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        autocomplete="off"
      />
      {props.hint && (
        <p id={`${props.id}-hint`} class="muted">
          {props.hint}
        </p>
      )}
    </>
  );
}

function DomainsTable(props: { ctx: PageContext; view: SsoSettingsView }) {
  const { t } = props.ctx;
  const col = (key: string) => t(`sso:domains.col.${key}`);
  if (props.view.domains.length === 0) return <p class="muted">{t('sso:domains.none')}</p>;
  return (
    <DataTable caption={t('sso:domains.title')} columns={['domain', 'status', 'record', 'actions'].map(col)}>
      {props.view.domains.map((d) => (
        <tr>
          <td data-label={col('domain')}>{d.domain}</td>
          <td data-label={col('status')}>
            {d.verifiedAt ? (
              <span class="badge ok">
                {t('sso:domains.verified', { how: t(`sso:domains.how.${d.verifiedBy ?? 'operator'}`) })}
              </span>
            ) : (
              <span class="badge">{t('sso:domains.waiting')}</span>
            )}
          </td>
          <td data-label={col('record')}>
            {d.verifiedAt ? (
              '—'
            ) : (
              <>
                <code>{d.txtRecord.name}</code>
                <br />
                <code>{d.txtRecord.value}</code>
              </>
            )}
          </td>
          <td data-label={col('actions')}>
            {!d.verifiedAt && (
              <form method="post" action={`${SSO_SETTINGS_PATH}/verify`}>
                <CsrfField ctx={props.ctx} />
                <input type="hidden" name="domain" value={d.domain} />
                <button type="submit" class="secondary">
                  {t('sso:domains.check')}
                </button>
              </form>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function SsoSettingsPage(props: {
  ctx: PageContext;
  view: SsoSettingsView;
  organization: { name: string; kind: OrganizationKind };
  notice: SsoPageNotice;
}) {
  const { ctx, view, notice } = props;
  const { t } = ctx;
  const c = view.connection;
  const typed = notice.form;
  const value = (key: string, current: string) => typed?.[key] ?? current;
  const checked = (key: string, current: boolean) => (typed ? typed[key] === 'on' : current);
  const role = value('defaultRole', c?.defaultRole ?? ROLES_OF_KIND[props.organization.kind][0]!);
  return (
    <Layout ctx={ctx} title={t('sso:title')}>
      <h1>{t('sso:title')}</h1>
      {notice.saved && (
        <p class="notice ok" role="status">
          {t('sso:form.saved')}
        </p>
      )}
      {notice.verified && (
        <p class="notice ok" role="status">
          {t('sso:domains.checked', { domain: notice.verified })}
        </p>
      )}
      {notice.error && (
        <p class="notice bad" role="alert">
          {notice.error}
        </p>
      )}
      <p class="lead">{t('sso:intro', { organization: props.organization.name })}</p>
      <section class="card">
        <h2>{t('sso:register.title')}</h2>
        <p>{t('sso:register.hint')}</p>
        <dl>
          <dt>{t('sso:register.redirectUri')}</dt>
          <dd>
            <code>{view.redirectUri}</code>
          </dd>
          <dt>{t('sso:register.postLogoutUri')}</dt>
          <dd>
            <code>{view.postLogoutRedirectUri}</code>
          </dd>
        </dl>
      </section>
      <section class="card">
        <h2>{t('sso:form.title')}</h2>
        <form method="post" action={SSO_SETTINGS_PATH}>
          <CsrfField ctx={ctx} />
          <Field
            id="displayName"
            label={t('sso:form.displayName')}
            hint={t('sso:form.displayNameHint')}
            value={value('displayName', c?.displayName ?? '')}
            required
          />
          <Field
            id="issuer"
            label={t('sso:form.issuer')}
            hint={t('sso:form.issuerHint')}
            value={value('issuer', c?.issuer ?? '')}
            type="url"
            required
          />
          <Field
            id="clientId"
            label={t('sso:form.clientId')}
            value={value('clientId', c?.clientId ?? '')}
            required
          />
          <Field
            id="clientSecret"
            label={t('sso:form.clientSecret')}
            hint={t('sso:form.clientSecretHint')}
            value=""
            type="password"
            required={!c}
          />
          <Field
            id="domains"
            label={t('sso:form.domains')}
            hint={t('sso:form.domainsHint')}
            value={value('domains', view.domains.map((d) => d.domain).join(', '))}
          />
          <label for="defaultRole">{t('sso:form.defaultRole')}</label>
          <select id="defaultRole" name="defaultRole">
            {ROLES_OF_KIND[props.organization.kind].map((r) => (
              <option value={r} selected={r === role}>
                {t(`people:role.${r}`)}
              </option>
            ))}
          </select>
          <Field
            id="sessionMaxMinutes"
            label={t('sso:form.sessionMinutes')}
            value={value('sessionMaxMinutes', String(c?.sessionMaxMinutes ?? 480))}
            type="number"
            required
          />
          <label class="check">
            <input type="checkbox" name="enforced" checked={checked('enforced', c?.enforced ?? false)} />
            {t('sso:form.enforced')}
          </label>
          <label class="check">
            <input
              type="checkbox"
              name="invitationsRequired"
              checked={checked('invitationsRequired', c?.invitationsRequired ?? false)}
            />
            {t('sso:form.invitationsRequired')}
          </label>
          <div class="actions">
            <button type="submit">{t('sso:form.save')}</button>
          </div>
        </form>
      </section>
      <section class="card">
        <h2>{t('sso:domains.title')}</h2>
        <DomainsTable ctx={ctx} view={view} />
      </section>
    </Layout>
  );
}
