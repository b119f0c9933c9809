/**
 * What a search for an exact id says to a colleague of the partner that placed the order when
 * they may not see it: it exists, whom to ask, and the page that says the same at more length.
 * Only ever rendered from `findHiddenOrder`, which answers null to anyone else.
 */
import type { HiddenOrder } from '../../app/orders/find-hidden-order.js';
import type { ContactPerson } from '../../domain/errors.js';
import type { PageContext } from '../layout.js';

/** "Name <e-mail>", the e-mail a mailto link. */
const Person = (props: { person: ContactPerson }) => (
  <>
    {props.person.name} &lt;<a href={`mailto:${props.person.email}`}>{props.person.email}</a>&gt;
  </>
);

export function HiddenOrderNotice(props: { ctx: PageContext; hidden: HiddenOrder }) {
  const { t } = props.ctx;
  const { hidden } = props;
  const admins = hidden.organizationAdmins ?? [];
  return (
    <div class="notice warn" role="status" id="hidden-order">
      {admins.length === 0 ? (
        <p>
          {t('workspace:hidden.exists')} <Person person={hidden.placer} />
        </p>
      ) : (
        <>
          <p>{t('workspace:hidden.existsDeactivated', { name: hidden.placer.name })}</p>
          <ul class="people-admins">
            {admins.map((a) => (
              <li>
                <Person person={a} />
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={hidden.path}>{t('workspace:hidden.page', { webOrderId: hidden.webOrderId })}</a>
      </p>
    </div>
  );
}
