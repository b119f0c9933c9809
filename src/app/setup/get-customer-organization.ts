/**
 * The admin portal's overview for a customer admin: their organization and its data region, the
 * orders mapped to it with their subscriptions and licences, and the partners (and distributors)
 * that placed them, with the person to ask.
 */
import { AppError } from '../../domain/errors.js';
import type { Actor, LineStatus } from '../../domain/types.js';
import { findCustomerOrganization } from '../../store/organization-repository.js';
import { subscriptionsOfCustomer } from '../../store/subscription-list-repository.js';
import type { AppDeps } from '../deps.js';

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
  /** The orders mapped to the organization, newest mapping first, with their lines' states. */
  orders: {
    orderId: string;
    webOrderId: string;
    partnerName: string;
    mappedAt: string | null;
    /** How many of its lines are in each state. */
    lines: Partial<Record<LineStatus, number>>;
  }[];
  /** Licences per offer over every live subscription. */
  licences: { offerCode: string; offerName: string; quantity: number }[];
}

export async function getCustomerOrganization(
  deps: AppDeps,
  actor: Actor,
): Promise<CustomerOrganizationOverview> {
  if (actor.role !== 'customer_admin') throw new AppError('NO_ACCESS');
  const org = await findCustomerOrganization(deps.db, actor.organizationId);
  if (!org) throw new AppError('NO_ACCESS');
  const rows = await subscriptionsOfCustomer(deps.db, org.id);

  const partners = new Map<string, CustomerOrganizationOverview['partners'][number]>();
  const licences = new Map<string, CustomerOrganizationOverview['licences'][number]>();
  const orders = new Map<string, CustomerOrganizationOverview['orders'][number]>();
  for (const r of rows) {
    const order = orders.get(r.order_id) ?? {
      orderId: r.order_id,
      webOrderId: r.web_order_id,
      partnerName: r.partner_name,
      mappedAt: r.mapped_at?.toISOString() ?? null,
      lines: {},
    };
    order.lines[r.status] = (order.lines[r.status] ?? 0) + 1;
    orders.set(r.order_id, order);
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
    orders: [...orders.values()],
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
