/**
 * The requester's side of the thread on /support/cases/:caseId: where the case stands (closed,
 * reopenable by a reply until a date, or over: open a new case) and the reply form with
 * screenshots (multipart, works without JavaScript).
 *   POST /support/cases/:caseId/replies[?key=…]   a reply; field problems re-show the case page
 *                                                 with the text kept and each message by its field
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { AppDeps } from '../../app/deps.js';
import { addRequesterReply, requesterReplySchema } from '../../app/support/add-requester-reply.js';
import type { SupportCaseDetail } from '../../app/support/get-support-case.js';
import { type AppError, invalidInput, isAppError } from '../../domain/errors.js';
import { REOPEN_WINDOW_DAYS } from '../../domain/support-case-thread.js';
import { formatDeadline } from '../../i18n/format-deadline.js';
import { CsrfField, type PageContext } from '../layout.js';
import { RefusalMessage } from '../workspace/refusal.js';
import { paramOf, type WebContext } from '../workspace/workspace-support.js';
import { casePath } from './case-components.js';
import { FieldNotes, uploadsOf } from './open-case-page.js';

/** What the reply form shows again after a refusal: the text typed, and why. */
export interface ReplyFormState {
  body: string;
  errors: { body?: string[]; screenshots?: string[] };
  refusal?: AppError;
}

const repliesPath = (caseId: string, key?: string) =>
  `/support/cases/${encodeURIComponent(caseId)}/replies${key ? `?key=${encodeURIComponent(key)}` : ''}`;

/** The closed-case notice: closed, and how (or whether) it can be reopened. */
export function ClosedNotice(props: { ctx: PageContext; detail: SupportCaseDetail }) {
  const { ctx, detail } = props;
  const { t, language } = ctx;
  const until = detail.replyWindow.until;
  if (detail.replyWindow.kind === 'open' || !until) return null;
  const reference = detail.subscriptionId ?? detail.webOrderId;
  return (
    <div class="notice warn" role="note">
      <p>
        <strong>{t('support:thread.closed')}</strong>
      </p>
      {detail.replyWindow.kind === 'reopenable' ? (
        <p>
          {t('support:thread.reopenHow', {
            days: REOPEN_WINDOW_DAYS,
            until: formatDeadline(language, until),
          })}
        </p>
      ) : (
        <p>
          {t('support:thread.reopenOver', { days: REOPEN_WINDOW_DAYS })}{' '}
          <a href={`/support/new?reference=${encodeURIComponent(reference)}`}>
            {t('support:thread.openNew')}
          </a>
        </p>
      )}
    </div>
  );
}

export function RequesterReplyForm(props: {
  ctx: PageContext;
  detail: SupportCaseDetail;
  keyParam?: string;
  state?: ReplyFormState | undefined;
}) {
  const { ctx, detail, state } = props;
  const { t } = ctx;
  if (detail.replyWindow.kind === 'over') return null;
  const errors = state?.errors ?? {};
  const reopen = detail.replyWindow.kind === 'reopenable';
  const described = (id: string, field: 'body' | 'screenshots', hint: boolean) =>
    [errors[field]?.length ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <section class="card titled" aria-labelledby="requester-reply">
      <h2 id="requester-reply">{t(reopen ? 'support:thread.replyReopen' : 'support:thread.reply')}</h2>
      {state?.refusal && (
        <div class="notice bad" role="alert">
          <RefusalMessage ctx={ctx} error={state.refusal} />
        </div>
      )}
      {(errors.body || errors.screenshots) && (
        <div class="notice bad" role="alert">
          {t('support:thread.fix')}
        </div>
      )}
      <form
        method="post"
        action={repliesPath(detail.caseId, props.keyParam)}
        enctype="multipart/form-data"
        novalidate
      >
        <CsrfField ctx={ctx} />
        <label for="requester-reply-body">{t('support:thread.replyBody')}</label>
        <textarea
          id="requester-reply-body"
          name="body"
          rows={5}
          required
          aria-invalid={errors.body?.length ? 'true' : undefined}
          aria-describedby={described('requester-reply-body', 'body', false)}
        >
          {state?.body ?? ''}
        </textarea>
        <FieldNotes id="requester-reply-body" messages={errors.body} />
        <label for="requester-reply-screenshots">{t('support:form.screenshots')}</label>
        <input
          id="requester-reply-screenshots"
          name="screenshots"
          type="file"
          multiple
          accept="image/png,image/jpeg,image/webp"
          aria-invalid={errors.screenshots?.length ? 'true' : undefined}
          aria-describedby={described('requester-reply-screenshots', 'screenshots', true)}
        />
        <FieldNotes
          id="requester-reply-screenshots"
          hint={t('support:form.screenshotsHint')}
          messages={errors.screenshots}
        />
        <p>
          <button type="submit">{t(reopen ? 'support:thread.sendReopen' : 'support:thread.send')}</button>
        </p>
      </form>
    </section>
  );
}

type RenderCase = (state: ReplyFormState, status: ContentfulStatusCode) => Promise<Response>;

/** POST …/replies: store the reply, then back to the case (PRG); a refusal re-shows the form. */
export async function submitRequesterReply(
  c: WebContext,
  deps: AppDeps,
  renderCase: RenderCase,
): Promise<Response> {
  const caseId = paramOf(c, 'caseId');
  const key = c.req.query('key');
  const user = c.get('user');
  const form = await c.req.parseBody({ all: true });
  const body = typeof form['body'] === 'string' ? form['body'].slice(0, 6000) : '';
  const t = c.get('t');
  try {
    const parsed = requesterReplySchema.safeParse({ body });
    if (!parsed.success) throw invalidInput('body', 'is required');
    const result = await addRequesterReply(deps, user && !key ? { actor: user } : { key: key ?? '' }, {
      caseId,
      body: parsed.data.body,
      screenshots: await uploadsOf(form),
    });
    return c.redirect(
      `${casePath(caseId, key)}${key ? '&' : '?'}done=${result.reopened ? 'reopened' : 'answered'}`,
      303,
    );
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.code === 'INVALID_INPUT') {
      const errors: ReplyFormState['errors'] = {};
      for (const issue of e.details.issues) {
        if (issue.path === 'body') (errors.body ??= []).push(t('support:thread.error.body'));
        else
          (errors.screenshots ??= []).push(
            t(`support:form.error.${issue.reason ?? 'notImage'}`, { filename: issue.filename }),
          );
      }
      return renderCase({ body, errors }, 400);
    }
    // A missing case (or a link that no longer fits) answers as the case page would.
    if (e.code === 'NOT_FOUND') throw e;
    return renderCase({ body, errors: {}, refusal: e }, e.status as ContentfulStatusCode);
  }
}
