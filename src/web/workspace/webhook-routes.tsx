/**
 * The workspace's webhook settings (partner admins, distributor users):
 *   GET  /settings/webhooks              endpoints and the add form
 *   POST /settings/webhooks              add; the page answers with the secret, shown this once
 *   GET  /settings/webhooks/:id          the delivery log
 *   POST /settings/webhooks/:id/test     queue a test event, back to the log (PRG)
 *   POST /settings/webhooks/:id/delete   delete, back to the list (PRG)
 *   POST /settings/webhooks/:id/rotate-secret  new secret; the page answers with it, shown this once
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { AppDeps } from '../../app/deps.js';
import { deleteWebhookEndpoint } from '../../app/webhooks/delete-webhook-endpoint.js';
import { listWebhookDeliveries } from '../../app/webhooks/list-webhook-deliveries.js';
import { listWebhookEndpoints } from '../../app/webhooks/list-webhook-endpoints.js';
import {
  registerWebhookEndpoint,
  registerWebhookEndpointSchema,
} from '../../app/webhooks/register-webhook-endpoint.js';
import {
  DEFAULT_SECRET_OVERLAP_HOURS,
  rotateWebhookSecret,
} from '../../app/webhooks/rotate-webhook-secret.js';
import { sendTestWebhook } from '../../app/webhooks/send-test-webhook.js';
import { AppError, isAppError } from '../../domain/errors.js';
import type { WebApp } from '../web-env.js';
import { deliveryLogPage } from './webhook-delivery-log-page.js';
import {
  type EndpointErrors,
  type EndpointField,
  type EndpointValues,
  WEBHOOKS_PATH,
  webhooksPage,
} from './webhooks-page.js';
import { paramOf, signedIn } from './workspace-support.js';

const FIELDS: EndpointField[] = ['url', 'description', 'secret'];

function valuesOf(body: Record<string, unknown>): EndpointValues {
  const value = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim().slice(0, 2100) : '');
  return { url: value('url'), description: value('description'), secret: value('secret') };
}

export function registerWebhookSettingsRoutes(app: WebApp, deps: AppDeps): void {
  app.get(
    WEBHOOKS_PATH,
    signedIn(async (c, user) =>
      webhooksPage(c, await listWebhookEndpoints(deps, user), { deleted: c.req.query('deleted') === '1' }),
    ),
  );

  app.post(
    WEBHOOKS_PATH,
    signedIn(async (c, user) => {
      const endpoints = await listWebhookEndpoints(deps, user); // refuses who may not manage webhooks
      const values = valuesOf(await c.req.parseBody());
      const parsed = registerWebhookEndpointSchema.safeParse({
        url: values.url,
        description: values.description,
        secret: values.secret || undefined,
      });
      if (!parsed.success) {
        const errors: EndpointErrors = {};
        for (const issue of parsed.error.issues) {
          const field = issue.path[0] as EndpointField;
          if (FIELDS.includes(field)) errors[field] ??= c.get('t')(`workspace:webhooks.error.${field}`);
        }
        return webhooksPage(c, endpoints, { form: { values, errors } }, 400);
      }
      try {
        const created = await registerWebhookEndpoint(deps, user, parsed.data);
        return webhooksPage(c, await listWebhookEndpoints(deps, user), {
          created: { url: created.url, secret: created.secret },
        });
      } catch (e) {
        if (!isAppError(e) || e.code === 'NO_ACCESS') throw e;
        return webhooksPage(
          c,
          endpoints,
          { form: { values, errors: {}, refusal: e } },
          e.status as ContentfulStatusCode,
        );
      }
    }),
  );

  app.get(
    `${WEBHOOKS_PATH}/:endpointId`,
    signedIn(async (c, user) => {
      const id = paramOf(c, 'endpointId');
      const deliveries = await listWebhookDeliveries(deps, user, id);
      const endpoint = (await listWebhookEndpoints(deps, user)).find((e) => e.endpointId === id);
      if (!endpoint) throw new AppError('NOT_FOUND');
      return deliveryLogPage(c, endpoint, deliveries, c.req.query('queued') === '1');
    }),
  );

  app.post(
    `${WEBHOOKS_PATH}/:endpointId/test`,
    signedIn(async (c, user) => {
      const id = paramOf(c, 'endpointId');
      await sendTestWebhook(deps, user, id);
      return c.redirect(`${WEBHOOKS_PATH}/${encodeURIComponent(id)}?queued=1`, 303);
    }),
  );

  app.post(
    `${WEBHOOKS_PATH}/:endpointId/delete`,
    signedIn(async (c, user) => {
      await deleteWebhookEndpoint(deps, user, paramOf(c, 'endpointId'));
      return c.redirect(`${WEBHOOKS_PATH}?deleted=1`, 303);
    }),
  );

  app.post(
    `${WEBHOOKS_PATH}/:endpointId/rotate-secret`,
    signedIn(async (c, user) => {
      // The default overlap: the previous secret keeps signing for a day (the API may choose).
      const rotated = await rotateWebhookSecret(deps, user, paramOf(c, 'endpointId'), {
        overlapHours: DEFAULT_SECRET_OVERLAP_HOURS,
      });
      const endpoints = await listWebhookEndpoints(deps, user);
      const url = endpoints.find((e) => e.endpointId === rotated.endpointId)?.url ?? '';
      return webhooksPage(c, endpoints, { rotated: { ...rotated, url } });
    }),
  );
}
