/**
 * "Resend on behalf" asks first, as the partner's Resend does: the button is a link to a
 * confirmation page (without JavaScript) that opens the same question in a <dialog> (with it);
 * only the Yes button posts the resend.
 *   GET /support/cases/:caseId/resend?subscriptionId=…   the confirmation page (agents)
 */
import type { AppDeps } from '../../app/deps.js';
import { getSupportCase, type SupportCaseDetail } from '../../app/support/get-support-case.js';
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { CsrfField, Layout, type PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import { ResendQuestion } from '../workspace/line-actions.js';
import { RefusalMessage } from '../workspace/refusal.js';
import type { WebContext } from '../workspace/workspace-support.js';
import { casePath } from './case-components.js';

type Line = SupportCaseDetail['lines'][number];

const dialogId = (subscriptionId: string) => `case-resend-${subscriptionId}`;
const confirmPath = (caseId: string, subscriptionId: string) =>
  `${casePath(caseId)}/resend?subscriptionId=${encodeURIComponent(subscriptionId)}`;

/** Yes posts the resend; No closes the dialog or, on the confirmation page, goes back to the case. */
function ResendOnBehalfForm(props: {
  ctx: PageContext;
  caseId: string;
  subscriptionId: string;
  inDialog: boolean;
}) {
  const { ctx } = props;
  return (
    <form method="post" action={`${casePath(props.caseId)}/resend`}>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="subscriptionId" value={props.subscriptionId} />
      <div class="actions">
        <button type="submit">{ctx.t('workspace:resend.yes')}</button>
        {props.inDialog ? (
          <button type="button" class="secondary" data-close-dialog>
            {ctx.t('workspace:resend.no')}
          </button>
        ) : (
          <a class="button secondary" href={casePath(props.caseId)}>
            {ctx.t('workspace:resend.no')}
          </a>
        )}
      </div>
    </form>
  );
}

/** The button (a link to the confirmation page) and its dialog. */
export function ResendOnBehalf(props: { ctx: PageContext; caseId: string; line: Line }) {
  const { ctx, caseId, line } = props;
  const { t } = ctx;
  const id = dialogId(line.subscriptionId);
  const email = line.provisioningContact.email;
  return (
    <>
      <p>
        <a class="button" href={confirmPath(caseId, line.subscriptionId)} data-open-dialog={id}>
          {t('support:agent.resend')}
          <span class="visually-hidden">
            {t('support:agent.resendFor', { subscriptionId: line.subscriptionId, email })}
          </span>
        </a>
      </p>
      <dialog id={id} aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('support:agent.resendTitle', { subscriptionId: line.subscriptionId })}</h2>
        <ResendQuestion ctx={ctx} email={email} />
        <ResendOnBehalfForm ctx={ctx} caseId={caseId} subscriptionId={line.subscriptionId} inDialog />
      </dialog>
    </>
  );
}

export async function resendOnBehalfConfirmPage(
  c: WebContext,
  deps: AppDeps,
  agent: Actor,
  caseId: string,
): Promise<Response> {
  const detail = await getSupportCase(deps, { actor: agent }, caseId);
  if (detail.role !== 'agent') throw new AppError('NO_ACCESS');
  const subscriptionId = c.req.query('subscriptionId') ?? '';
  const line = detail.lines.find((l) => l.subscriptionId === subscriptionId);
  if (!line) throw new AppError('NOT_FOUND', { subscriptionId });
  const ctx = pageContext(c);
  const title = ctx.t('support:agent.resendTitle', { subscriptionId });
  return c.html(
    <Layout ctx={ctx} title={title}>
      <p class="crumbs">
        <a href={casePath(caseId)}>{ctx.t('support:case.title', { caseId })}</a>
      </p>
      <h1>{title}</h1>
      {line.resendRefusal ? (
        <p class="notice warn" role="note">
          {ctx.t('support:agent.cannotResend')}
          <RefusalMessage ctx={ctx} error={line.resendRefusal} />
        </p>
      ) : (
        <div class="card">
          <ResendQuestion ctx={ctx} email={line.provisioningContact.email} />
          <ResendOnBehalfForm ctx={ctx} caseId={caseId} subscriptionId={subscriptionId} inDialog={false} />
        </div>
      )}
    </Layout>,
  );
}
