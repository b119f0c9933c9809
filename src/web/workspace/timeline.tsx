/**
 * A line's history in human words: the audit trail (`getSubscription().timeline`) with each
 * provisioning e-mail's current delivery status, and the table of sends.
 */
import type { SubscriptionDetail } from '../../app/get-subscription.js';
import type { PageContext } from '../layout.js';
import type { Language } from '../../domain/types.js';
import { formatDate, formatDateTime } from './workspace-support.js';

type Event = SubscriptionDetail['timeline'][number];
type Send = SubscriptionDetail['sends'][number];

const TROUBLE = /failed|bounced|delayed/;
const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function contactText(v: unknown): string {
  const c = (v ?? {}) as { name?: unknown; email?: unknown };
  return `${text(c.name)} <${text(c.email)}>`;
}

/** Translation key and values of one audit event. */
function describe(e: Event, language: Language): { key: string; vars: Record<string, string> } {
  const d = e.data;
  const to = text(d['to']);
  switch (e.action) {
    case 'order.placed':
      return { key: 'orderPlaced', vars: {} };
    case 'line.created':
      return {
        key: 'lineCreated',
        vars: {
          quantity: text(d['quantity']),
          offerCode: text(d['offerCode']),
          rsd: d['rsd'] ? formatDate(text(d['rsd']), language) : '',
        },
      };
    case 'provisioning_email.queued':
      return { key: `queued.${text(d['reason']) || 'resend'}`, vars: { to } };
    case 'provisioning_contact.changed':
      return {
        key: d['applyToAllLines'] ? 'contactChangedAll' : 'contactChanged',
        vars: { from: contactText(d['from']), to: contactText(d['to']) },
      };
    case 'line.closed':
      return { key: 'lineClosed', vars: {} };
    case 'line.cancelled':
      return { key: 'lineCancelled', vars: {} };
    case 'order.mapped':
      return { key: 'orderMapped', vars: {} };
    case 'line.provisioned':
      return { key: 'lineProvisioned', vars: {} };
    default:
      if (e.action.startsWith('provisioning_email.'))
        return { key: `delivery.${e.action.slice('provisioning_email.'.length)}`, vars: { to } };
      return { key: 'unknown', vars: { action: e.action } };
  }
}

export function SendStatus(props: { ctx: PageContext; status: string }) {
  return (
    <span class={`badge send-${props.status}`}>
      {props.ctx.t(`workspace:sendStatus.${props.status}`, { defaultValue: props.status })}
    </span>
  );
}

export function Timeline(props: { ctx: PageContext; detail: SubscriptionDetail }) {
  const { ctx, detail } = props;
  const sends = new Map(detail.sends.map((s) => [s.sendId, s]));
  return (
    <ol class="timeline">
      {detail.timeline.map((e) => {
        const { key, vars } = describe(e, ctx.language);
        const send = e.action === 'provisioning_email.queued' ? sends.get(text(e.data['sendId'])) : undefined;
        // The mail server's words matter when something went wrong, not on success.
        const detailText = TROUBLE.test(e.action) ? text(e.data['detail']) : '';
        return (
          <li>
            <time datetime={e.at} class="muted small">
              {formatDateTime(e.at, ctx.language)}
            </time>
            <div>
              {ctx.t(`workspace:timeline.${key}`, { ...vars, defaultValue: e.action })}{' '}
              {send && <SendStatus ctx={ctx} status={send.status} />}
            </div>
            <div class="muted small">
              {ctx.t('workspace:timeline.by', { actor: e.actor })}
              {detailText && ` · ${detailText}`}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** Every provisioning e-mail of the line: when, why, who asked, to whom, delivery status. */
export function SendsTable(props: { ctx: PageContext; sends: Send[] }) {
  const { t, language } = props.ctx;
  if (props.sends.length === 0) return <p class="muted">{t('workspace:sends.none')}</p>;
  const col = (key: string) => t(`workspace:sends.${key}`);
  return (
    <div class="table-wrap">
      <table class="data stack">
        <thead>
          <tr>
            <th scope="col">{col('when')}</th>
            <th scope="col">{col('why')}</th>
            <th scope="col">{col('requestedBy')}</th>
            <th scope="col">{col('to')}</th>
            <th scope="col">{col('status')}</th>
          </tr>
        </thead>
        <tbody>
          {[...props.sends].reverse().map((s) => (
            <tr>
              <td data-label={col('when')}>
                <time datetime={s.createdAt}>{formatDateTime(s.createdAt, language)}</time>
              </td>
              <td data-label={col('why')}>
                {t(`workspace:sendReason.${s.reason}`, { defaultValue: s.reason })}
              </td>
              <td data-label={col('requestedBy')}>{s.requestedBy}</td>
              <td data-label={col('to')}>{s.to}</td>
              <td data-label={col('status')}>
                <SendStatus ctx={props.ctx} status={s.status} />
                {s.statusDetail && TROUBLE.test(s.status) && <div class="muted small">{s.statusDetail}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The latest send of a line, one line of text for tables. */
export function LastSend(props: { ctx: PageContext; sends: Send[] }) {
  const last = props.sends[props.sends.length - 1];
  if (!last) return null;
  return (
    <div class="muted small last-send">
      {props.ctx.t('workspace:sends.last', { at: formatDateTime(last.createdAt, props.ctx.language) })}{' '}
      <SendStatus ctx={props.ctx} status={last.status} />
    </div>
  );
}
