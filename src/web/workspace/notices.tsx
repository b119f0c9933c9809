/**
 * The second confirmation after an action (Post/Redirect/Get): the page reads the send or the
 * changed line named in its query and says what happened, from the stored facts, never from
 * text in the URL.
 */
import type { SubscriptionDetail } from '../../app/orders/get-subscription.js';
import type { PageContext } from '../layout.js';
import { SentNotice } from './send-status.js';
import { type Notice, sentIdsOf } from './workspace-support.js';

export function ActionNotices(props: {
  ctx: PageContext;
  notice: Notice;
  detail: SubscriptionDetail | undefined;
  /** The other lines on the page: an action on several lines names their sends too. */
  others?: Iterable<SubscriptionDetail>;
}) {
  const { ctx, notice, detail } = props;
  if (!detail) return null;
  const ids = new Set(sentIdsOf(notice));
  const sends = [detail, ...(props.others ?? [])].flatMap((d) => d.sends).filter((s) => ids.delete(s.sendId));
  const contact = detail.provisioningContact;
  const changed = notice.changed === detail.subscriptionId;
  if (sends.length === 0 && !changed) return null;
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
      <SentNotice ctx={ctx} emails={sends} />
    </div>
  );
}
