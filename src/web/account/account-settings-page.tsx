/**
 * /settings/account: the signed-in user's own settings (Post/Redirect/Get). For now one: the daily
 * digest e-mail, on or off (on by default). Saving goes through the same use case the audit trail
 * records; a forged value is refused like any invalid form.
 */
import {
  type AccountSettings,
  dailyDigestSchema,
  getAccountSettings,
  setDailyDigestSetting,
} from '../../app/identity/set-daily-digest.js';
import { CsrfField, Layout } from '../layout.js';
import { pageContext } from '../page-context.js';
import type { WebApp, WebDeps } from '../web-env.js';
import { type PageResponse, signedIn, type WebContext } from '../workspace/workspace-support.js';

export const ACCOUNT_PATH = '/settings/account';

function accountPage(
  c: WebContext,
  settings: AccountSettings,
  opts: { saved?: boolean; invalid?: boolean } = {},
): PageResponse {
  const ctx = pageContext(c);
  const { t } = ctx;
  const state = t(`account:settings.state.${settings.dailyDigest ? 'on' : 'off'}`);
  return c.html(
    <Layout ctx={ctx} title={t('account:settings.title')}>
      <h1>{t('account:settings.title')}</h1>
      {opts.saved && (
        <p class="notice ok" role="status">
          {t('account:settings.saved', { state })}
        </p>
      )}
      {opts.invalid && (
        <p class="notice bad" role="alert">
          {t('account:settings.invalid')}
        </p>
      )}
      <p class="lead">{t('account:settings.intro', { email: ctx.user?.email ?? '' })}</p>
      <section class="card narrow">
        <form method="post" action={ACCOUNT_PATH}>
          <CsrfField ctx={ctx} />
          <fieldset aria-describedby="digest-hint">
            <legend>{t('account:settings.digest.legend')}</legend>
            <p id="digest-hint" class="muted">
              {t('account:settings.digest.hint')}
            </p>
            {(['on', 'off'] as const).map((value) => (
              <label class="check">
                <input
                  type="radio"
                  name="dailyDigest"
                  value={value}
                  checked={settings.dailyDigest === (value === 'on')}
                />
                {t(`account:settings.digest.${value}`)}
              </label>
            ))}
          </fieldset>
          <div class="actions">
            <button type="submit">{t('account:settings.save')}</button>
          </div>
        </form>
      </section>
    </Layout>,
    opts.invalid ? 400 : 200,
  );
}

export function registerAccountSettingsPage(app: WebApp, deps: WebDeps): void {
  app.get(
    ACCOUNT_PATH,
    signedIn(async (c, user) =>
      accountPage(c, await getAccountSettings(deps, user), { saved: c.req.query('saved') === '1' }),
    ),
  );
  app.post(
    ACCOUNT_PATH,
    signedIn(async (c, user) => {
      const value = (await c.req.parseBody())['dailyDigest'];
      const parsed = dailyDigestSchema.safeParse({
        dailyDigest: value === 'on' ? true : value === 'off' ? false : undefined,
      });
      if (!parsed.success) return accountPage(c, await getAccountSettings(deps, user), { invalid: true });
      await setDailyDigestSetting(deps, user, parsed.data);
      return c.redirect(`${ACCOUNT_PATH}?saved=1`, 303);
    }),
  );
}
