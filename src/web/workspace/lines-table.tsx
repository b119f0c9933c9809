/**
 * The pieces the order page and the Subscriptions page share in their tables of lines: the head
 * (a select column, then the page's columns) and the cells every line row starts and ends with.
 */
import type { Child } from 'hono/jsx';

import { formatDeadline } from '../../i18n/format-deadline.js';
import type { PageContext } from '../layout.js';
import { SelectLine, StatusBadges } from './line-actions.js';
import { ClosesIn, DeliveryProblemBadge } from './line-attention.js';
import { formatDate, lineAnchor } from './workspace-support.js';

/** The translated column name, also each cell's data-label for the stacked (mobile) layout. */
export const lineColumn = (ctx: PageContext, key: string) => ctx.t(`workspace:lines.col.${key}`);

export function LinesTable(props: {
  ctx: PageContext;
  labelledBy: string;
  columns: readonly string[];
  children: Child;
}) {
  const { ctx } = props;
  return (
    <div class="table-wrap">
      <table class="data stack lines" aria-labelledby={props.labelledBy}>
        <thead>
          <tr>
            <th scope="col">
              <span class="sr-only">{lineColumn(ctx, 'select')}</span>
            </th>
            {props.columns.map((key) => (
              <th scope="col">{lineColumn(ctx, key)}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

interface RowLine {
  subscriptionId: string;
  status: string;
  rsd: string;
  pendingProvisioning: boolean;
  /** When it closes if not set up (ISO); the same instant its provisioning e-mail gives. */
  closesAt: string | null;
  /** Its newest provisioning e-mail bounced or failed. */
  deliveryProblem: boolean;
}

/** The row of one line: select and subscription cells, the page's own cells, RSD and status, then the rest. */
export function LineRow(props: {
  ctx: PageContext;
  line: RowLine;
  /** The page's instant, for "closes in N days". */
  now: Date;
  form: string;
  middle: Child;
  children: Child;
}) {
  const { ctx, line } = props;
  return (
    <tr id={lineAnchor(line.subscriptionId)}>
      <td class="select">
        {line.status !== 'cancelled' && (
          <SelectLine ctx={ctx} subscriptionId={line.subscriptionId} form={props.form} />
        )}
      </td>
      <td data-label={lineColumn(ctx, 'subscription')}>
        <a href={`/subscriptions/${line.subscriptionId}`}>{line.subscriptionId}</a>
      </td>
      {props.middle}
      <td data-label={lineColumn(ctx, 'rsd')}>
        <time datetime={line.rsd}>{formatDate(line.rsd, ctx.language)}</time>
      </td>
      <td data-label={lineColumn(ctx, 'status')}>
        <StatusBadges ctx={ctx} status={line.status} pendingProvisioning={line.pendingProvisioning} />
        {line.deliveryProblem && <DeliveryProblemBadge ctx={ctx} />}
        {line.closesAt && (
          <div class="muted small">
            {ctx.t('workspace:lines.closesAt', { at: formatDeadline(ctx.language, line.closesAt) })}{' '}
            <ClosesIn ctx={ctx} closesAt={line.closesAt} now={props.now} />
          </div>
        )}
      </td>
      {props.children}
    </tr>
  );
}
