/**
 * The wizard's later steps: organization, country and data region, review. Navigation between
 * steps is plain GET with the state in query parameters (the token in the path authenticates each
 * step); only the delegation and the confirmation POST, with CSRF. The first step (who sets it
 * up, or a colleague) is in setup-who-pages.tsx.
 */
import type { SetupView } from '../../app/setup/open-setup-link.js';
import { emailDomain } from '../../domain/setup-rules.js';
import { INTL_LOCALES } from '../../domain/types.js';
import { ConfirmDialog } from '../confirm-dialog.js';
import { CsrfField, type PageContext } from '../layout.js';
import {
  countryName,
  ErrorNotice,
  LinesTable,
  OrganizationStats,
  regionName,
  StepActions,
  TextField,
  WizardPage,
} from './setup-components.js';
import { stepUrl, type WizardState } from './setup-wizard-state.js';

function OrganizationFacts(props: { ctx: PageContext; country: string | null; dataRegion: string | null }) {
  const { ctx } = props;
  return (
    <span class="muted setup-facts">
      {props.dataRegion
        ? ctx.t('setup:organization.facts', {
            country: countryName(ctx.language, props.country),
            dataRegion: regionName(ctx, props.dataRegion),
          })
        : ctx.t('setup:organization.factsNotSet')}
    </span>
  );
}

/** What every step page after "who" gets: the setup, the link token and the answers so far. */
interface StepPageProps {
  ctx: PageContext;
  view: SetupView;
  token: string;
  state: WizardState;
  error?: string | undefined;
}

export function OrganizationPage(props: StepPageProps) {
  const { ctx, view, token, state } = props;
  const found = view.organizations;
  const heading = ctx.t('setup:organization.heading');
  if (found.contactAccount === 'other')
    return (
      <WizardPage ctx={ctx} view={view} step="organization" heading={heading}>
        <p class="notice warn">
          {ctx.t('setup:organization.otherAccount', {
            email: view.provisioningContact.email,
            endCustomerName: view.order.endCustomerName,
          })}
        </p>
        <div class="actions">
          <a class="button" href={stepUrl(token, 'delegate')}>
            {ctx.t('setup:who.other')}
          </a>
        </div>
      </WizardPage>
    );
  const options = found.yours ? [found.yours] : found.suggested;
  const selected = state.org || (found.yours?.organizationId ?? (options.length === 0 ? 'new' : ''));
  return (
    <WizardPage ctx={ctx} view={view} step="organization" heading={heading}>
      <ErrorNotice text={props.error} />
      <form method="get" action={stepUrl(token, 'country')}>
        <fieldset class="setup-options">
          <legend class="visually-hidden">{heading}</legend>
          {found.yours && <p class="setup-group">{ctx.t('setup:organization.yours')}</p>}
          {found.yours && <p class="muted">{ctx.t('setup:organization.yoursHint')}</p>}
          {!found.yours && options.length > 0 && (
            <>
              <p class="setup-group">{ctx.t('setup:organization.suggested')}</p>
              <p class="muted">
                {ctx.t('setup:organization.suggestedHint', {
                  endCustomerName: view.order.endCustomerName,
                  domain: emailDomain(view.provisioningContact.email) ?? '',
                })}
              </p>
            </>
          )}
          {options.map((o) => (
            <label class="setup-option">
              <input
                type="radio"
                name="org"
                value={o.organizationId}
                checked={selected === o.organizationId}
                required
              />
              <span>
                <strong>{o.name}</strong>
                <br />
                <OrganizationFacts ctx={ctx} country={o.country} dataRegion={o.dataRegion} />
                <br />
                <OrganizationStats ctx={ctx} organization={o} />
              </span>
            </label>
          ))}
          {found.canCreate && (
            <label class="setup-option">
              <input type="radio" name="org" value="new" checked={selected === 'new'} required />
              <span>
                <strong>{ctx.t('setup:organization.createNew')}</strong>
              </span>
            </label>
          )}
        </fieldset>
        {found.canCreate && (
          <TextField
            id="name"
            label={ctx.t('setup:organization.newName')}
            value={state.name || found.newOrganizationName}
            required={false}
            autocomplete="organization"
          />
        )}
        <StepActions
          submit={ctx.t('setup:continue')}
          back={ctx.t('setup:back')}
          backHref={stepUrl(token, '')}
        />
      </form>
    </WizardPage>
  );
}

