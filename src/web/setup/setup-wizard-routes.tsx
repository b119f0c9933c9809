/**
 * /setup/{token}: the wizard the provisioning contact reaches from the e-mail. Each request opens
 * the link again (the token is the credential; the database compares its hash), so a link that
 * dies mid-way (a change of contact, someone else's confirmation) shows why on the next step.
 */
import type { Context } from 'hono';

import { provisioningContactSchema } from '../../app/orders/place-order.js';
import { confirmSetup, type SetupConfirmation } from '../../app/setup/confirm-setup.js';
import { delegateSetup } from '../../app/setup/delegate-setup.js';
import { getSetupOutcome } from '../../app/setup/get-setup-outcome.js';
import { languageOfSetupLink, type SetupView } from '../../app/setup/open-setup-link.js';
import { type NewLinkLimits, requestNewSetupLink } from '../../app/setup/request-new-setup-link.js';
import { dataRegionOf } from '../../domain/data-region.js';
import { hasRefusedNameCharacter, NAME_CHARACTERS_MESSAGE } from '../../domain/display-name.js';
import { isAppError } from '../../domain/errors.js';
import { isLanguage } from '../../domain/types.js';
import type { PageContext } from '../layout.js';
import type { WebApp, WebDeps, WebEnv } from '../web-env.js';
import { WaitingPage } from './join-request-pages.js';
import { mendSetupLink, SETUP_TOKEN_PATTERN } from './mend-setup-link.js';
import { DeadLinkPage, DelegatedPage, NewLinkSentPage, SetupDonePage } from './setup-link-pages.js';
import { setupLinkResponders } from './setup-link-responders.js';
import { clientIp, field, noStore, setupPageContext } from './setup-page-context.js';
import { type DelegateForm, DelegatePage, WhoPage } from './setup-who-pages.js';
import { CountryPage, OrganizationPage, ReviewPage } from './setup-wizard-pages.js';
import {
  choiceOf,
  problemWith,
  readState,
  type StepProblem,
  stepProblemOf,
  stepUrl,
  type WizardState,
} from './setup-wizard-state.js';

export interface SetupWebDeps extends WebDeps {
  /** Limits of "send me a new link"; tests lower them. */
  setupNewLinkLimits?: NewLinkLimits | undefined;
}

const TOKEN = `:token{${SETUP_TOKEN_PATTERN}}`;
const MAX_NAME = 200;

type Ctx = Context<WebEnv>;

