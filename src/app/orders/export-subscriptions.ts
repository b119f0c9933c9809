/**
 * Subscription lines as CSV rows, for `onramp export subscriptions` (an operator's command: it
 * sees every line). Read in keyset pages so a large table never sits in memory at once. Every
 * text cell is neutralized: names and addresses come from partners and must not run as formulas.
 */
import { stringify } from 'csv-stringify/sync';

import { neutralizeCell } from '../../domain/spreadsheet-cell.js';
import type { LineStatus } from '../../domain/types.js';
import { exportSubscriptionRows } from '../../store/subscription-list-repository.js';
import type { AppDeps } from '../deps.js';

export const EXPORT_COLUMNS = [
  'subscriptionId',
  'webOrderId',
  'endCustomerName',
  'partnerId',
  'offerCode',
  'quantity',
  'rsd',
  'status',
  'pendingProvisioning',
  'contactName',
  'contactEmail',
  'contactLanguage',
] as const;

export interface ExportFilter {
  statuses: LineStatus[];
  /** Only lines flagged "provisioning still pending". */
  pendingOnly: boolean;
}

/** Yields CSV text: the header, then one chunk per page of lines. */
export async function* exportSubscriptions(
  deps: Pick<AppDeps, 'db'>,
  filter: ExportFilter,
  pageSize = 1000,
): AsyncGenerator<string> {
  yield stringify([EXPORT_COLUMNS as unknown as string[]]);
  let after: string | null = null;
  for (;;) {
    const rows = await exportSubscriptionRows(deps.db, {
      ...filter,
      afterSubscriptionId: after,
      limit: pageSize,
    });
    if (rows.length === 0) return;
    yield stringify(
      rows.map((r) =>
        [
          r.subscription_id,
          r.web_order_id,
          r.end_customer_name,
          r.partner_id,
          r.offer_code,
          r.quantity,
          String(r.rsd),
          r.status,
          String(r.pending_provisioning),
          r.contact_name,
          r.contact_email,
          r.contact_language,
        ].map((cell) => (typeof cell === 'string' ? neutralizeCell(cell) : cell)),
      ),
    );
    after = rows.at(-1)!.subscription_id;
    if (rows.length < pageSize) return;
  }
}
