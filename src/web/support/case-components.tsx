/** Pieces every support page shares: status badge, the case table, and a case's history. */
import type { SupportCaseDetail } from '../../app/support/get-support-case.js';
import type { CaseListRow } from '../../store/support-case-repository.js';
import type { PageContext } from '../layout.js';
import { formatDateTime } from '../workspace/workspace-support.js';

export function CaseStatusBadge(props: { ctx: PageContext; status: string }) {
  return <span class={`badge case-${props.status}`}>{props.ctx.t(`support:status.${props.status}`)}</span>;
}

/** A case's link; a provisioning contact's carries the key of their link. */
export const casePath = (caseId: string, key?: string) =>
  `/support/cases/${encodeURIComponent(caseId)}${key ? `?key=${encodeURIComponent(key)}` : ''}`;

export function CasesTable(props: { ctx: PageContext; items: CaseListRow[]; showRequester: boolean }) {
  const { t, language } = props.ctx;
  const col = (k: string) => t(`support:col.${k}`);
  return (
    <div class="table-wrap">
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{col('caseId')}</th>
            <th scope="col">{col('webOrderId')}</th>
            <th scope="col">{col('type')}</th>
            <th scope="col">{col('status')}</th>
            {props.showRequester && <th scope="col">{col('requester')}</th>}
            <th scope="col">{col('updatedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((c) => (
            <tr>
              <td data-label={col('caseId')}>
                <a href={casePath(c.id)}>{c.id}</a>
              </td>
              <td data-label={col('webOrderId')}>
                {c.web_order_id}
                {c.subscription_id && <span class="muted small"> · {c.subscription_id}</span>}
              </td>
              <td data-label={col('type')}>{t(`support:type.${c.type}`)}</td>
              <td data-label={col('status')}>
                <CaseStatusBadge ctx={props.ctx} status={c.status} />
              </td>
              {props.showRequester && (
                <td data-label={col('requester')}>
                  {c.requester_name} <span class="muted small">{c.requester_email}</span>
                </td>
              )}
              <td data-label={col('updatedAt')}>
                <time datetime={c.updated_at.toISOString()}>
                  {formatDateTime(c.updated_at.toISOString(), language)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function eventText(ctx: PageContext, e: SupportCaseDetail['events'][number]): string {
  const d = e.data;
  const to = d['to'];
  const contact =
    to && typeof to === 'object'
      ? `${text((to as Record<string, unknown>)['name'])} <${text((to as Record<string, unknown>)['email'])}>`
      : text(to);
  const status = (s: unknown) => (typeof s === 'string' ? ctx.t(`support:status.${s}`) : '');
  const shots = Array.isArray(d['screenshots']) ? d['screenshots'].length : 0;
  const key =
    e.kind === 'status' && d['reopened'] === true
      ? 'reopened'
      : e.kind === 'requester_reply' && shots > 0
        ? 'requester_reply_screenshots'
        : e.kind;
  return ctx.t(`support:event.${key}`, {
    count: shots,
    actor: e.actor,
    subscriptionId: text(d['subscriptionId']),
    to: e.kind === 'status' ? status(d['to']) : contact,
    from: status(d['from']),
  });
}

/** A screenshot's address; a provisioning contact's carries the key of their link. */
const screenshotHref = (caseId: string, id: string, keyParam?: string) =>
  `/support/cases/${encodeURIComponent(caseId)}/screenshots/${encodeURIComponent(id)}${
    keyParam ? `?key=${encodeURIComponent(keyParam)}` : ''
  }`;

/** The thread: every event oldest first, replies quoted, a requester's with the screenshots it added. */
export function CaseHistory(props: { ctx: PageContext; detail: SupportCaseDetail; keyParam?: string }) {
  const { ctx, detail } = props;
  const names = new Map(detail.screenshots.map((s) => [s.id, s.filename]));
  return (
    <ol class="timeline">
      {detail.events.map((e) => {
        const added = Array.isArray(e.data['screenshots'])
          ? (e.data['screenshots'] as unknown[]).filter((id): id is string => typeof id === 'string')
          : [];
        return (
          <li>
            <div>
              <time datetime={e.at}>{formatDateTime(e.at, ctx.language)}</time>
              {' — '}
              {eventText(ctx, e)}
            </div>
            {e.body && (
              <blockquote
                class={`case-reply ${e.kind === 'requester_reply' ? 'from-requester' : 'from-agent'}`}
              >
                {e.body}
              </blockquote>
            )}
            {added.length > 0 && (
              <ul class="reply-screenshots small">
                {added.map((id) => (
                  <li>
                    <a href={screenshotHref(detail.caseId, id, props.keyParam)}>{names.get(id) ?? id}</a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function Screenshots(props: { ctx: PageContext; detail: SupportCaseDetail; keyParam?: string }) {
  const { ctx, detail } = props;
  if (detail.screenshots.length === 0) return <p class="muted">{ctx.t('support:case.noScreenshots')}</p>;
  return (
    <ul class="screenshots">
      {detail.screenshots.map((s) => {
        const href = screenshotHref(detail.caseId, s.id, props.keyParam);
        return (
          <li>
            {/* A large or unmeasured image is never decoded in the page: a download link only. */}
            <a href={href} {...(s.inline ? {} : { download: s.filename })}>
              {s.inline && <img src={href} alt={s.filename} loading="lazy" />}
              <span class="small">
                {s.filename} · {Math.max(1, Math.round(s.sizeBytes / 1024))} KB
                {!s.inline && ` · ${ctx.t('support:case.download')}`}
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
