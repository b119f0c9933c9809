/**
 * One support case as its requester or a support agent sees it. Agents also get each line's full
 * history (sends, delivery statuses, contact changes, PONR) and, per line, why a resend is
 * impossible when it is: the same domain rule the resend itself applies under lock.
 */
import { AppError } from '../../domain/errors.js';
import { transition } from '../../domain/line-state-machine.js';
import { type CaseStatus, type CaseType, showsInline } from '../../domain/support-case.js';
import { replyWindow } from '../../domain/support-case-thread.js';
import { linesOfOrder, toLineState } from '../../store/line-repository.js';
import { findOrder } from '../../store/order-repository.js';
import { eventsOf, screenshotsOf, type SupportCaseEventRow } from '../../store/support-case-repository.js';
import type { AppDeps } from '../deps.js';
import { getSubscription, type SubscriptionDetail } from '../orders/get-subscription.js';
import { pastPonr } from '../orders/lock-order-for-change.js';
import { type CaseViewerInput, findCaseForViewer } from './find-case-for-viewer.js';

export interface SupportCaseDetail {
  caseId: string;
  role: 'agent' | 'requester';
  type: CaseType;
  status: CaseStatus;
  webOrderId: string;
  endCustomerName: string;
  subscriptionId: string | null;
  description: string;
  requester: { name: string; email: string; hasAccount: boolean };
  createdAt: string;
  updatedAt: string;
  /** When it was resolved or closed; null while open. */
  closedAt: string | null;
  /**
   * Whether the requester may reply: `open`, `reopenable` (closed, a reply reopens it until
   * `until`), or `over` (closed for good: they open a new case).
   */
  replyWindow: { kind: 'open' | 'reopenable' | 'over'; until: string | null };
  /** `inline`: small and measured, shown in the page; otherwise offered as a download only. */
  screenshots: { id: string; filename: string; contentType: string; sizeBytes: number; inline: boolean }[];
  events: {
    at: string;
    actor: string;
    kind: SupportCaseEventRow['kind'];
    body: string | null;
    data: Record<string, unknown>;
  }[];
  /** Agents only: the lines concerned (the case's line, or every line of the order). */
  lines: (SubscriptionDetail & { resendRefusal: AppError | null })[];
}

function windowOf(
  row: { status: CaseStatus; closed_at: Date | null; updated_at: Date },
  now: Date,
): SupportCaseDetail['replyWindow'] {
  const w = replyWindow({ status: row.status, closedAt: row.closed_at, updatedAt: row.updated_at }, now);
  return { kind: w.kind, until: w.kind === 'open' ? null : w.until.toISOString() };
}

export async function getSupportCase(
  deps: AppDeps,
  viewer: CaseViewerInput,
  caseId: string,
): Promise<SupportCaseDetail> {
  const { row, role } = await findCaseForViewer(deps, viewer, caseId);
  const order = (await findOrder(deps.db, { id: row.order_id }))!;
  const [screenshots, events] = await Promise.all([
    screenshotsOf(deps.db, row.id),
    eventsOf(deps.db, row.id),
  ]);
  let lines: SupportCaseDetail['lines'] = [];
  if (role === 'agent' && 'actor' in viewer) {
    const now = deps.clock.now();
    const rows = (await linesOfOrder(deps.db, order.id)).filter(
      (l) => row.subscription_id === null || l.subscription_id === row.subscription_id,
    );
    lines = await Promise.all(
      rows.map(async (l) => {
        const detail = await getSubscription(deps, viewer.actor, l.subscription_id);
        let resendRefusal: AppError | null = null;
        try {
          transition(toLineState(l, order.mapped_at), { type: 'resend' }, now, deps.settings.policy);
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          resendRefusal = e.code === 'PAST_PONR' ? pastPonr(deps, order) : e;
        }
        return { ...detail, resendRefusal };
      }),
    );
  }
  return {
    caseId: row.id,
    role,
    type: row.type,
    status: row.status,
    webOrderId: order.web_order_id,
    endCustomerName: order.end_customer_name,
    subscriptionId: row.subscription_id,
    description: row.description,
    requester: {
      name: row.requester_name,
      email: row.requester_email,
      hasAccount: row.requester_user_id !== null,
    },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    replyWindow: windowOf(row, deps.clock.now()),
    screenshots: screenshots.map((s) => ({
      id: s.id,
      filename: s.filename,
      contentType: s.content_type,
      sizeBytes: s.size_bytes,
      inline: showsInline({ contentType: s.content_type, width: s.width, height: s.height }),
    })),
    events: events.map((e) => ({
      at: e.at.toISOString(),
      actor: e.actor_label,
      kind: e.kind,
      body: e.body,
      data: e.data as Record<string, unknown>,
    })),
    lines,
  };
}
