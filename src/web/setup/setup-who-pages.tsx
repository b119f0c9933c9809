/**
 * The wizard's first step: who sets it up, the contact or a colleague (delegation: a contact
 * change and a new e-mail to the colleague).
 */
import type { SetupView } from '../../app/setup/open-setup-link.js';
import { formatDeadline } from '../../i18n/format-deadline.js';
import { CsrfField, type PageContext } from '../layout.js';
import { PartnerLedChoice } from './partner-setup-pages.js';
import { PersonFields } from './person-fields.js';
import { LinesTable, StepActions, WizardPage } from './setup-components.js';
import { stepUrl } from './setup-wizard-state.js';

export function WhoPage(props: { ctx: PageContext; view: SetupView; token: string }) {
  const { ctx, view, token } = props;
  return (
    <WizardPage ctx={ctx} view={view} step="who" heading={ctx.t('setup:who.heading')}>
      <p>{ctx.t('setup:who.greeting', { name: view.provisioningContact.name })}</p>
      <p>
        {view.delegatedBy
          ? ctx.t('setup:who.introDelegated', {
              delegatedBy: view.delegatedBy,
              partnerName: view.order.partnerName,
              endCustomerName: view.order.endCustomerName,
            })
          : ctx.t('setup:who.intro', {
              partnerName: view.order.partnerName,
              endCustomerName: view.order.endCustomerName,
            })}
      </p>
      <LinesTable ctx={ctx} webOrderId={view.order.webOrderId} lines={view.lines} />
      <p>{ctx.t('setup:deadline', { deadline: formatDeadline(ctx.language, view.deadline) })}</p>
      <div class="setup-choices">
        <a class="button" href={stepUrl(token, 'organization')}>
          {ctx.t('setup:who.self')}
        </a>
        <a class="button secondary" href={stepUrl(token, 'delegate')} aria-describedby="other-hint">
          {ctx.t('setup:who.other')}
        </a>
      </div>
      <p class="muted" id="other-hint">
        {ctx.t('setup:who.otherHint')}
      </p>
      <PartnerLedChoice ctx={ctx} view={view} token={token} />
    </WizardPage>
  );
}

export interface DelegateForm {
  name: string;
  email: string;
  language: string;
  errors: { name?: string; email?: string };
}

export function DelegatePage(props: {
  ctx: PageContext;
  view: SetupView;
  token: string;
  form: DelegateForm;
}) {
  const { ctx, view, token, form } = props;
  return (
    <WizardPage ctx={ctx} view={view} step="who" heading={ctx.t('setup:delegate.heading')}>
      <p>{ctx.t('setup:delegate.intro')}</p>
      <form method="post" action={stepUrl(token, 'delegate')} novalidate>
        <CsrfField ctx={ctx} />
        <PersonFields
          name={{
            id: 'name',
            label: ctx.t('setup:delegate.name'),
            value: form.name,
            error: form.errors.name,
          }}
          email={{
            id: 'email',
            label: ctx.t('setup:delegate.email'),
            value: form.email,
            error: form.errors.email,
          }}
          language={{ id: 'language', label: ctx.t('setup:delegate.language'), value: form.language }}
        />
        <StepActions
          submit={ctx.t('setup:delegate.submit')}
          back={ctx.t('setup:back')}
          backHref={stepUrl(token, '')}
        />
      </form>
    </WizardPage>
  );
}
