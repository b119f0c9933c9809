/** The append-only audit trail; it is also each line's timeline. */
import { type Kysely, sql, type Transaction } from 'kysely';

import type { LineEventOf, LineEventType } from '../domain/line-events.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface AuditActor {
  userId: string | null;
  /** "Name <email>" of a user, or "Onramp" for the system. */
  label: string;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, label: 'Onramp' };
/** An operator at the command line (`onramp admin …`): no user is signed in. */
export const CLI_ACTOR: AuditActor = { userId: null, label: 'Onramp CLI' };

/** What operators and admins do to users, invitations, tokens, offers, organizations and endpoints. */
export type AdminAuditAction =
  | 'api_token.created'
  | 'api_token.revoked'
  | 'api_token.rolled'
  | 'contact.erased'
  | 'invitation.accepted'
  | 'invitation.bounced'
  | 'invitation.created'
  | 'invitation.resent'
  | 'invitation.revoked'
  | 'join_request.approved'
  | 'join_request.declined'
  | 'join_request.expired'
  | 'join_request.requested'
  | 'join_request.withdrawn'
  | 'offer.added'
  | 'offer.changed'
  | 'offer.reinstated'
  | 'offer.retired'
  | 'offer.seeded'
  | 'operator.bootstrapped'
  | 'organization.created'
  | 'organization.deactivated'
  | 'organization.reactivated'
  | 'organization.renamed'
  | 'organization.set_up_by_partner'
  | 'password.reset_requested'
  | 'password.set'
  | 'sso.connection_removed'
  | 'sso.connection_set'
  | 'sso.domain_added'
  | 'sso.domain_removed'
  | 'sso.domain_verified'
  | 'sso.sign_in_refused'
  | 'sso.signed_in'
  | 'sso.user_created'
  | 'user.deactivated'
  | 'user.digest_turned_off'
  | 'user.digest_turned_on'
  | 'user.reactivated'
  | 'user.removed'
  | 'user.role_changed'
  | 'webhook_endpoint.created'
  | 'webhook_endpoint.deleted'
  | 'webhook_endpoint.events_chosen'
  | 'webhook_endpoint.secret_rotated';

/** Every action the audit trail knows: the line events (typed data) and the admin actions. */
export type AuditAction = LineEventType | AdminAuditAction;

interface AuditScope {
  orderId?: string | null;
  subscriptionId?: string | null;
  /** Operator and admin actions (users, invitations, tokens, offers): the organization concerned. */
  organizationId?: string | null;
}

/** A line event's row: its data is the event's (write them through `recordLineEvents`). */
type LineEventEntry = {
  [T in LineEventType]: AuditScope & { action: T; data: LineEventOf<T>['data'] };
}[LineEventType];

export type AuditEntry =
  LineEventEntry | (AuditScope & { action: AdminAuditAction; data?: Record<string, unknown> });

/**
 * Appends the entries in order, in one statement whose rows travel as one JSON parameter: a
 * multi-row VALUES of eight parameters per row made the database parse and plan thousands of
 * parameters when the worker recorded a batch of sent e-mails (docs/benchmarks.md, ninth round).
 */
export async function appendAudit(db: Db, at: Date, actor: AuditActor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e, ord) => ({
    ord,
    action: e.action,
    order_id: e.orderId ?? null,
    subscription_id: e.subscriptionId ?? null,
    organization_id: e.organizationId ?? null,
    data: e.data ?? {},
  }));
  await sql`
    insert into audit_event (at, actor_user_id, actor_label, action, order_id, subscription_id,
      organization_id, data)
    select ${at}, ${actor.userId}, ${actor.label}, action, order_id, subscription_id, organization_id, data
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r (ord integer, action text,
      order_id text, subscription_id text, organization_id text, data jsonb)
    order by ord`.execute(db);
}

export interface TimelineEvent {
  at: Date;
  action: string;
  actor: string;
  data: Record<string, unknown>;
}

/** A line's timeline: its own events and its order's (placed, mapped), oldest first. */
export async function timelineOf(db: Db, subscriptionId: string, orderId: string): Promise<TimelineEvent[]> {
  const rows = await db
    .selectFrom('audit_event')
    .select(['at', 'action', 'actor_label', 'data'])
    .where((eb) =>
      eb.or([
        eb('subscription_id', '=', subscriptionId),
        eb.and([eb('order_id', '=', orderId), eb('subscription_id', 'is', null)]),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    at: r.at,
    action: r.action,
    actor: r.actor_label,
    data: r.data as Record<string, unknown>,
  }));
}
