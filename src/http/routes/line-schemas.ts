/**
 * The answers about orders and subscription lines, as the OpenAPI document states them. Each
 * `satisfies` holds a schema to the use case's own type, so a field the use case returns but the
 * schema leaves out is a compile error, not an undocumented field.
 */
import { z } from '@hono/zod-openapi';

import type { OrderDetail } from '../../app/orders/get-order.js';
import type { SubscriptionDetail } from '../../app/orders/get-subscription.js';
import type { OrderSummary } from '../../app/orders/list-orders.js';
import type { SubscriptionSummary } from '../../app/orders/list-subscriptions.js';
import { LINE_STATUSES, SEND_REASONS, SEND_STATUSES } from '../../domain/types.js';

export const lineStatusSchema = z
  .enum(LINE_STATUSES)
  .describe(
    'booked → awaiting_provisioning_details → provisioned; or closed (policy period over), or cancelled',
  );
const contactSchema = z.object({
  name: z.string(),
  email: z.string(),
  language: z.string().describe('`en` or `it`'),
});
const closesAtSchema = z
  .string()
  .nullable()
  .describe(
    'When the line closes if nobody sets it up (ISO); null unless it awaits setup after its first e-mail',
  );
const deliveryProblemSchema = z
  .boolean()
  .describe("The line's newest provisioning e-mail bounced or failed and the line can still be set up");
const undeliveredEmailSchema = z
  .object({ to: z.string(), status: z.enum(['bounced', 'failed']) })
  .nullable()
  .describe('The address and outcome of that e-mail when `deliveryProblem`; else null');
const awaitingApprovalSchema = z
  .object({ requestedAt: z.string(), expiresAt: z.string() })
  .nullable()
  .describe(
    "Waiting for the organization's approval: the provisioning contact asked to join an existing organization and its administrators have not answered yet (null otherwise)",
  );
const customerOrganizationNameSchema = z
  .string()
  .nullable()
  .describe('The customer organization the order was mapped to (null before the PONR)');

/** One line as an order's detail lists it (and the base of a line's own detail). */
const lineFields = {
  subscriptionId: z.string(),
  offerCode: z.string(),
  quantity: z.number().int(),
  rsd: z.string().describe('Requested start date (YYYY-MM-DD): when the first provisioning e-mail is due'),
  status: lineStatusSchema,
  pendingProvisioning: z.boolean().describe('Closed before setup: "provisioning still pending"'),
  provisioningContact: contactSchema,
  closesAt: closesAtSchema,
  deliveryProblem: deliveryProblemSchema,
  undeliveredEmail: undeliveredEmailSchema,
  canResend: z.boolean().describe('A resend is allowed now (re-checked under lock when asked)'),
  canChangeContact: z
    .boolean()
    .describe('A contact change is allowed now (re-checked under lock when asked)'),
};

export const subscriptionSummarySchema = z
  .object({
    subscriptionId: z.string(),
    orderId: z.string(),
    webOrderId: z.string(),
    endCustomerName: z.string(),
    partnerId: z.string(),
    offerCode: z.string(),
    offerName: z.string(),
    quantity: z.number().int(),
    rsd: z.string(),
    status: lineStatusSchema,
    pendingProvisioning: z.boolean(),
    provisioningContact: contactSchema,
    closesAt: closesAtSchema,
    deliveryProblem: deliveryProblemSchema,
    undeliveredEmail: undeliveredEmailSchema,
    mapped: z.boolean(),
  })
  .openapi('SubscriptionSummary') satisfies z.ZodType<SubscriptionSummary>;

export const subscriptionDetailSchema = z
  .object({
    ...lineFields,
    orderId: z.string(),
    webOrderId: z.string(),
    endCustomerName: z.string(),
    firstEmailAt: z.string().nullable().describe('When the first provisioning e-mail was queued (ISO)'),
    nextActionAt: z
      .string()
      .nullable()
      .describe("When the line's next due step runs (its RSD e-mail, a reminder or the close), if any"),
    adminPortalUrl: z.string().nullable(),
    customerOrganizationName: customerOrganizationNameSchema,
    awaitingOrganizationApproval: awaitingApprovalSchema,
    sends: z.array(
      z.object({
        sendId: z.string(),
        emailId: z
          .string()
          .describe('The e-mail this send rode on: the sends of the lines one e-mail listed share it'),
        reason: z.enum(SEND_REASONS),
        requestedBy: z.string(),
        to: z.string(),
        status: z.enum(SEND_STATUSES),
        statusDetail: z.string().nullable(),
        createdAt: z.string(),
        statusAt: z.string(),
      }),
    ),
    timeline: z.array(
      z.object({
        at: z.string(),
        action: z.string(),
        actor: z.string(),
        data: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .openapi('SubscriptionDetail') satisfies z.ZodType<SubscriptionDetail>;

export const orderSummarySchema = z
  .object({
    orderId: z.string(),
    webOrderId: z.string(),
    endCustomerName: z.string(),
    submittedAt: z.string(),
    submittedBy: z.string(),
    lineCount: z.number().int(),
    statuses: z
      .partialRecord(lineStatusSchema, z.number().int())
      .describe('How many of its lines are in each status'),
    closesAt: z
      .string()
      .nullable()
      .describe('The soonest close of its lines awaiting setup (ISO); null when none will close'),
    deliveryProblems: z
      .number()
      .int()
      .describe("How many of its lines' newest provisioning e-mail bounced or failed"),
    pendingProvisioning: z
      .number()
      .int()
      .describe('How many of its lines closed before setup, flagged "provisioning still pending"'),
    mapped: z.boolean(),
  })
  .openapi('OrderSummary') satisfies z.ZodType<OrderSummary>;

const organizationRef = z.object({ id: z.string(), name: z.string() });

export const orderDetailSchema = z
  .object({
    orderId: z.string(),
    webOrderId: z.string(),
    endCustomerName: z.string(),
    submittedAt: z.string(),
    submittedBy: z.object({ name: z.string(), email: z.string() }),
    partner: organizationRef,
    distributor: organizationRef.nullable(),
    customerOrganizationId: z.string().nullable(),
    customerOrganizationName: customerOrganizationNameSchema,
    mappedAt: z.string().nullable(),
    awaitingOrganizationApproval: awaitingApprovalSchema,
    adminPortalUrl: z.string().nullable(),
    lines: z.array(
      z.object({ lineNo: z.number().int().describe('Its place on the order, from 1'), ...lineFields }),
    ),
  })
  .openapi('OrderDetail') satisfies z.ZodType<OrderDetail>;
