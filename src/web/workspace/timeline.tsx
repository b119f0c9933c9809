/**
 * A line's history in human words: the audit trail (`getSubscription().timeline`) with each
 * provisioning e-mail's current delivery status, and the table of sends.
 */
import type { SubscriptionDetail } from '../../app/orders/get-subscription.js';
import {
  type LineEvent,
  type LineEventOf,
  type LineEventType,
  parseLineEvent,
} from '../../domain/line-events.js';
import type { Language } from '../../domain/types.js';
import type { workspaceEn } from '../../i18n/locales/en/workspace.js';
import type { PageContext } from '../layout.js';
import { SendStatus } from './send-status.js';
import { formatDate, formatDateTime } from './workspace-support.js';

type Send = SubscriptionDetail['sends'][number];

const TROUBLE = /failed|bounced|delayed/;

/** Every message of the timeline catalogue as a dotted key: a missing message fails the typecheck. */
type KeysOf<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${KeysOf<T[K]>}` }[keyof T &
  string];
type TimelineKey = KeysOf<typeof workspaceEn.timeline>;

/** One event in words: its message and values, the send it queued, the mail server's words. */
interface Described {
  key: TimelineKey;
  vars?: Record<string, string>;
  /** A queued e-mail: its send's current delivery status is shown beside it. */
  sendId?: string;
  /** Shown only when something went wrong, not on success. */
  detail?: string | null;
}

const person = (c: { name: string; email: string }) => `${c.name} <${c.email}>`;

function contactChange({ data }: LineEventOf<'provisioning_contact.changed'>): Described {
  const vars = { from: person(data.from), to: person(data.to) };
  switch (data.via) {
    case 'delegation':
      return { key: 'contactDelegated', vars };
    case 'support':
      return { key: 'contactChangedBySupport', vars };
    case 'partner':
      return { key: data.applyToAllLines ? 'contactChangedAll' : 'contactChanged', vars };
  }
}

/**
 * How each line event reads. Exhaustive: a new event type does not compile until it is rendered
 * here (and its message exists in the catalogue).
 */
const DESCRIBE = {
  'order.placed': () => ({ key: 'orderPlaced' }),
  'line.created': ({ data }, language) => ({
    key: 'lineCreated',
    vars: { quantity: String(data.quantity), offerCode: data.offerCode, rsd: formatDate(data.rsd, language) },
  }),
  'provisioning_email.queued': ({ data }) => ({
    key: `queued.${data.reason}`,
    vars: { to: data.to },
    sendId: data.sendId,
  }),
  'provisioning_email.waiting': ({ data }, language) => ({
    key: 'delivery.waiting',
    vars: { to: data.to, limit: String(data.limit), until: formatDateTime(data.until, language) },
  }),
  'provisioning_email.sent': ({ data }) => ({ key: 'delivery.sent', vars: { to: data.to } }),
  'provisioning_email.delivered': ({ data }) => ({ key: 'delivery.delivered', vars: { to: data.to } }),
  'provisioning_email.failed': ({ data }) => ({
    key: 'delivery.failed',
    vars: { to: data.to },
    detail: data.detail,
  }),
  'provisioning_email.bounced': ({ data }) => ({
    key: 'delivery.bounced',
    vars: { to: data.to },
    detail: data.detail,
  }),
  'provisioning_email.withdrawn': ({ data }) => ({ key: 'delivery.withdrawn', vars: { to: data.to } }),
  'provisioning_contact.changed': contactChange,
  'line.closed': () => ({ key: 'lineClosed' }),
  'line.cancelled': ({ data }) =>
    data.reason ? { key: 'lineCancelledBecause', vars: { reason: data.reason } } : { key: 'lineCancelled' },
  'order.mapped': ({ data }) =>
    data.setUpBy
      ? { key: 'orderMappedByPartner', vars: { partner: data.setUpBy.organization, user: data.setUpBy.user } }
      : { key: 'orderMapped' },
  'line.provisioned': () => ({ key: 'lineProvisioned' }),
} satisfies { [T in LineEventType]: (event: LineEventOf<T>, language: Language) => Described };

/** An audit row in words; a row we cannot read (an older shape) gets a plain sentence, never its raw action. */
export function describeEvent(action: string, data: unknown, language: Language): Described {
  const event: LineEvent | null = parseLineEvent(action, data);
  if (!event) return { key: 'unknown' };
  // Each entry takes its own event type; TypeScript cannot correlate the lookup itself.
  const describe = DESCRIBE[event.type] as (event: LineEvent, language: Language) => Described;
  return describe(event, language);
}

export function Timeline(props: { ctx: PageContext; detail: SubscriptionDetail }) {
  const { ctx, detail } = props;
  const sends = new Map(detail.sends.map((s) => [s.sendId, s]));
  return (
    <ol class="timeline">
      {detail.timeline.map((e) => {
        const event = describeEvent(e.action, e.data, ctx.language);
        const send = event.sendId ? sends.get(event.sendId) : undefined;
        return (
          <li>
            <time datetime={e.at} class="muted small">
              {formatDateTime(e.at, ctx.language)}
            </time>
            <div>
              {ctx.t(`workspace:timeline.${event.key}`, event.vars)}{' '}
              {send && <SendStatus ctx={ctx} status={send.status} />}
            </div>
            <div class="muted small">
              {ctx.t('workspace:timeline.by', { actor: e.actor })}
              {event.detail && ` · ${event.detail}`}
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
