/**
 * A provisioning e-mail's delivery status in words people can trust: the badge explains itself on
 * hover and on keyboard focus (and to screen readers, in its name) and links to the help page's
 * list of statuses; the notice after an action says "is queued for" until the e-mail is sent,
 * and counts the e-mails when several went out.
 */
import { SEND_STATUSES, type SendStatus as Status } from '../../domain/types.js';
import { INTL_LOCALES } from '../../domain/types.js';
import type { PageContext } from '../layout.js';

export const SEND_STATUSES_HELP = '/help#send-statuses';

const isStatus = (s: string): s is Status => (SEND_STATUSES as readonly string[]).includes(s);

/**
 * The badge: a link to the help page. Its explanation is part of the link's name (for screen
 * readers) and shows under it, in the flow (never clipped by a scrolling table), on hover and
 * keyboard focus; the visible copy is hidden from assistive technology, which has it already.
 */
export function SendStatus(props: { ctx: PageContext; status: string }) {
  const { t } = props.ctx;
  const label = t(`workspace:sendStatus.${props.status}`, { defaultValue: props.status });
  if (!isStatus(props.status)) return <span class={`badge send-${props.status}`}>{label}</span>;
  const explanation = t(`workspace:sends.explain.${props.status}`);
  return (
    <span class="send-status">
      <a class={`badge send-${props.status}`} href={SEND_STATUSES_HELP}>
        {label}
        <span class="visually-hidden">: {explanation}</span>
      </a>
      <span class="tip" aria-hidden="true">
        {explanation}
      </span>
    </span>
  );
}

/** One e-mail as a notice sees it: where it went and how it stands now. */
export interface SentEmail {
  /** Sends that rode on one e-mail share it (`emailId`); each e-mail is counted once. */
  emailId: string;
  to: string;
  status: string;
}

/** How a notice groups statuses: what the reader needs to know happened. */
type Outcome = 'queued' | 'sent' | 'bounced' | 'failed' | 'withdrawn';
const OUTCOME: Record<Status, Outcome> = {
  queued: 'queued',
  sent: 'sent',
  bounced: 'bounced',
  failed: 'failed',
  superseded: 'withdrawn',
  withdrawn: 'withdrawn',
};
const OUTCOMES: Outcome[] = ['queued', 'sent', 'bounced', 'failed', 'withdrawn'];

/** "a, b and c" in the reader's language. */
function listOf(ctx: PageContext, items: string[]): string {
  return new Intl.ListFormat(INTL_LOCALES[ctx.language], { type: 'conjunction' }).format(items);
}

/**
 * One sentence per outcome: "The provisioning e-mail is queued for A." / "The provisioning
 * e-mails were queued for A and B." — never "was sent" while the e-mail still waits.
 */
export function sentSentences(ctx: PageContext, emails: SentEmail[]): string[] {
  const distinct = [...new Map(emails.map((e) => [e.emailId, e])).values()];
  return OUTCOMES.flatMap((outcome) => {
    const these = distinct.filter((e) => isStatus(e.status) && OUTCOME[e.status] === outcome);
    if (these.length === 0) return [];
    const addresses = [...new Set(these.map((e) => e.to))];
    return [
      ctx.t(`workspace:sendNotice.${outcome}`, { count: these.length, emails: listOf(ctx, addresses) }),
    ];
  });
}

export function SentNotice(props: { ctx: PageContext; emails: SentEmail[] }) {
  return (
    <>
      {sentSentences(props.ctx, props.emails).map((s) => (
        <p>{s}</p>
      ))}
    </>
  );
}
