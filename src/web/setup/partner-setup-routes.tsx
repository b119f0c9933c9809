/**
 * /setup/{token}/for-customer: partner-led setup. Only a contact who is staff of the partner (or
 * distributor) that placed the order reaches it; anyone else gets the 404 page, as for a page
 * that is not there. The form and review POST; confirming maps the order (set-up-for-customer.ts).
 */
import type { Context } from 'hono';

import { getCustomerSetupOutcome } from '../../app/setup/get-customer-setup-outcome.js';
import { languageOfSetupLink, type SetupView } from '../../app/setup/open-setup-link.js';
import { customerSetupSchema, setUpForCustomer } from '../../app/setup/set-up-for-customer.js';
import { isAppError } from '../../domain/errors.js';
import { isLanguage } from '../../domain/types.js';
import { notFoundPage } from '../error-pages.js';
import type { PageContext } from '../layout.js';
import type { WebApp, WebEnv } from '../web-env.js';
import {
  type CustomerForm,
  CustomerFormPage,
  CustomerReviewPage,
  CustomerSetUpPage,
  forCustomerUrl,
} from './partner-setup-pages.js';
import { setupLinkResponders } from './setup-link-responders.js';
import { field, noStore, setupPageContext } from './setup-page-context.js';
import type { SetupWebDeps } from './setup-wizard-routes.js';

const TOKEN = ':token{[A-Za-z0-9_-]{16,128}}';
type Ctx = Context<WebEnv>;

function readForm(body: Record<string, unknown>, ctx: PageContext): CustomerForm {
  const language = field(body, 'adminLanguage');
  return {
    name: field(body, 'name', 300),
    country: field(body, 'country', 2).toUpperCase(),
    adminName: field(body, 'adminName', 300),
    adminEmail: field(body, 'adminEmail', 300),
    adminLanguage: isLanguage(language) ? language : ctx.language,
    errors: {},
  };
}

const inputOf = (form: CustomerForm) => ({
  organization: { name: form.name, country: form.country },
  admin: { name: form.adminName, email: form.adminEmail, language: form.adminLanguage },
});

const ERROR_OF: Record<string, [keyof CustomerForm['errors'], string]> = {
  'organization.name': ['name', 'setup:partnerLed.errors.organizationName'],
  'organization.country': ['country', 'setup:partnerLed.errors.country'],
  'admin.name': ['adminName', 'setup:partnerLed.errors.adminName'],
  'admin.email': ['adminEmail', 'setup:partnerLed.errors.adminEmail'],
};

/** The form's errors for these issues (the first per field); a self-address gets its own words. */
function withErrors(ctx: PageContext, form: CustomerForm, issues: { path: string; message: string }[]) {
  for (const issue of issues) {
    const [key, message] = ERROR_OF[issue.path] ?? ['name', 'setup:partnerLed.errors.organizationName'];
    const own = issue.path === 'admin.email' && /your own address|your organization/.test(issue.message);
    form.errors[key] ??= ctx.t(own ? 'setup:partnerLed.errors.adminSelf' : message);
  }
  return form;
}

export function registerPartnerSetupRoutes(app: WebApp, deps: SetupWebDeps): void {
  const { linkRefusalPage, withView } = setupLinkResponders(deps);

  /** Renders for partner staff only; everyone else gets the not-found page. */
  const forStaff =
    (render: (c: Ctx, view: SetupView, ctx: PageContext, token: string) => Response | Promise<Response>) =>
    (c: Ctx, opts = { followUsedLink: true }) =>
      withView(
        c,
        (view, ctx, token) => (view.partnerStaff ? render(c, view, ctx, token) : notFoundPage(c)),
        opts,
      );

  app.get(`/setup/${TOKEN}/for-customer`, (c) =>
    forStaff((c, view, ctx, token) =>
      c.html(
        <CustomerFormPage
          ctx={ctx}
          view={view}
          token={token}
          form={{
            name: view.order.endCustomerName,
            country: '',
            adminName: '',
            adminEmail: '',
            adminLanguage: ctx.language,
            errors: {},
          }}
        />,
      ),
    )(c),
  );

  app.post(`/setup/${TOKEN}/for-customer/review`, async (c) => {
    const body = await c.req.parseBody();
    return forStaff((c, view, ctx, token) => {
      const form = readForm(body, ctx);
      const parsed = customerSetupSchema.safeParse(inputOf(form));
      if (!parsed.success) {
        withErrors(
          ctx,
          form,
          parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        );
        return c.html(<CustomerFormPage ctx={ctx} view={view} token={token} form={form} />, 400);
      }
      return c.html(<CustomerReviewPage ctx={ctx} view={view} token={token} form={form} />);
    })(c);
  });

  app.post(`/setup/${TOKEN}/for-customer/confirm`, async (c) => {
    const body = await c.req.parseBody();
    return forStaff(async (c, view, ctx, token) => {
      const form = readForm(body, ctx);
      if (field(body, 'action') === 'edit')
        return c.html(<CustomerFormPage ctx={ctx} view={view} token={token} form={form} />);
      try {
        await setUpForCustomer(deps, token, inputOf(form));
      } catch (e) {
        if (isAppError(e, 'INVALID_INPUT')) {
          withErrors(ctx, form, e.details.issues);
          return c.html(<CustomerFormPage ctx={ctx} view={view} token={token} form={form} />, 400);
        }
        if (isAppError(e, 'NOT_FOUND')) return notFoundPage(c);
        return linkRefusalPage(c, token, e, { followUsedLink: false });
      }
      return c.redirect(forCustomerUrl(token, 'done'), 303);
    })(c, { followUsedLink: false });
  });

  // The language switch on a page answering a POST asks for it with GET: start the form again.
  for (const step of ['review', 'confirm'])
    app.get(`/setup/${TOKEN}/for-customer/${step}`, (c) =>
      c.redirect(forCustomerUrl(c.req.param('token')), 303),
    );

  app.get(`/setup/${TOKEN}/for-customer/done`, async (c) => {
    const token = c.req.param('token');
    try {
      const outcome = await getCustomerSetupOutcome(deps, token);
      noStore(c);
      const ctx = setupPageContext(c, (await languageOfSetupLink(deps, token)) ?? undefined);
      return c.html(<CustomerSetUpPage ctx={ctx} outcome={outcome} />);
    } catch (e) {
      return linkRefusalPage(c, token, e);
    }
  });
}