export function registerSetupWizardRoutes(app: WebApp, deps: SetupWebDeps): void {
  const { linkRefusalPage, withView } = setupLinkResponders(deps);

  function stepPage(
    c: Ctx,
    ctx: PageContext,
    view: SetupView,
    token: string,
    state: WizardState,
    p: StepProblem,
  ) {
    const Page = p.step === 'country' ? CountryPage : OrganizationPage;
    return c.html(<Page ctx={ctx} view={view} token={token} state={state} error={ctx.t(p.error)} />, 400);
  }

  function reviewPage(
    c: Ctx,
    ctx: PageContext,
    view: SetupView,
    token: string,
    state: WizardState,
    opts: { confirmedBy: string; error?: string },
  ) {
    const existing = [
      ...(view.organizations.yours ? [view.organizations.yours] : []),
      ...view.organizations.suggested,
    ].find((o) => o.organizationId === state.org);
    const organization = existing
      ? { name: existing.name, isNew: false, country: existing.country, dataRegion: existing.dataRegion }
      : {
          name: state.name,
          isNew: true,
          country: state.country.toUpperCase(),
          dataRegion: dataRegionOf(state.country),
        };
    return c.html(
      <ReviewPage
        ctx={ctx}
        view={view}
        token={token}
        state={state}
        organization={organization}
        confirmedBy={opts.confirmedBy}
        error={opts.error}
        joinRequest={!!existing && view.organizations.contactAccount !== 'customer_admin'}
      />,
      opts.error ? 400 : 200,
    );
  }

  app.use('/setup/*', mendSetupLink());

  app.get(`/setup/${TOKEN}`, (c) =>
    withView(c, (view, ctx, token) =>
      // A contact who asked to join an organization lands on the wait for its answer.
      view.joinRequest
        ? c.html(<WaitingPage ctx={ctx} view={view} token={token} />)
        : c.html(<WhoPage ctx={ctx} view={view} token={token} />),
    ),
  );

  app.get(`/setup/${TOKEN}/delegate`, (c) =>
    withView(c, (view, ctx, token) =>
      c.html(
        <DelegatePage
          ctx={ctx}
          view={view}
          token={token}
          form={{ name: '', email: '', language: ctx.language, errors: {} }}
        />,
      ),
    ),
  );

  app.post(`/setup/${TOKEN}/delegate`, async (c) => {
    const body = await c.req.parseBody();
    return withView(c, async (view, ctx, token) => {
      const language = field(body, 'language');
      const form: DelegateForm = {
        name: field(body, 'name', MAX_NAME),
        email: field(body, 'email', 254),
        language: isLanguage(language) ? language : 'en',
        errors: {},
      };
      const parsed = provisioningContactSchema.safeParse(form);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          if (issue.path[0] === 'name')
            form.errors.name =
              issue.message === NAME_CHARACTERS_MESSAGE
                ? ctx.t('workspace:contact.error.characters', { field: ctx.t('workspace:contact.name') })
                : ctx.t('setup:delegate.errors.name');
          if (issue.path[0] === 'email') form.errors.email = ctx.t('setup:delegate.errors.email');
        }
        return c.html(<DelegatePage ctx={ctx} view={view} token={token} form={form} />, 400);
      }
      try {
        const done = await delegateSetup(deps, token, parsed.data);
        return c.html(
          <DelegatedPage ctx={ctx} name={done.delegatedTo.name} email={done.delegatedTo.email} />,
        );
      } catch (e) {
        if (!isAppError(e, 'INVALID_INPUT')) return linkRefusalPage(c, token, e);
        form.errors.email = ctx.t('setup:delegate.errors.self');
        return c.html(<DelegatePage ctx={ctx} view={view} token={token} form={form} />, 400);
      }
    });
  });

  app.get(`/setup/${TOKEN}/organization`, (c) =>
    withView(c, (view, ctx, token) =>
      c.html(<OrganizationPage ctx={ctx} view={view} token={token} state={readState(c.req.query())} />),
    ),
  );

  app.get(`/setup/${TOKEN}/country`, (c) =>
    withView(c, (view, ctx, token) => {
      const state = readState(c.req.query());
      const problem = problemWith(view, state, false);
      if (problem) return stepPage(c, ctx, view, token, state, problem);
      // An existing organization keeps the country and data region it has.
      if (state.org !== 'new') return c.redirect(stepUrl(token, 'review', { org: state.org }), 303);
      return c.html(<CountryPage ctx={ctx} view={view} token={token} state={state} />);
    }),
  );

  app.get(`/setup/${TOKEN}/review`, (c) =>
    withView(c, (view, ctx, token) => {
      const state = readState(c.req.query());
      const problem = problemWith(view, state, true);
      if (problem) return stepPage(c, ctx, view, token, state, problem);
      return reviewPage(c, ctx, view, token, state, { confirmedBy: view.provisioningContact.name });
    }),
  );

  app.post(`/setup/${TOKEN}/confirm`, async (c) => {
    const body = await c.req.parseBody();
    return withView(
      c,
      async (view, ctx, token) => {
        const state = readState(body);
        const problem = problemWith(view, state, true);
        if (problem) return stepPage(c, ctx, view, token, state, problem);
        const confirmedBy = field(body, 'confirmedBy', 300);
        if (!confirmedBy || confirmedBy.length > MAX_NAME || hasRefusedNameCharacter(confirmedBy))
          return reviewPage(c, ctx, view, token, state, {
            confirmedBy,
            error: ctx.t(
              hasRefusedNameCharacter(confirmedBy)
                ? 'setup:organization.errors.characters'
                : 'setup:review.errors.name',
            ),
          });
        let confirmed: SetupConfirmation;
        try {
          confirmed = await confirmSetup(deps, token, {
            organization: choiceOf(state),
            confirmedBy: { name: confirmedBy, language: ctx.language },
          });
        } catch (e) {
          if (isAppError(e, 'INVALID_INPUT', 'NOT_FOUND', 'ALREADY_EXISTS'))
            return stepPage(c, ctx, view, token, state, stepProblemOf(e));
          return linkRefusalPage(c, token, e, { followUsedLink: false });
        }
        return c.redirect(confirmed.outcome === 'mapped' ? `/setup/${token}/done` : `/setup/${token}`, 303);
      },
      { followUsedLink: false },
    );
  });

  // The language switch on a page answering a POST asks for it with GET: start from the link again.
  for (const step of ['confirm', 'new-link'])
    app.get(`/setup/${TOKEN}/${step}`, (c) => c.redirect(`/setup/${c.req.param('token')}`, 303));

  app.get(`/setup/${TOKEN}/done`, async (c) => {
    const token = c.req.param('token');
    try {
      const outcome = await getSetupOutcome(deps, token);
      noStore(c);
      const ctx = setupPageContext(c, (await languageOfSetupLink(deps, token)) ?? undefined);
      return c.html(<SetupDonePage ctx={ctx} outcome={outcome} />);
    } catch (e) {
      return linkRefusalPage(c, token, e);
    }
  });

  app.post(`/setup/${TOKEN}/new-link`, async (c) => {
    const token = c.req.param('token');
    const body = await c.req.parseBody();
    try {
      await requestNewSetupLink(
        deps,
        { token, email: field(body, 'email', 254), ip: clientIp(c) },
        deps.setupNewLinkLimits,
      );
    } catch (e) {
      return linkRefusalPage(c, token, e);
    }
    noStore(c);
    const ctx = setupPageContext(c, (await languageOfSetupLink(deps, token)) ?? undefined);
    return c.html(<NewLinkSentPage ctx={ctx} />);
  });
}

/**
 * A link too damaged to mend (cut short, a step that does not exist): the "link not valid" page.
 * Registered after every other /setup/ route (register-setup-routes.tsx), or it would hide them.
 */
export function registerSetupCatchAll(app: WebApp): void {
  app.all('/setup/*', (c) => {
    noStore(c);
    return c.html(<DeadLinkPage ctx={setupPageContext(c)} token="" reason="unknown" />, 404);
  });
}
