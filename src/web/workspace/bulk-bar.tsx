/**
 * The bar above a table of lines: the ticked rows (their checkboxes point at this form with
 * `form=`) go to the bulk page, which confirms a resend or asks for the new contact.
 */
import type { PageContext } from '../layout.js';

export function BulkBar(props: { ctx: PageContext; form: string; back: string }) {
  const { t } = props.ctx;
  return (
    <form id={props.form} method="get" action="/subscriptions/bulk" class="bulk-bar">
      <input type="hidden" name="back" value={props.back} />
      <span class="muted">{t('workspace:bulk.withSelected')}</span>
      <button type="submit" name="action" value="resend" class="small">
        {t('workspace:bulk.resend')}
      </button>
      <button type="submit" name="action" value="contact" class="small secondary">
        {t('workspace:bulk.contact')}
      </button>
    </form>
  );
}
