/**
 * The admin portal's overview for a customer admin: their organization and its data region, the
 * subscriptions and licences of the orders mapped to it, and the partners (and distributors)
 * that placed them, with the person to ask.
 */
import { AppError } from '../domain/errors.js';
import type { Actor, LineStatus } from '../domain/types.js';
import type { AppDeps } from './deps.js';

export interface CustomerOrganizationOverview {
  organization: { id: string; name: string; country: string | null; dataRegion: string | null };
  partners: {
    name: string;
    kind: 'partner' | 'distributor';
    /** Who placed an order for this organization (partners only). */
    contacts: { name: string; email: string }[];
  }[];
  subscriptions: {
    subscriptionId: string;
    webOrderId: string;
    offerCode: string;
    offerName: string;
    quantity: number;
    status: LineStatus;
    provisionedAt: string | null;
    partnerName: string;
  }[];
  /** Licences per offer over every live subscription. */
  licences: { offerCode: string; offerName: string; quantity: number }[];
}

export async function getCustomerOrganization(
  deps: AppDeps,
  actor: Actor,
): Promise<CustomerOrganizationOverview> {
  if (actor.role !== 'customer_admin') throw new AppError('NO_ACCESS');
  const org = await deps.db
    .selectFrom('organization')
    .select(['id', 'name', 'country', 'data_region'])
    .where('id', '=', actor.organizationId)
    .where('kind', '=', 'customer')
    .executeTakeFirst();
  if (!org) throw new AppError('NO_ACCESS');

  const rows = await deps.db
    .selectFrom('subscription_line as l')
    .innerJoin('purchase_order as po', 'po.id', 'l.order_id')
    .innerJoin('offer as o', 'o.code', 'l.offer_code')
    .innerJoin('organization as p', 'p.id', 'po.partner_id')
    .innerJoin('app_user as u', 'u.id', 'po.placed_by_user_id')
    .leftJoin('organization as d', 'd.id', 'po.distributor_id')
    .select([
      'l.subscription_id',
      'l.offer_code',
      'o.name as offer_name',
      'l.quantity',
      'l.status',
      'l.provisioned_at',
      'po.web_order_id',
      'p.id as partner_id',
      'p.name as partner_name',
      'u.name as placer_name',
      'u.email as placer_email',
      'd.id as distributor_id',
      'd.name as distributor_name',
    ])
    .where('po.customer_organization_id', '=', org.id)
    .orderBy('po.mapped_at', 'desc')
    .orderBy('l.subscription_id')
    .execute();

  const partners = new Map<string, CustomerOrganizationOverview['partners'][number]>();
  const licences = new Map<string, CustomerOrganizationOverview['licences'][number]>();
  for (const r of rows) {
    const partner = partners.get(r.partner_id) ?? { name: r.partner_name, kind: 'partner', contacts: [] };
    if (!partner.contacts.some((c) => c.email === r.placer_email))
      partner.contacts.push({ name: r.placer_name, email: r.placer_email });
    partners.set(r.partner_id, partner);
    if (r.distributor_id && r.distributor_name && !partners.has(r.distributor_id))
      partners.set(r.distributor_id, { name: r.distributor_name, kind: 'distributor', contacts: [] });
    if (r.status === 'cancelled') continue;
    const sum = licences.get(r.offer_code) ?? {
      offerCode: r.offer_code,
      offerName: r.offer_name,
      quantity: 0,
    };
    sum.quantity += r.quantity;
    licences.set(r.offer_code, sum);
  }
  return {
    organization: { id: org.id, name: org.name, country: org.country, dataRegion: org.data_region },
    partners: [...partners.values()],
    subscriptions: rows.map((r) => ({
      subscriptionId: r.subscription_id,
      webOrderId: r.web_order_id,
      offerCode: r.offer_code,
      offerName: r.offer_name,
      quantity: r.quantity,
      status: r.status,
      provisionedAt: r.provisioned_at?.toISOString() ?? null,
      partnerName: r.partner_name,
    })),
    licences: [...licences.values()].sort((a, b) => a.offerCode.localeCompare(b.offerCode)),
  };
}
