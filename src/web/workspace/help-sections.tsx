/**
 * The sections of the help page, in the order of the support article the product is modelled on
 * (shared/reference). Each has an id for deep links (`/help#send-statuses`) and its title feeds the
 * table of contents.
 */
import type { Child } from 'hono/jsx';

import type { ClosePolicy } from '../../app/orders/describe-close-policy.js';
import type { PageContext } from '../layout.js';

type T = PageContext['t'];

export interface HelpFacts {
  sender: string;
  adminPortalUrl: string;
  emailsPerAddressPerHour: number;
  policy: ClosePolicy;
}

/** A card with a heading carrying the section id. */
export function Section(props: { id: string; title: string; children: Child }) {
  return (
    <section class="card titled help-section" aria-labelledby={props.id}>
      <h2 id={props.id} tabindex={-1}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

/** A list of catalogue entries `workspace:help.<section>.<n>`, n = 1..count. */
export function Steps(props: { t: T; section: string; count: number; vars?: Record<string, unknown> }) {
  return (
    <ul class="steps">
      {Array.from({ length: props.count }, (_, i) => (
        <li>{props.t(`workspace:help.${props.section}.${i + 1}`, props.vars)}</li>
      ))}
    </ul>
  );
}

/** "7 days for Active Flex (A-FLEX) and Active Flex 3-year (A-FLEX-3), 30 days for the other offers". */
export function periodsText(t: T, policy: ClosePolicy): string {
  const list = (items: string[]) =>
    items.length < 2
      ? items.join('')
      : items.slice(0, -1).join(t('workspace:help.closed.separator')) +
        t('workspace:help.closed.and') +
        items.at(-1);
  const parts = policy.exceptions.map((e) =>
    t('workspace:help.closed.period', {
      count: e.days,
      offers: list(e.offers.map((o) => (o.name === o.code ? o.code : `${o.name} (${o.code})`))),
    }),
  );
  parts.push(t('workspace:help.closed.others', { count: policy.otherDays }));
  return parts.join(t('workspace:help.closed.separator'));
}

export function ClosedLines(props: { ctx: PageContext; facts: HelpFacts }) {
  const { t } = props.ctx;
  return (
    <Section id="closed-lines" title={t('workspace:help.closed.title')}>
      <p>{t('workspace:help.closed.policy', { periods: periodsText(t, props.facts.policy) })}</p>
      <p>{t('workspace:help.closed.configurable')}</p>
      <ul class="steps">
        <li>{t('workspace:help.closed.1', { pending: t('status.pending') })}</li>
        <li>
          {t('workspace:help.closed.2.before')}
          <a href="/subscriptions?pendingProvisioning=true">{t('workspace:help.closed.2.link')}</a>
          {t('workspace:help.closed.2.after')}
        </li>
        <li>{t('workspace:help.closed.3')}</li>
      </ul>
    </Section>
  );
}

export function Ponr(props: { ctx: PageContext; facts: HelpFacts }) {
  const { t } = props.ctx;
  const url = props.facts.adminPortalUrl;
  return (
    <Section id="ponr" title={t('workspace:help.ponr.title')}>
      <ul class="steps">
        <li>{t('workspace:help.ponr.1')}</li>
        <li>{t('workspace:help.ponr.2')}</li>
        <li>
          {t('workspace:help.ponr.3')} <a href={url}>{url}</a>
        </li>
      </ul>
    </Section>
  );
}

/** Every send status, in the order an e-mail lives them, the cap's wait and the delivery report included. */
const SEND_STATUSES = [
  'queued',
  'waiting',
  'sent',
  'delivered',
  'failed',
  'bounced',
  'superseded',
  'withdrawn',
] as const;

export function SendStatuses(props: { ctx: PageContext; facts: HelpFacts }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Section id="send-statuses" title={t('workspace:help.sendStatuses.title')}>
      <p>{t('workspace:help.sendStatuses.intro')}</p>
      <dl class="send-statuses">
        {SEND_STATUSES.map((s) => (
          <div id={`send-status-${s}`}>
            <dt>
              {s === 'waiting' || s === 'delivered' ? (
                <span class={`badge send-${s === 'waiting' ? 'queued' : 'sent'}`}>
                  {t(`workspace:help.sendStatuses.${s}Label`)}
                </span>
              ) : (
                // The plain badge: here the explanation is the text beside it, not a link to itself.
                <span class={`badge send-${s}`}>{t(`workspace:sendStatus.${s}`)}</span>
              )}
            </dt>
            <dd>{t(`workspace:help.sendStatuses.${s}`, { limit: props.facts.emailsPerAddressPerHour })}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}
