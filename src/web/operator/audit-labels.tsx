/**
 * Audit actions in words, for an organization's audit trail. Every action the identity features
 * write is listed here and must have a label in the `operator` catalogue (the compiler checks);
 * an action nobody listed yet shows its raw key in <code>, never a missing-translation string.
 */
import { operatorEn } from '../../i18n/locales/en/operator.js';
import type { PageContext } from '../layout.js';

export const AUDIT_ACTIONS = {
  organization: ['created', 'renamed', 'deactivated', 'reactivated', 'set_up_by_partner'],
  user: ['role_changed', 'deactivated', 'reactivated', 'digest_turned_on', 'digest_turned_off', 'removed'],
  invitation: ['created', 'resent', 'revoked', 'accepted', 'bounced'],
  api_token: ['created', 'rolled', 'revoked'],
  offer: ['added', 'changed', 'retired', 'reinstated'],
  operator: ['bootstrapped'],
  password: ['reset_requested', 'set'],
  join_request: ['requested', 'approved', 'declined', 'expired', 'withdrawn'],
  sso: [
    'connection_set',
    'connection_removed',
    'domain_added',
    'domain_removed',
    'domain_verified',
    'signed_in',
    'user_created',
    'sign_in_refused',
  ],
} as const;

type Groups = typeof AUDIT_ACTIONS;
export type AuditAction = {
  [G in keyof Groups]: `${G & string}.${Groups[G][number]}`;
}[keyof Groups];

// The catalogue has a label for every listed action: adding one above without its words fails here.
const labelled: { [G in keyof Groups]: Record<Groups[G][number], string> } = operatorEn.actions;
void labelled;

const KNOWN: ReadonlySet<string> = new Set(
  Object.entries(AUDIT_ACTIONS).flatMap(([group, names]) => names.map((n) => `${group}.${n}`)),
);

export function isKnownAction(action: string): action is AuditAction {
  return KNOWN.has(action);
}

export function ActionLabel(props: { ctx: PageContext; action: string }) {
  return isKnownAction(props.action) ? (
    <>{props.ctx.t(`operator:actions.${props.action}`)}</>
  ) : (
    <code>{props.action}</code>
  );
}

const shown = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);

/**
 * What changed, when the event says: "before → after" for each changed text or number (the action's
 * words already tell a boolean change), and the e-mail address an invitation or user event names.
 */
export function changeSummary(data: Record<string, unknown>): string[] {
  const before = (data['before'] ?? {}) as Record<string, unknown>;
  const after = (data['after'] ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(after)) {
    const [b, a] = [shown(before[key]), shown(value)];
    if (a !== null && b !== null && a !== b) parts.push(`${b} → ${a}`);
  }
  const email = shown(data['email']);
  if (email) parts.push(email);
  return parts;
}
