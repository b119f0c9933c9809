/**
 * /support/cases/:caseId — the requester sees the case, its screenshots and its history; a support
 * agent also sees each line's full history (sends, delivery statuses, contact changes, PONR) with
 * the actions: resend on behalf, change contact, reply, set status. When a resend is impossible
 * the page says why, in the words of the shared error vocabulary.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { AppDeps } from '../../app/deps.js';
import { getSupportCase, type SupportCaseDetail } from '../../app/support/get-support-case.js';
import { CASE_STATUSES } from '../../domain/support-case.js';
import { formatDeadline } from '../../i18n/format-deadline.js';
import { CsrfField, Layout, type PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import { ContactFields } from '../workspace/contact-form.js';
import { StatusBadges } from '../workspace/line-actions.js';
import { RefusalMessage } from '../workspace/refusal.js';
import { SendsTable, Timeline } from '../workspace/timeline.js';
import { formatDateTime, type WebContext } from '../workspace/workspace-support.js';
import { CaseHistory, casePath, CaseStatusBadge, Screenshots } from './case-components.js';
import { ClosedNotice, type ReplyFormState, RequesterReplyForm } from './requester-reply.js';
import { ResendOnBehalf } from './resend-on-behalf.js';

const DONE = ['resent', 'contact', 'replied', 'status'] as const;
/** After a requester's reply (requester-reply.tsx). */
const ANSWERED = ['answered', 'reopened'] as const;

function StatusSelect(props: {
  ctx: PageContext;
  id: string;
  name: string;
  current?: string;
  keep?: boolean;
}) {
  const { t } = props.ctx;
  return (
    <select id={props.id} name={props.name}>
      {props.keep && (
        <option value="">
          {/* Answering a case the requester replied to takes it off the waiting list. */}
          {t(
            props.current === 'awaiting_agent' ? 'support:agent.answeredStatus' : 'support:agent.keepStatus',
          )}
        </option>
      )}
      {CASE_STATUSES.map((s) => (
        <option value={s} selected={!props.keep && props.current === s}>
          {t(`support:status.${s}`)}
        </option>
      ))}
    </select>
  );
}

function LineConsole(props: {
  ctx: PageContext;
  detail: SupportCaseDetail;
  line: SupportCaseDetail['lines'][number];
}) {
  const { ctx, detail, line } = props;
  const { t } = ctx;
  const id = line.subscriptionId;
  const action = (what: string) => `${casePath(detail.caseId)}/${what}`;
  const contact = line.provisioningContact;
  return (
    <section class="card titled" aria-labelledby={`line-${id}`}>
      <h2 id={`line-${id}`}>{t('support:agent.line', { subscriptionId: id })}</h2>
      <dl class="facts">
        <dt>{t('workspace:lines.col.status')}</dt>
        <dd>
          <StatusBadges ctx={ctx} status={line.status} pendingProvisioning={line.pendingProvisioning} />
        </dd>
        {line.closesAt && (
          <>
            <dt>{t('workspace:subscription.closesAt')}</dt>
            <dd>
              <time datetime={line.closesAt}>{formatDeadline(ctx.language, line.closesAt)}</time>
            </dd>
          </>
        )}
        <dt>{t('workspace:lines.col.contact')}</dt>
        <dd>
          {contact.name} &lt;{contact.email}&gt;
        </dd>
      </dl>
      {line.resendRefusal ? (
        <p class="notice warn" role="note">
          {t('support:agent.cannotResend')}
          <RefusalMessage ctx={ctx} error={line.resendRefusal} />
        </p>
      ) : (
        <ResendOnBehalf ctx={ctx} caseId={detail.caseId} line={line} />
      )}
      {line.canChangeContact && (
        <details>
          <summary>{t('support:agent.changeContact')}</summary>
          <form method="post" action={action('contact')} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="subscriptionId" value={id} />
            <ContactFields ctx={ctx} values={{ ...contact }} errors={{}} />
            <p>
              <button type="submit">{t('support:agent.saveContact', { subscriptionId: id })}</button>
            </p>
          </form>
        </details>
      )}
      <h3>{t('workspace:sends.title')}</h3>
      <SendsTable ctx={ctx} sends={line.sends} />
      <h3>{t('workspace:timeline.title')}</h3>
      <Timeline ctx={ctx} detail={line} />
    </section>
  );
}

