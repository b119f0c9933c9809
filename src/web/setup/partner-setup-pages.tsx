/**
 * Partner-led setup pages: the choice on the first step (partner staff only), the form (the
 * customer's organization and its administrator), the review with the point of no return, and
 * what was done. The form and review POST with CSRF, so the administrator's address never sits in
 * a URL.
 */
import type { CustomerSetupOutcome } from '../../app/setup/get-customer-setup-outcome.js';
import type { SetupView } from '../../app/setup/open-setup-link.js';
import { dataRegionOf } from '../../domain/data-region.js';
import type { Language } from '../../domain/types.js';
import { CsrfField, type PageContext } from '../layout.js';
import { PersonFields } from './person-fields.js';
import {
  countryName,
  ErrorNotice,
  regionName,
  SetupPage,
  TextField,
  WizardPage,
} from './setup-components.js';

export const forCustomerUrl = (token: string, step = '') =>
  `/setup/${token}/for-customer${step ? `/${step}` : ''}`;

export interface CustomerForm {
  name: string;
  country: string;
  adminName: string;
  adminEmail: string;
  adminLanguage: Language;
  errors: Partial<Record<'name' | 'country' | 'adminName' | 'adminEmail', string>>;
}

/** On the first step, for partner staff only. */
export function PartnerLedChoice(props: { ctx: PageContext; view: SetupView; token: string }) {
  const { ctx, view, token } = props;
  if (!view.partnerStaff) return null;
  return (
    <div class="setup-partner-led">
      <p>
        <a class="button secondary" href={forCustomerUrl(token)} aria-describedby="partner-led-hint">
          {ctx.t('setup:partnerLed.choice')}
        </a>
      </p>
      <p class="muted" id="partner-led-hint">
        {ctx.t('setup:partnerLed.choiceHint', { partner: view.partnerStaff.organizationName })}
      </p>
    </div>
  );
}

const Hidden = (props: { form: CustomerForm }) => (
  <>
    <input type="hidden" name="name" value={props.form.name} />
    <input type="hidden" name="country" value={props.form.country} />
    <input type="hidden" name="adminName" value={props.form.adminName} />
    <input type="hidden" name="adminEmail" value={props.form.adminEmail} />
    <input type="hidden" name="adminLanguage" value={props.form.adminLanguage} />
  </>
);

