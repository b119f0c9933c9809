import { formatDeadline } from '../i18n/format-deadline.js';
import { createEmailDocument, type EmailBlock, type EmailDocument } from './email-document.js';
import { emailTranslator } from './email-i18n.js';
import type { DigestLine, TemplateInput } from './email-types.js';

/**
 * The daily digest to the person who placed the orders (or a partner admin when that person is
 * deactivated): lines closing soon and lines whose provisioning e-mail did not arrive, each with a
 * direct link to its page. Sent only when one of the two lists is not empty.
 */
export function composeDailyDigestEmail(input: TemplateInput<'daily-digest'>, brand: string): EmailDocument {
  const { language: lng } = input;
  const t = emailTranslator(lng, brand);
  const lineText = (line: DigestLine, what: string) =>
    t('digest.line', {
      subscriptionId: line.subscriptionId,
      offerName: line.offerName,
      webOrderId: line.webOrderId,
      endCustomerName: line.endCustomerName,
      what,
    });
  // A line may be in both lists; the subject counts it once.
  const listed =
    new Set([...input.closingSoon, ...input.deliveryProblems].map((l) => l.subscriptionId)).size +
    input.moreClosingSoon +
    input.moreDeliveryProblems;
  const blocks: EmailBlock[] = [{ kind: 'paragraph', text: t('digest.intro') }];
  if (input.closingSoon.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: t('digest.closingSoon', {
        count: input.closingSoon.length + input.moreClosingSoon,
        days: input.withinDays,
      }),
    });
    for (const line of input.closingSoon)
      blocks.push({
        kind: 'link',
        text: lineText(
          line,
          t('digest.closes', {
            closesAt: formatDeadline(lng, line.closesAt!),
            contactEmail: line.contactEmail,
          }),
        ),
        url: line.url,
      });
    if (input.moreClosingSoon > 0)
      blocks.push({
        kind: 'link',
        text: t('digest.more', { count: input.moreClosingSoon }),
        url: input.closingSoonUrl,
      });
  }
  if (input.deliveryProblems.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: t('digest.deliveryProblems', {
        count: input.deliveryProblems.length + input.moreDeliveryProblems,
      }),
    });
    for (const line of input.deliveryProblems)
      blocks.push({
        kind: 'link',
        text: lineText(line, t(`digest.${line.sendStatus ?? 'failed'}`, { contactEmail: line.contactEmail })),
        url: line.url,
      });
    if (input.moreDeliveryProblems > 0)
      blocks.push({
        kind: 'link',
        text: t('digest.more', { count: input.moreDeliveryProblems }),
        url: input.deliveryProblemsUrl,
      });
    blocks.push({ kind: 'paragraph', text: t('digest.fix') });
  }
  blocks.push({ kind: 'link', text: t('digest.optOut'), url: input.accountUrl });
  return createEmailDocument(lng, brand, input.to, {
    subject: t('digest.subject', { count: listed }),
    heading: t('digest.heading'),
    blocks,
    footer: t('digest.footer'),
  });
}
