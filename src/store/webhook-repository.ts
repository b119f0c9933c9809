/**
 * Webhook endpoints and their delivery log. Deliveries themselves are outbox rows (topic
 * 'webhook', `webhook_endpoint_id` set); each attempt adds a `webhook_attempt` row.
 */
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';

import type { Database, WebhookEndpointTable } from './schema.js';
import { sealWebhookSecret } from './webhook-secrets.js';

type Db = Kysely<Database> | Transaction<Database>;
export type WebhookEndpointRow = Selectable<WebhookEndpointTable>;

export const WEBHOOK_TOPIC = 'webhook';

/** Inserts an endpoint; `row.secret` is given in clear and stored sealed. */
export async function insertEndpoint(db: Db, row: Insertable<WebhookEndpointTable>): Promise<void> {
  await db
    .insertInto('webhook_endpoint')
    .values({ ...row, secret: sealWebhookSecret(row.secret) })
    .execute();
}

/** The live endpoints of these organizations (a partner and, on distributor orders, a distributor). */
export async function liveEndpointsOf(db: Db, organizationIds: string[]): Promise<WebhookEndpointRow[]> {
  if (organizationIds.length === 0) return [];
  return db
    .selectFrom('webhook_endpoint')
    .selectAll()
    .where('organization_id', 'in', organizationIds)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * Each of these lines with every live endpoint that hears about it (its order's partner's and
 * distributor's), in one query; a line nobody listens to is absent. The lines and their orders
 * are found first (a materialized CTE, by primary keys): joined in one go, the planner took the
 * endpoint table's few rows as a reason to scan every order, 131 ms a due batch at 1,000,000
 * lines. While no endpoint is live (most installations), the lines are not looked up at all:
 * PostgreSQL checks the uncorrelated EXISTS once, before the CTE (it cost 4 ms a call in a burst).
 */
export async function lineWebhookTargets(db: Db, subscriptionIds: string[]) {
  return db
    .with(
      (cte) => cte('lines').materialized(),
      (q) =>
        q
          .selectFrom('subscription_line as l')
          .innerJoin('purchase_order as po', 'po.id', 'l.order_id')
          .select([
            'l.subscription_id',
            'l.rsd',
            'po.id as order_id',
            'po.web_order_id',
            'po.partner_id',
            'po.distributor_id',
          ])
          .where('l.subscription_id', 'in', subscriptionIds)
          .where(({ exists, selectFrom }) =>
            exists(selectFrom('webhook_endpoint').select('id').where('deleted_at', 'is', null)),
          ),
    )
    .selectFrom('lines')
    .innerJoin('webhook_endpoint as e', (join) =>
      join
        .on('e.deleted_at', 'is', null)
        .on((eb) =>
          eb.or([
            eb('e.organization_id', '=', eb.ref('lines.partner_id')),
            eb('e.organization_id', '=', eb.ref('lines.distributor_id')),
          ]),
        ),
    )
    .select([
      'lines.subscription_id',
      'lines.rsd',
      'lines.order_id',
      'lines.web_order_id',
      'e.id',
      'e.events',
    ])
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
}

/**
 * A live endpoint of this organization; undefined for any other (no cross-tenant reads). `lock`
 * holds its row to the end of the transaction (a rotation reads the secret it replaces).
 */
export async function findLiveEndpoint(
  db: Db,
  organizationId: string,
  endpointId: string,
  opts: { lock?: boolean } = {},
): Promise<WebhookEndpointRow | undefined> {
  const query = db
    .selectFrom('webhook_endpoint')
    .selectAll()
    .where('id', '=', endpointId)
    .where('organization_id', '=', organizationId)
    .where('deleted_at', 'is', null);
  return (opts.lock ? query.forUpdate() : query).executeTakeFirst();
}

/** Any endpoint by id, deleted or not (the dispatcher checks it before each attempt). */
export async function findEndpoint(db: Db, endpointId: string): Promise<WebhookEndpointRow | undefined> {
  return db.selectFrom('webhook_endpoint').selectAll().where('id', '=', endpointId).executeTakeFirst();
}

/** Deletes an endpoint (kept for its log) and withdraws its deliveries still waiting. */
export async function deleteEndpoint(db: Db, endpointId: string, now: Date): Promise<void> {
  await db.updateTable('webhook_endpoint').set({ deleted_at: now }).where('id', '=', endpointId).execute();
  await db
    .updateTable('outbox')
    .set({ status: 'superseded', done_at: now, last_error: 'endpoint deleted' })
    .where('webhook_endpoint_id', '=', endpointId)
    .where('status', '=', 'pending')
    .execute();
}

export async function recordAttempt(
  db: Db,
  attempt: {
    outboxId: number;
    attempt: number;
    at: Date;
    responseStatus: number | null;
    error: string | null;
  },
): Promise<void> {
  await db
    .insertInto('webhook_attempt')
    .values({
      outbox_id: attempt.outboxId,
      attempt: attempt.attempt,
      at: attempt.at,
      response_status: attempt.responseStatus,
      error: attempt.error,
    })
    .execute();
}

export interface DeliveryRow {
  id: number;
  message_key: string;
  payload: unknown;
  status: 'pending' | 'done' | 'failed' | 'superseded';
  attempts: number;
  available_at: Date;
  last_error: string | null;
  created_at: Date;
  done_at: Date | null;
}

/** The newest deliveries of an endpoint, with every attempt, oldest attempt first. */
export async function deliveriesOf(
  db: Db,
  endpointId: string,
  limit: number,
): Promise<
  (DeliveryRow & {
    attemptLog: { attempt: number; at: Date; response_status: number | null; error: string | null }[];
  })[]
> {
  const rows = await db
    .selectFrom('outbox')
    .select([
      'id',
      'message_key',
      'payload',
      'status',
      'attempts',
      'available_at',
      'last_error',
      'created_at',
      'done_at',
    ])
    .where('webhook_endpoint_id', '=', endpointId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const attempts = await db
    .selectFrom('webhook_attempt')
    .select(['outbox_id', 'attempt', 'at', 'response_status', 'error'])
    .where(
      'outbox_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ...r,
    attemptLog: attempts.filter((a) => Number(a.outbox_id) === Number(r.id)),
  }));
}

/** One delivery (outbox row) of an endpoint by its delivery id; undefined when it is not that endpoint's. */
export async function findDelivery(
  db: Db,
  endpointId: string,
  deliveryId: string,
): Promise<{ payload: unknown } | undefined> {
  return db
    .selectFrom('outbox')
    .select(['payload'])
    .where('topic', '=', WEBHOOK_TOPIC)
    .where('webhook_endpoint_id', '=', endpointId)
    .where('message_key', '=', deliveryId)
    .executeTakeFirst();
}

/** Sets the event types an endpoint hears about (null: every type). */
export async function setEndpointEvents(db: Db, endpointId: string, events: string[] | null): Promise<void> {
  await db.updateTable('webhook_endpoint').set({ events }).where('id', '=', endpointId).execute();
}