export function CustomerFormPage(props: {
  ctx: PageContext;
  view: SetupView;
  token: string;
  form: CustomerForm;
}) {
  const { ctx, view, token, form } = props;
  const countries = view.countries
    .map((c) => ({ ...c, label: countryName(ctx.language, c.country) }))
    .sort((a, b) => a.label.localeCompare(b.label, ctx.language));
  const countryDescribed = ['country-hint', form.errors.country && 'country-error'].filter(Boolean).join(' ');
  return (
    <WizardPage ctx={ctx} view={view} step="organization" heading={ctx.t('setup:partnerLed.heading')}>
      <p>{ctx.t('setup:partnerLed.intro', { endCustomerName: view.order.endCustomerName })}</p>
      <form method="post" action={forCustomerUrl(token, 'review')} novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          id="name"
          label={ctx.t('setup:partnerLed.organizationName')}
          value={form.name}
          error={form.errors.name}
          autocomplete="organization"
        />
        <div class="field">
          <label for="country">{ctx.t('setup:partnerLed.country')}</label>
          <p class="hint" id="country-hint">
            {ctx.t('setup:partnerLed.countryHint')}
          </p>
          {form.errors.country && (
            <p class="field-error" id="country-error">
              {form.errors.country}
            </p>
          )}
          <select
            id="country"
            name="country"
            required
            aria-invalid={form.errors.country ? 'true' : undefined}
            aria-describedby={countryDescribed}
          >
            <option value="">{ctx.t('setup:country.choose')}</option>
            {countries.map((c) => (
              <option value={c.country} selected={c.country === form.country}>
                {ctx.t('setup:country.option', {
                  country: c.label,
                  dataRegion: regionName(ctx, c.dataRegion),
                })}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{ctx.t('setup:partnerLed.adminHeading')}</legend>
          <PersonFields
            name={{
              id: 'adminName',
              label: ctx.t('setup:partnerLed.adminName'),
              value: form.adminName,
              error: form.errors.adminName,
            }}
            email={{
              id: 'adminEmail',
              label: ctx.t('setup:partnerLed.adminEmail'),
              value: form.adminEmail,
              error: form.errors.adminEmail,
            }}
            language={{
              id: 'adminLanguage',
              label: ctx.t('setup:partnerLed.adminLanguage'),
              value: form.adminLanguage,
            }}
          />
        </fieldset>
        <div class="actions">
          <button type="submit">{ctx.t('setup:partnerLed.continue')}</button>
          <a class="button secondary" href={`/setup/${token}`}>
            {ctx.t('setup:back')}
          </a>
        </div>
      </form>
    </WizardPage>
  );
}

export function CustomerReviewPage(props: {
  ctx: PageContext;
  view: SetupView;
  token: string;
  form: CustomerForm;
  error?: string | undefined;
}) {
  const { ctx, view, token, form } = props;
  const staff = view.partnerStaff!;
  const region = dataRegionOf(form.country);
  return (
    <WizardPage ctx={ctx} view={view} step="review" heading={ctx.t('setup:partnerLed.reviewHeading')}>
      <ErrorNotice text={props.error} />
      <p>{ctx.t('setup:partnerLed.reviewIntro')}</p>
      <dl class="facts">
        <dt>{ctx.t('setup:review.organization')}</dt>
        <dd>{ctx.t('setup:review.newOrganization', { name: form.name })}</dd>
        <dt>{ctx.t('setup:review.country')}</dt>
        <dd>{countryName(ctx.language, form.country)}</dd>
        <dt>{ctx.t('setup:review.dataRegion')}</dt>
        <dd>{regionName(ctx, region)}</dd>
        <dt>{ctx.t('setup:partnerLed.administrator')}</dt>
        <dd>
          {form.adminName} &lt;{form.adminEmail}&gt;
        </dd>
        <dt>{ctx.t('setup:partnerLed.setUpBy')}</dt>
        <dd>
          {ctx.t('setup:partnerLed.setUpByValue', { user: staff.name, partner: staff.organizationName })}
        </dd>
      </dl>
      <p class="notice warn">
        {ctx.t('setup:partnerLed.warning', {
          count: view.lines.length,
          webOrderId: view.order.webOrderId,
          organization: form.name,
          partner: staff.organizationName,
        })}
      </p>
      <form method="post" action={forCustomerUrl(token, 'confirm')}>
        <CsrfField ctx={ctx} />
        <Hidden form={form} />
        <div class="actions">
          <button type="submit" name="action" value="confirm">
            {ctx.t('setup:partnerLed.confirm')}
          </button>
          <button type="submit" name="action" value="edit" class="secondary">
            {ctx.t('setup:partnerLed.edit')}
          </button>
        </div>
      </form>
    </WizardPage>
  );
}

export function CustomerSetUpPage(props: { ctx: PageContext; outcome: CustomerSetupOutcome }) {
  const { ctx, outcome } = props;
  const org = outcome.organization;
  return (
    <SetupPage ctx={ctx} heading={ctx.t('setup:partnerLed.doneHeading')}>
      <div class="notice ok setup-done" role="status">
        <p>
          {ctx.t('setup:partnerLed.doneIntro', {
            webOrderId: outcome.webOrderId,
            organization: org.name,
            dataRegion: regionName(ctx, org.dataRegion),
          })}
        </p>
      </div>
      <p>{ctx.t('setup:partnerLed.doneInvited', { email: outcome.invitedEmail })}</p>
    </SetupPage>
  );
}
