/**
 * /settings/sso: an organization's administrators (partner, distributor and customer admins,
 * operators for the operator organization) connect their identity provider and verify their
 * domains by DNS. Post/Redirect/Get; a refused form is shown again as typed (never the secret),
 * with the refusal from the error catalogue. Operators configure other organizations with
 * `onramp sso`.
 */
import { getSsoSettings } from '../../app/identity/sso/get-sso-settings.js';
import { setSsoConnection } from '../../app/identity/sso/set-sso-connection.js';
import { verifySsoDomain } from '../../app/identity/sso/verify-sso-domain.js';
import { AppError, isAppError } from '../../domain/errors.js';
import { assertAdministers } from '../../domain/roles.js';
import type { Actor } from '../../domain/types.js';
import { errorMessage } from '../../i18n/error-message.js';
import { findOrganization } from '../../store/user-repository.js';
import { pageContext } from '../page-context.js';
import type { WebApp, WebDeps } from '../web-env.js';
import { signedIn, type WebContext } from '../workspace/workspace-support.js';
import { SSO_SETTINGS_PATH, type SsoPageNotice, SsoSettingsPage } from './sso-settings-page.js';

const FIELDS = ['displayName', 'issuer', 'clientId', 'domains', 'defaultRole', 'sessionMaxMinutes'] as const;

export function registerSsoPages(app: WebApp, deps: WebDeps): void {
  const render = async (c: WebContext, user: Actor, notice: SsoPageNotice, status: 400 | 409 | 200 = 200) => {
    assertAdministers(user, user.organizationId);
    const organization = await findOrganization(deps.db, user.organizationId);
    if (!organization) throw new AppError('NOT_FOUND');
    const view = await getSsoSettings(deps, user, user.organizationId);
    return c.html(
      <SsoSettingsPage ctx={pageContext(c)} view={view} organization={organization} notice={notice} />,
      status,
    );
  };
  const refusal = (c: WebContext, e: AppError) => errorMessage(e, c.get('language'), c.get('brand'));

  app.get(
    SSO_SETTINGS_PATH,
    signedIn((c, user) =>
      render(c, user, {
        saved: c.req.query('saved') === '1',
        verified: c.req.query('verified') ?? undefined,
      }),
    ),
  );

  app.post(
    SSO_SETTINGS_PATH,
    signedIn(async (c, user) => {
      const body = await c.req.parseBody();
      const text = (key: string) => (typeof body[key] === 'string' ? body[key] : '');
      const form: Record<string, string> = Object.fromEntries(FIELDS.map((k) => [k, text(k)]));
      form['enforced'] = text('enforced');
      form['invitationsRequired'] = text('invitationsRequired');
      const secret = text('clientSecret');
      try {
        await setSsoConnection(deps, user, user.organizationId, {
          displayName: form['displayName'],
          issuer: form['issuer']!.trim(),
          clientId: form['clientId'],
          clientSecret: secret === '' ? undefined : secret,
          domains: form['domains']!.split(/[\s,;]+/).filter((d) => d !== ''),
          replaceDomains: true,
          defaultRole: form['defaultRole'],
          sessionMaxMinutes: /^\d+$/.test(form['sessionMaxMinutes']!.trim())
            ? Number(form['sessionMaxMinutes'])
            : -1,
          enforced: form['enforced'] === 'on',
          invitationsRequired: form['invitationsRequired'] === 'on',
        });
      } catch (e) {
        if (!isAppError(e, 'INVALID_INPUT')) throw e;
        const fields = e.details.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
        return render(c, user, { error: `${refusal(c, e)} ${fields}`, form }, 400);
      }
      return c.redirect(`${SSO_SETTINGS_PATH}?saved=1`, 303);
    }),
  );

  app.post(
    `${SSO_SETTINGS_PATH}/verify`,
    signedIn(async (c, user) => {
      const domain = String((await c.req.parseBody())['domain'] ?? '');
      try {
        await verifySsoDomain(deps, user, user.organizationId, { domain, method: 'dns' });
      } catch (e) {
        if (!isAppError(e, 'DOMAIN_NOT_VERIFIED', 'INVALID_INPUT')) throw e;
        return render(c, user, { error: refusal(c, e) }, e.code === 'INVALID_INPUT' ? 400 : 409);
      }
      return c.redirect(`${SSO_SETTINGS_PATH}?verified=${encodeURIComponent(domain)}`, 303);
    }),
  );
}
