/**
 * What tells a partner a line needs them: how long until it closes, and an e-mail that did not
 * arrive (a badge in lists, a banner on the order, a warning before a resend to the same address).
 */
import type { UndeliveredEmail } from '../../app/orders/describe-order-row.js';
import type { PageContext } from '../layout.js';

const DAY_MS = 86_400_000;

/** "closes in 3 days": whole days left, rounded up, so a line closing tonight says 1, never 0. */
export function ClosesIn(props: { ctx: PageContext; closesAt: string; now: Date }) {
  const left = Date.parse(props.closesAt) - props.now.getTime();
  const { t } = props.ctx;
  return (
    <strong class="closes-in">
      {left <= 0
        ? t('workspace:attention.closesNow')
        : t('workspace:attention.closesIn', { count: Math.ceil(left / DAY_MS) })}
    </strong>
  );
}

export function DeliveryProblemBadge(props: { ctx: PageContext }) {
  return <span class="badge delivery-problem">{props.ctx.t('workspace:attention.badge')}</span>;
}

const contactPath = (subscriptionId: string, back: string) =>
  `/subscriptions/${subscriptionId}/contact?back=${encodeURIComponent(back)}`;

/** "The e-mail to X bounced" / "…could not be delivered". */
const undeliveredText = (ctx: PageContext, e: UndeliveredEmail) =>
  ctx.t(e.status === 'bounced' ? 'workspace:attention.bounced' : 'workspace:attention.failed', {
    email: e.to,
  });

/**
 * One banner per address whose newest e-mail did not arrive, naming its lines and linking to the
 * first one's Edit contact page (which can apply the new contact to all the order's lines).
 */
export function DeliveryProblemBanner(props: {
  ctx: PageContext;
  lines: { subscriptionId: string; undeliveredEmail: UndeliveredEmail | null; canChangeContact: boolean }[];
  back: string;
}) {
  const { ctx } = props;
  const byAddress = new Map<string, { email: UndeliveredEmail; ids: string[] }>();
  for (const line of props.lines) {
    if (!line.undeliveredEmail || !line.canChangeContact) continue;
    const key = `${line.undeliveredEmail.status} ${line.undeliveredEmail.to}`;
    const group = byAddress.get(key) ?? { email: line.undeliveredEmail, ids: [] };
    group.ids.push(line.subscriptionId);
    byAddress.set(key, group);
  }
  if (byAddress.size === 0) return null;
  return (
    <div class="notice warn delivery-problems" role="status">
      {[...byAddress.values()].map(({ email, ids }) => (
        <p>
          <strong>{undeliveredText(ctx, email)}</strong> —{' '}
          <a href={contactPath(ids[0]!, props.back)}>{ctx.t('workspace:attention.changeContact')}</a>
          <span class="muted small"> ({ctx.t('workspace:attention.lines', { ids: ids.join(', ') })})</span>
        </p>
      ))}
    </div>
  );
}

/** Before a resend to an address that bounced: say so, and offer Edit contact instead. */
export function UndeliveredWarning(props: {
  ctx: PageContext;
  subscriptionId: string;
  undeliveredEmail: UndeliveredEmail | null | undefined;
  back: string;
}) {
  const { ctx, undeliveredEmail } = props;
  if (!undeliveredEmail) return null;
  return (
    <div class="notice warn">
      <p>
        <strong>{undeliveredText(ctx, undeliveredEmail)}.</strong>{' '}
        {ctx.t('workspace:attention.resendWarning')}
      </p>
      <p>
        <a class="button secondary" href={contactPath(props.subscriptionId, props.back)}>
          {ctx.t('workspace:attention.editContact')}
        </a>
      </p>
    </div>
  );
}
