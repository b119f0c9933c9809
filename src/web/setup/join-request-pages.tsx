/**
 * The pages of a join request: the contact's wait for the organization's answer (their setup link
 * lands there), and the administrator's page behind the e-mail's Approve / Decline links, which
 * only shows the request: deciding is its POST button, so a mail scanner following links decides
 * nothing.
 */
import type { JoinDecision } from '../../app/setup/decide-join-request.js';
import type { JoinRequestView } from '../../app/setup/open-join-request-link.js';
import type { SetupView } from '../../app/setup/open-setup-link.js';
import { formatDeadline } from '../../i18n/format-deadline.js';
import { ConfirmDialog } from '../confirm-dialog.js';
import { CsrfField, type PageContext } from '../layout.js';
import { LinesTable, SetupPage } from './setup-components.js';
import { stepUrl } from './setup-wizard-state.js';

export function WaitingPage(props: { ctx: PageContext; view: SetupView; token: string }) {
  const { ctx, view, token } = props;
  const request = view.joinRequest!;
  return (
    <SetupPage ctx={ctx} heading={ctx.t('setup:waiting.heading')}>
      <div class="notice warn" role="status" id="join-request-waiting">
        <p>
          {ctx.t('setup:waiting.text', {
            requestedAt: formatDeadline(ctx.language, request.requestedAt),
            organization: request.organizationName,
            webOrderId: view.order.webOrderId,
          })}
        </p>
        <p>
          {ctx.t('setup:waiting.expires', { expiresAt: formatDeadline(ctx.language, request.expiresAt) })}
        </p>
      </div>
      <LinesTable ctx={ctx} webOrderId={view.order.webOrderId} lines={view.lines} />
      <p>{ctx.t('setup:waiting.change')}</p>
      <p>
        <a class="button secondary" href={stepUrl(token, 'organization')}>
          {ctx.t('setup:waiting.changeLink')}
        </a>
      </p>
    </SetupPage>
  );
}

function DecisionForm(props: {
  ctx: PageContext;
  token: string;
  decision: JoinDecision;
  view: JoinRequestView;
}) {
  const { ctx, token, decision, view } = props;
  const names = { contactName: view.contact.name, organization: view.organizationName };
  return (
    <section class="card" aria-labelledby={`${decision}-heading`} id={`join-${decision}`}>
      <h2 id={`${decision}-heading`}>{ctx.t(`setup:join.${decision}Heading`)}</h2>
      <p>{ctx.t(decision === 'approve' ? 'setup:join.consequence' : 'setup:join.declineHelp', names)}</p>
      <form
        method="post"
        action={`/join/${token}/${decision}`}
        data-confirm={decision === 'approve' ? 'confirm-approve' : undefined}
      >
        <CsrfField ctx={ctx} />
        <div class="actions">
          <button type="submit" class={decision === 'decline' ? 'danger' : undefined}>
            {ctx.t(`setup:join.${decision}`)}
          </button>
        </div>
      </form>
    </section>
  );
}

export function JoinRequestPage(props: {
  ctx: PageContext;
  token: string;
  view: JoinRequestView;
  /** The link the administrator followed: its form comes first. */
  decision: JoinDecision;
}) {
  const { ctx, token, view } = props;
  const order: JoinDecision[] =
    props.decision === 'decline' ? ['decline', 'approve'] : ['approve', 'decline'];
  return (
    <SetupPage ctx={ctx} heading={ctx.t('setup:join.title', { organization: view.organizationName })}>
      <p>
        {ctx.t('setup:join.intro', {
          contact: `${view.contact.name} <${view.contact.email}>`,
          organization: view.organizationName,
          webOrderId: view.webOrderId,
          partnerName: view.partnerName,
          endCustomerName: view.endCustomerName,
        })}
      </p>
      <LinesTable ctx={ctx} webOrderId={view.webOrderId} lines={view.lines} />
      <p class="muted">
        {ctx.t('setup:join.expires', { expiresAt: formatDeadline(ctx.language, view.expiresAt) })}
      </p>
      {order.map((decision) => (
        <DecisionForm ctx={ctx} token={token} decision={decision} view={view} />
      ))}
      <ConfirmDialog
        id="confirm-approve"
        title={ctx.t('setup:join.approveHeading')}
        yes={ctx.t('setup:join.approve')}
        no={ctx.t('setup:review.dialogNo')}
      >
        <p>
          {ctx.t('setup:join.consequence', {
            contactName: view.contact.name,
            organization: view.organizationName,
          })}
        </p>
      </ConfirmDialog>
    </SetupPage>
  );
}

export function JoinDecidedPage(props: {
  ctx: PageContext;
  decision: JoinDecision;
  contactName: string;
  organizationName: string;
  webOrderId: string;
}) {
  const { ctx } = props;
  return (
    <SetupPage ctx={ctx} heading={ctx.t('setup:join.title', { organization: props.organizationName })}>
      <p class="notice ok" role="status" id="join-decided">
        {ctx.t(props.decision === 'approve' ? 'setup:join.approved' : 'setup:join.declined', {
          contactName: props.contactName,
          organization: props.organizationName,
          webOrderId: props.webOrderId,
        })}
      </p>
    </SetupPage>
  );
}

export type JoinDeadReason = 'used' | 'expired' | 'revoked' | 'unknown';

export function JoinDeadPage(props: { ctx: PageContext; reason: JoinDeadReason }) {
  const { ctx } = props;
  return (
    <SetupPage ctx={ctx} heading={ctx.t('setup:join.deadHeading')}>
      <p class="notice warn" id="join-dead-reason">
        {ctx.t(`setup:join.dead.${props.reason}`)}
      </p>
    </SetupPage>
  );
}