export function CountryPage(props: StepPageProps) {
  const { ctx, view, token, state } = props;
  const collator = new Intl.Collator(INTL_LOCALES[ctx.language]);
  const countries = view.countries
    .map((c) => ({ ...c, label: countryName(ctx.language, c.country) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return (
    <WizardPage
      ctx={ctx}
      view={view}
      step="country"
      heading={ctx.t('setup:country.heading', { name: state.name })}
    >
      <p>{ctx.t('setup:country.intro')}</p>
      <form method="get" action={stepUrl(token, 'review')}>
        <input type="hidden" name="org" value="new" />
        <input type="hidden" name="name" value={state.name} />
        {/* Shown by app.js, which narrows the list as the visitor types; the list alone works too. */}
        <div class="field country-filter" data-country-filter="country" hidden>
          <label for="country-filter">{ctx.t('setup:country.filter')}</label>
          <p class="hint" id="country-filter-hint">
            {ctx.t('setup:country.filterHint')}
          </p>
          <input
            id="country-filter"
            type="search"
            autocomplete="off"
            aria-controls="country"
            aria-describedby="country-filter-hint"
          />
        </div>
        <label for="country">{ctx.t('setup:country.label')}</label>
        {props.error && (
          <p class="field-error" id="country-error">
            {props.error}
          </p>
        )}
        <select
          id="country"
          name="country"
          required
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.error ? 'country-error' : undefined}
        >
          <option value="">{ctx.t('setup:country.choose')}</option>
          {countries.map((c) => (
            <option value={c.country} selected={c.country === state.country}>
              {ctx.t('setup:country.option', { country: c.label, dataRegion: regionName(ctx, c.dataRegion) })}
            </option>
          ))}
        </select>
        <StepActions
          submit={ctx.t('setup:continue')}
          back={ctx.t('setup:back')}
          backHref={stepUrl(token, 'organization', { org: 'new', name: state.name })}
        />
      </form>
    </WizardPage>
  );
}

export function ReviewPage(
  props: StepPageProps & {
    organization: { name: string; isNew: boolean; country: string | null; dataRegion: string | null };
    confirmedBy: string;
    /** The organization exists and the contact is not its administrator: confirming asks to join it. */
    joinRequest: boolean;
  },
) {
  const { ctx, view, token, state, organization, joinRequest } = props;
  const orgLabel = organization.isNew
    ? ctx.t('setup:review.newOrganization', { name: organization.name })
    : organization.name;
  const named = { organization: organization.name };
  return (
    <WizardPage
      ctx={ctx}
      view={view}
      step="review"
      heading={joinRequest ? ctx.t('setup:joinReview.heading', named) : ctx.t('setup:review.heading')}
    >
      {joinRequest ? (
        <div class="notice warn" id="join-request-notice">
          <p>
            <strong>{ctx.t('setup:joinReview.notice', named)}</strong>
          </p>
          <p>{ctx.t('setup:joinReview.after', named)}</p>
        </div>
      ) : (
        <p>{ctx.t('setup:review.intro')}</p>
      )}
      <dl class="facts setup-review">
        <dt>{ctx.t('setup:review.organization')}</dt>
        <dd>{orgLabel}</dd>
        <dt>{ctx.t('setup:review.country')}</dt>
        <dd>{countryName(ctx.language, organization.country) || ctx.t('setup:admin.notSet')}</dd>
        <dt>{ctx.t('setup:review.dataRegion')}</dt>
        <dd>
          <strong>{regionName(ctx, organization.dataRegion)}</strong>
          <br />
          <span class="muted">{ctx.t('setup:review.immutable')}</span>
        </dd>
      </dl>
      <LinesTable ctx={ctx} webOrderId={view.order.webOrderId} lines={view.lines} />
      <form method="post" action={stepUrl(token, 'confirm')} data-confirm="confirm-setup">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="org" value={state.org} />
        <input type="hidden" name="name" value={state.name} />
        <input type="hidden" name="country" value={state.country} />
        <TextField
          id="confirmedBy"
          label={ctx.t('setup:review.confirmedBy')}
          value={props.confirmedBy}
          error={props.error}
          autocomplete="name"
        />
        <p class="muted">
          {ctx.t('setup:review.email')}: {view.provisioningContact.email}
        </p>
        <StepActions
          submit={joinRequest ? ctx.t('setup:joinReview.confirm', named) : ctx.t('setup:review.confirm')}
          back={ctx.t('setup:review.change')}
          backHref={stepUrl(token, 'organization', state)}
        />
      </form>
      <ConfirmDialog
        id="confirm-setup"
        title={ctx.t(joinRequest ? 'setup:joinReview.dialogTitle' : 'setup:review.dialogTitle')}
        yes={ctx.t(joinRequest ? 'setup:joinReview.dialogYes' : 'setup:review.dialogYes')}
        no={ctx.t('setup:review.dialogNo')}
      >
        <p>
          {joinRequest
            ? ctx.t('setup:joinReview.dialogText', named)
            : ctx.t('setup:review.dialogText', {
                count: view.lines.length,
                webOrderId: view.order.webOrderId,
                organization: organization.name,
              })}
        </p>
      </ConfirmDialog>
    </WizardPage>
  );
}