function AgentActions(props: { ctx: PageContext; detail: SupportCaseDetail }) {
  const { ctx, detail } = props;
  const { t } = ctx;
  return (
    <div class="case-actions">
      <section class="card titled" aria-labelledby="case-reply">
        <h2 id="case-reply">{t('support:agent.reply')}</h2>
        <form method="post" action={`${casePath(detail.caseId)}/reply`}>
          <CsrfField ctx={ctx} />
          <label for="reply-body">{t('support:agent.replyBody', { email: detail.requester.email })}</label>
          <textarea id="reply-body" name="body" rows={4} required></textarea>
          <label for="reply-status">{t('support:agent.replyStatus')}</label>
          <StatusSelect ctx={ctx} id="reply-status" name="status" current={detail.status} keep />
          <p>
            <button type="submit">{t('support:agent.sendReply')}</button>
          </p>
        </form>
      </section>
      <section class="card titled" aria-labelledby="case-status">
        <h2 id="case-status">{t('support:agent.setStatus')}</h2>
        <form method="post" action={`${casePath(detail.caseId)}/status`}>
          <CsrfField ctx={ctx} />
          <label for="status-select">{t('support:col.status')}</label>
          <StatusSelect ctx={ctx} id="status-select" name="status" current={detail.status} />
          <p>
            <button type="submit">{t('support:agent.saveStatus')}</button>
          </p>
        </form>
      </section>
    </div>
  );
}

export async function casePage(
  c: WebContext,
  deps: AppDeps,
  caseId: string,
  reply?: ReplyFormState,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const user = c.get('user');
  const key = c.req.query('key');
  const detail = await getSupportCase(deps, user && !key ? { actor: user } : { key: key ?? '' }, caseId);
  const ctx = pageContext(c);
  const { t, language } = ctx;
  const title = t('support:case.title', { caseId: detail.caseId });
  const done = DONE.find((d) => c.req.query('done') === d);
  const answered = ANSWERED.find((d) => c.req.query('done') === d);
  const closed = detail.replyWindow.kind !== 'open';
  const agent = detail.role === 'agent';
  return c.html(
    <Layout ctx={ctx} title={title}>
      {user && (
        <p class="crumbs">
          <a href={agent ? '/support/queue' : '/support'}>
            {t(agent ? 'support:queue.title' : 'support:title')}
          </a>
        </p>
      )}
      <h1>{title}</h1>
      {c.req.query('opened') === '1' && (
        <p class="notice ok" role="status">
          {t('support:case.opened')}
        </p>
      )}
      {done && (
        <p class="notice ok" role="status">
          {t(`support:agent.done.${done}`)}
        </p>
      )}
      {answered && (
        <p class="notice ok" role="status">
          {t(`support:thread.done.${answered}`)}
        </p>
      )}
      <ClosedNotice ctx={ctx} detail={detail} />
      <section class="card titled" aria-labelledby="case-facts">
        <h2 id="case-facts">{t('support:case.facts')}</h2>
        <dl class="facts">
          <dt>{t('support:col.status')}</dt>
          <dd>
            <CaseStatusBadge ctx={ctx} status={detail.status} />
          </dd>
          <dt>{t('support:col.type')}</dt>
          <dd>{t(`support:type.${detail.type}`)}</dd>
          <dt>{t('support:col.webOrderId')}</dt>
          <dd>{detail.webOrderId}</dd>
          {detail.subscriptionId && (
            <>
              <dt>{t('support:col.subscriptionId')}</dt>
              <dd>{detail.subscriptionId}</dd>
            </>
          )}
          <dt>{t('support:case.endCustomer')}</dt>
          <dd>{detail.endCustomerName}</dd>
          {agent && (
            <>
              <dt>{t('support:agent.requester')}</dt>
              <dd>
                {detail.requester.hasAccount
                  ? `${detail.requester.name} <${detail.requester.email}>`
                  : t('support:agent.withoutAccount', { email: detail.requester.email })}
              </dd>
            </>
          )}
          <dt>{t('support:case.createdAt')}</dt>
          <dd>{formatDateTime(detail.createdAt, language)}</dd>
          <dt>{t('support:col.updatedAt')}</dt>
          <dd>{formatDateTime(detail.updatedAt, language)}</dd>
        </dl>
        <h3>{t('support:case.description')}</h3>
        <p class="case-description">{detail.description}</p>
      </section>
      {!agent && !closed && <p class="muted">{t('support:case.requesterNote')}</p>}
      <h2>{t('support:case.screenshots')}</h2>
      <Screenshots ctx={ctx} detail={detail} {...(key ? { keyParam: key } : {})} />
      <h2>{t('support:case.history')}</h2>
      <CaseHistory ctx={ctx} detail={detail} {...(key ? { keyParam: key } : {})} />
      {!agent && (
        <RequesterReplyForm ctx={ctx} detail={detail} state={reply} {...(key ? { keyParam: key } : {})} />
      )}
      {agent && <AgentActions ctx={ctx} detail={detail} />}
      {agent && detail.lines.map((line) => <LineConsole ctx={ctx} detail={detail} line={line} />)}
    </Layout>,
    status,
  );
}
