/**
 * What a subscription line shows and offers wherever it appears (order page, Subscriptions page,
 * line page): status badges, the provisioning contact with Resend and Edit, and the dialogs.
 *
 * Resend is a link to a confirmation page; with JavaScript it opens the "Resend Confirmation"
 * dialog instead, whose Yes posts the same form. After the PONR, Resend and Edit stay visible
 * and explain why they cannot act (dialog, or an explanation page without JavaScript).
 */
import type { UndeliveredEmail } from '../../app/orders/describe-order-row.js';
import { allowedActions } from '../../domain/line-state-machine.js';
import type { LineStatus } from '../../domain/types.js';
import { CsrfField, type PageContext } from '../layout.js';
import { UndeliveredWarning } from './line-attention.js';
import { formatDate } from './workspace-support.js';

/** The line facts these components need, from getOrder, getSubscription or listSubscriptions. */
export interface LineView {
  subscriptionId: string;
  status: LineStatus;
  pendingProvisioning: boolean;
  rsd: string;
  provisioningContact: { name: string; email: string; language: string };
  canResend: boolean;
  canChangeContact: boolean;
  /** The newest e-mail that bounced or failed, if so: a resend would go to the same address. */
  undeliveredEmail?: UndeliveredEmail | null;
  /** Which PONR dialog explains this line: a list page has one per customer organization. */
  ponrDialog?: string | undefined;
}

/** What a list row, which knows only its status and whether the order is mapped, offers. */
export function lineViewOf<T extends Omit<LineView, 'canResend' | 'canChangeContact'> & { mapped: boolean }>(
  row: T,
): T & LineView {
  const allowed = allowedActions(row);
  return {
    ...row,
    canResend: allowed.includes('resend'),
    canChangeContact: allowed.includes('change_contact'),
  };
}

export const PONR_DIALOG = 'ponr-dialog';
const resendDialogId = (subscriptionId: string) => `resend-${subscriptionId}`;
const q = (back: string) => `?back=${encodeURIComponent(back)}`;

/** Past the point of no return: the order is mapped (cancelled lines are simply over). */
export const isPastPonr = (line: LineView) => line.status !== 'cancelled' && !line.canChangeContact;

export function StatusBadges(props: { ctx: PageContext; status: string; pendingProvisioning: boolean }) {
  const { t } = props.ctx;
  return (
    <span class="badges">
      <span class={`badge ${props.status}`}>{t(`status.${props.status}`)}</span>
      {props.pendingProvisioning && <span class="badge pending">{t('status.pending')}</span>}
    </span>
  );
}

/** Yes posts the resend; No closes the dialog or, on the confirmation page, goes back. */
export function ResendForm(props: {
  ctx: PageContext;
  subscriptionId: string;
  back: string;
  inDialog: boolean;
}) {
  const { ctx } = props;
  return (
    <form method="post" action={`/subscriptions/${props.subscriptionId}/resend`}>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="back" value={props.back} />
      <div class="actions">
        <button type="submit">{ctx.t('workspace:resend.yes')}</button>
        {props.inDialog ? (
          <button type="button" class="secondary" data-close-dialog>
            {ctx.t('workspace:resend.no')}
          </button>
        ) : (
          <a class="button secondary" href={props.back}>
            {ctx.t('workspace:resend.no')}
          </a>
        )}
      </div>
    </form>
  );
}

export function ResendQuestion(props: { ctx: PageContext; email: string }) {
  const [before, after] = props.ctx.t('workspace:resend.question', { email: '\u0000' }).split('\u0000');
  return (
    <p>
      {before}
      <strong>{props.email}</strong>
      {after}
    </p>
  );
}

function ResendDialog(props: { ctx: PageContext; line: LineView; back: string }) {
  const id = resendDialogId(props.line.subscriptionId);
  return (
    <dialog id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{props.ctx.t('workspace:resend.title')}</h2>
      <UndeliveredWarning
        ctx={props.ctx}
        subscriptionId={props.line.subscriptionId}
        undeliveredEmail={props.line.undeliveredEmail}
        back={props.back}
      />
      <ResendQuestion ctx={props.ctx} email={props.line.provisioningContact.email} />
      <ResendForm ctx={props.ctx} subscriptionId={props.line.subscriptionId} back={props.back} inDialog />
    </dialog>
  );
}

