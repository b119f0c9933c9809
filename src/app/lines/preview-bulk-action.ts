/**
 * What a bulk action would do to each selected line, before anyone presses Yes: which lines the
 * use case will refuse and why (the domain's own refusal, the access rule), and which will go.
 * Read without locks, like every fast check: the binding one happens line by line under the order
 * lock when acting, so a line that changed meanwhile is still refused then.
 */
import { assertCanAct } from '../../domain/access.js';
import { AppError } from '../../domain/errors.js';
import { actionRefusal, type LineAction } from '../../domain/line-state-machine.js';
import type { Actor, LineStatus } from '../../domain/types.js';
import { findLine } from '../../store/line-repository.js';
import { findOrder, findPlacer } from '../../store/order-repository.js';
import type { AppDeps } from '../deps.js';
import { accessFactsOf } from '../orders/describe-order-row.js';
import { pastPonr } from '../orders/lock-order-for-change.js';
import { bulkLines } from './bulk-line-results.js';

/** A selected line as the actor may see it; its facts are null when they may not see the order. */
export interface PreviewedLine {
  subscriptionId: string;
  line: {
    orderId: string;
    webOrderId: string;
    status: LineStatus;
    pendingProvisioning: boolean;
    contactEmail: string;
  } | null;
  /** Why the action will be refused on this line; null when it will go. */
  refusal: AppError | null;
}

export interface BulkPreview {
  /** The lines that will be refused, in the order selected. */
  refused: PreviewedLine[];
  /** The lines the action will go to, in the order selected. */
  going: PreviewedLine[];
}

async function previewLine(
  deps: AppDeps,
  actor: Actor,
  subscriptionId: string,
  action: LineAction,
): Promise<PreviewedLine> {
  const row = await findLine(deps.db, subscriptionId);
  const order = row && (await findOrder(deps.db, { id: row.order_id }));
  // A line of another organization answers like a missing one: nothing about it is shown.
  if (!row || !order)
    return { subscriptionId, line: null, refusal: new AppError('NOT_FOUND', { subscriptionId }) };
  try {
    assertCanAct(actor, accessFactsOf(order), await findPlacer(deps.db, order.placed_by_user_id), {
      subscriptionId,
    });
  } catch (e) {
    if (e instanceof AppError) return { subscriptionId, line: null, refusal: e };
    throw e;
  }
  const mapped = order.mapped_at !== null;
  const refusal = actionRefusal({ status: row.status, mapped, rsdAt: row.rsd_at }, action);
  return {
    subscriptionId,
    line: {
      orderId: order.id,
      webOrderId: order.web_order_id,
      status: row.status,
      pendingProvisioning: row.pending_provisioning,
      contactEmail: row.contact_email,
    },
    refusal:
      refusal?.code === 'PAST_PONR'
        ? pastPonr(deps, order, action === 'cancel' ? 'cancel' : undefined)
        : refusal,
  };
}

export async function previewBulkAction(
  deps: AppDeps,
  actor: Actor,
  input: { subscriptionIds: string[]; action: 'resend' | 'change_contact' },
): Promise<BulkPreview> {
  const lines = await Promise.all(
    bulkLines(input.subscriptionIds).map((id) => previewLine(deps, actor, id, input.action)),
  );
  return { refused: lines.filter((l) => l.refusal), going: lines.filter((l) => !l.refusal) };
}
