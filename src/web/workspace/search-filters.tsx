/** The search box and status select shared by the Orders and Subscriptions filter forms. */
import { LINE_STATUSES } from '../../domain/types.js';
import type { PageContext } from '../layout.js';

/** The status filter's value for closed lines flagged "provisioning still pending". */
export const PENDING_STATUS = 'pendingProvisioning';

export function SearchAndStatus(props: {
  ctx: PageContext;
  /** Catalogue key of the search label, e.g. `workspace:orders.search`. */
  searchLabel: string;
  q: string | undefined;
  status: string | undefined;
  /** Offer "Closed — provisioning still pending" too (value `pendingProvisioning`; the Orders page). */
  pendingOption?: boolean;
}) {
  const { t } = props.ctx;
  return (
    <>
      <div>
        <label for="q">{t(props.searchLabel)}</label>
        <input id="q" name="q" type="search" value={props.q ?? ''} aria-describedby="q-hint" />
      </div>
      <div>
        <label for="status">{t('workspace:filters.status')}</label>
        <select id="status" name="status">
          <option value="">{t('workspace:filters.anyStatus')}</option>
          {LINE_STATUSES.map((s) => (
            <option value={s} selected={props.status === s}>
              {t(`status.${s}`)}
            </option>
          ))}
          {props.pendingOption && (
            <option value={PENDING_STATUS} selected={props.status === PENDING_STATUS}>
              {t('workspace:orders.closedPending')}
            </option>
          )}
        </select>
      </div>
    </>
  );
}
