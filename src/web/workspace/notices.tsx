/**
 * The second confirmation after an action (Post/Redirect/Get): the page reads the send or the
 * changed line named in its query and says what happened, from the stored facts, never from
 * text in the URL.
 */
import type { SubscriptionDetail } from '../../app/orders/get-subscription.js';
import type { PageContext } from '../layout.js';
import type { Notice } from './workspace-support.js';

export function ActionNotices(props: {
  ctx: PageContext;
  notice: Notice;
  detail: SubscriptionDetail | undefined;
}) {
  const { ctx, notice, detail } = props;
  if (!detail) return null;
  const send = notice.sent ? detail.sends.find((s) => s.sendId === notice.sent) : undefined;
  const contact = detail.provisioningContact;
  const changed = notice.changed === detail.subscriptionId;
  if (!send && !changed) return null;
  return (
    <div class="notice ok" role="status">
      {changed && (
        <p>
          {ctx.t(notice.all ? 'workspace:notice.changedAll' : 'workspace:notice.changed', {
            subscriptionId: detail.subscriptionId,
            name: contact.name,
            email: contact.email,
          })}
        </p>
      )}
      {send && <p>{ctx.t('workspace:notice.sent', { email: send.to })}</p>}
    </div>
  );
}