/**
 * Whose order it now is: the customer organization it was mapped to, by name, and that its
 * administrators are reached in the admin portal (their addresses are another tenant's).
 */
export function MappedTo(props: { ctx: PageContext; organization: string | null | undefined }) {
  if (!props.organization) return null;
  return <p>{props.ctx.t('workspace:ponr.mappedTo', { organization: props.organization })}</p>;
}

/** "This order is already onboarded…" with the admin portal link, and to whom it was mapped. */
export function OnboardedText(props: {
  ctx: PageContext;
  adminPortalUrl: string;
  organization?: string | null | undefined;
}) {
  return (
    <>
      <p>
        {props.ctx.t('workspace:ponr.text')} <a href={props.adminPortalUrl}>{props.adminPortalUrl}</a>
      </p>
      <MappedTo ctx={props.ctx} organization={props.organization} />
    </>
  );
}

/** One per page: what Resend and Edit say after the point of no return. */
export function PonrDialog(props: {
  ctx: PageContext;
  adminPortalUrl: string;
  organization?: string | null | undefined;
  id?: string | undefined;
}) {
  const id = props.id ?? PONR_DIALOG;
  return (
    <dialog id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{props.ctx.t('workspace:ponr.title')}</h2>
      <OnboardedText
        ctx={props.ctx}
        adminPortalUrl={props.adminPortalUrl}
        organization={props.organization}
      />
      <div class="actions">
        <button type="button" data-close-dialog>
          {props.ctx.t('workspace:common.close')}
        </button>
      </div>
    </dialog>
  );
}

/** The line's subscription id for screen readers, so "Resend" and "Edit" say which line. */
const Which = (props: { id: string }) => <span class="sr-only"> {props.id}</span>;

/** Resend and Edit for one line; `back` is the page to return to afterwards. */
export function LineActions(props: { ctx: PageContext; line: LineView; back: string }) {
  const { ctx, line, back } = props;
  const { t } = ctx;
  const id = line.subscriptionId;
  if (line.status === 'cancelled') return null;
  if (isPastPonr(line)) {
    const explain = `/subscriptions/${id}/onboarded${q(back)}`;
    return (
      <div class="line-actions">
        <a class="button small secondary" href={explain} data-open-dialog={line.ponrDialog ?? PONR_DIALOG}>
          {t('workspace:line.resend')}
          <Which id={id} />
        </a>
        <a class="button small secondary" href={explain} data-open-dialog={line.ponrDialog ?? PONR_DIALOG}>
          {t('workspace:line.edit')}
          <Which id={id} />
        </a>
      </div>
    );
  }
  return (
    <div class="line-actions">
      {line.canResend ? (
        <>
          <a
            class="button small"
            href={`/subscriptions/${id}/resend${q(back)}`}
            data-open-dialog={resendDialogId(id)}
          >
            {t('workspace:line.resend')}
            <Which id={id} />
          </a>
          <ResendDialog ctx={ctx} line={line} back={back} />
        </>
      ) : (
        <span class="muted small">
          {t('workspace:line.firstEmailOn', { date: formatDate(line.rsd, ctx.language) })}
        </span>
      )}
      <a class="button small secondary" href={`/subscriptions/${id}/contact${q(back)}`}>
        {t('workspace:line.edit')}
        <Which id={id} />
      </a>
    </div>
  );
}

/** The provisioning contact cell: who, their address, then Resend and Edit. */
export function ContactCell(props: { ctx: PageContext; line: LineView; back: string }) {
  const contact = props.line.provisioningContact;
  return (
    <>
      <div>{contact.name}</div>
      <div class="contact-email">{contact.email}</div>
      <LineActions ctx={props.ctx} line={props.line} back={props.back} />
    </>
  );
}

/** A checkbox tying a row to the bulk form of the page (the table itself is not in a form). */
export function SelectLine(props: { ctx: PageContext; subscriptionId: string; form: string }) {
  return (
    <input
      type="checkbox"
      name="line"
      value={props.subscriptionId}
      form={props.form}
      aria-label={props.ctx.t('workspace:bulk.select', { subscriptionId: props.subscriptionId })}
    />
  );
}
