/** /support (a requester's own cases) and /support/queue (support agents: every case, filtered). */
import type { AppDeps } from '../../app/deps.js';
import {
  caseQueueSchema,
  listMySupportCases,
  listSupportQueue,
} from '../../app/support/list-support-cases.js';
import { invalidInput } from '../../domain/errors.js';
import { CASE_STATUSES, CASE_TYPES } from '../../domain/support-case.js';
import type { Actor } from '../../domain/types.js';
import { Layout } from '../layout.js';
import { pageContext } from '../page-context.js';
import type { WebContext } from '../workspace/workspace-support.js';
import { CasesTable } from './case-components.js';

export async function myCasesPage(c: WebContext, deps: AppDeps, user: Actor): Promise<Response> {
  if (user.role === 'support_agent') return c.redirect('/support/queue', 303);
  const ctx = pageContext(c);
  const { t } = ctx;
  const items = await listMySupportCases(deps, user);
  return c.html(
    <Layout ctx={ctx} title={t('support:title')}>
      <h1>{t('support:title')}</h1>
      <p class="lead">{t('support:list.intro')}</p>
      <p>
        <a class="button" href="/support/new">
          {t('support:open')}
        </a>
      </p>
      {items.length === 0 ? (
        <p class="muted">{t('support:list.none')}</p>
      ) : (
        <CasesTable ctx={ctx} items={items} showRequester={false} />
      )}
    </Layout>,
  );
}

export async function queuePage(c: WebContext, deps: AppDeps, user: Actor): Promise<Response> {
  const ctx = pageContext(c);
  const { t } = ctx;
  const parsed = caseQueueSchema.safeParse({
    status: c.req.query('status') || undefined,
    type: c.req.query('type') || undefined,
    q: c.req.query('q') || undefined,
  });
  if (!parsed.success) throw invalidInput([]);
  const filter = parsed.data;
  const items = await listSupportQueue(deps, user, filter);
  return c.html(
    <Layout ctx={ctx} title={t('support:queue.title')}>
      <h1>{t('support:queue.title')}</h1>
      <form method="get" action="/support/queue" class="filters" role="search">
        <div>
          <label for="q">{t('support:queue.search')}</label>
          <input id="q" name="q" type="search" value={filter.q ?? ''} aria-describedby="q-hint" />
        </div>
        <div>
          <label for="status">{t('support:col.status')}</label>
          <select id="status" name="status">
            <option value="">{t('support:queue.anyStatus')}</option>
            {CASE_STATUSES.map((s) => (
              <option value={s} selected={filter.status === s}>
                {t(`support:status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="type">{t('support:col.type')}</label>
          <select id="type" name="type">
            <option value="">{t('support:queue.anyType')}</option>
            {CASE_TYPES.map((s) => (
              <option value={s} selected={filter.type === s}>
                {t(`support:type.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="filter-submit">
          <button type="submit">{t('support:queue.apply')}</button>
        </div>
        <p id="q-hint" class="muted small hint">
          {t('support:queue.searchHint')}
        </p>
      </form>
      {items.length === 0 ? (
        <p class="muted">{t('support:queue.none')}</p>
      ) : (
        <CasesTable ctx={ctx} items={items} showRequester />
      )}
    </Layout>,
  );
}
