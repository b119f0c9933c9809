/**
 * The new-order form's values and their validation: what was typed becomes the API's
 * place-order input (empty line rows left out), checked by the same zod schema, and each
 * problem (the schema's or the use case's) is put next to its field in the page's language.
 */
import { type PlaceOrderInput, placeOrderSchema } from '../../app/orders/place-order.js';
import { NAME_CHARACTERS_MESSAGE } from '../../domain/display-name.js';
import type { InputIssue } from '../../domain/errors.js';
import type { PageContext } from '../layout.js';

/** Rows the form shows; a partner with more lines places a second order or uses the API. */
export const LINE_ROWS = 5;

export const ORDER_FIELDS = ['webOrderId', 'endCustomerName', 'rsd', 'distributorId'] as const;
export const LINE_FIELDS = ['offerCode', 'quantity', 'name', 'email', 'language'] as const;
type OrderField = (typeof ORDER_FIELDS)[number];
type LineField = (typeof LINE_FIELDS)[number];

export type LineValues = Record<LineField, string>;
export type OrderValues = Record<OrderField, string> & { lines: LineValues[] };
/** By form field name: `rsd`, `lines.2.email`, or `lines` for the order as a whole. */
export type FieldErrors = Record<string, string>;

const LABELS: Record<OrderField | LineField, string> = {
  webOrderId: 'webOrderId',
  endCustomerName: 'endCustomerName',
  rsd: 'rsd',
  distributorId: 'distributor',
  offerCode: 'offer',
  quantity: 'quantity',
  name: 'contactName',
  email: 'contactEmail',
  language: 'contactLanguage',
};

export function emptyOrderValues(language: string): OrderValues {
  const line = { offerCode: '', quantity: '', name: '', email: '', language };
  return {
    webOrderId: '',
    endCustomerName: '',
    rsd: '',
    distributorId: '',
    lines: Array.from({ length: LINE_ROWS }, () => ({ ...line })),
  };
}

export function orderValuesOf(form: Record<string, unknown>, language: string): OrderValues {
  const value = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).slice(0, 1000) : '');
  const values = emptyOrderValues(language);
  for (const f of ORDER_FIELDS) values[f] = value(f);
  values.lines = values.lines.map((line, i) => {
    const row = { ...line };
    for (const f of LINE_FIELDS) row[f] = value(`lines.${i}.${f}`) || (f === 'language' ? line.language : '');
    return row;
  });
  return values;
}

function isEmptyRow(line: LineValues): boolean {
  return [line.offerCode, line.quantity, line.name, line.email].every((v) => v.trim() === '');
}

/** "3" → 3; a blank is missing (required); anything else goes to zod as typed, to be refused. */
function quantityOf(raw: string): number | string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** The rows that hold something, with the form row each order line came from. */
function filledRows(values: OrderValues): { rows: number[]; input: unknown } {
  const rows = values.lines.flatMap((line, i) => (isEmptyRow(line) ? [] : [i]));
  const input = {
    webOrderId: values.webOrderId,
    endCustomerName: values.endCustomerName,
    rsd: values.rsd.trim(),
    distributorId: values.distributorId || undefined,
    lines: rows.map((i) => {
      const line = values.lines[i]!;
      return {
        offerCode: line.offerCode,
        quantity: quantityOf(line.quantity),
        provisioningContact: { name: line.name, email: line.email.trim(), language: line.language },
      };
    }),
  };
  return { rows, input };
}

export type Parsed = { input: PlaceOrderInput; rows: number[] } | { errors: FieldErrors };

export function parseOrder(values: OrderValues, t: PageContext['t']): Parsed {
  const { rows, input } = filledRows(values);
  const parsed = placeOrderSchema.safeParse(input);
  if (parsed.success) return { input: parsed.data, rows };
  const issues = parsed.error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
    code: i.code,
    maximum: 'maximum' in i ? Number(i.maximum) : undefined,
  }));
  return { errors: fieldErrors(issues, rows, t) };
}

/** The form field an issue path names: `lines.1.provisioningContact.email` → `lines.<row>.email`. */
function fieldOf(path: string, rows: number[]): string {
  const m = /^lines\.(\d+)\.(?:provisioningContact\.)?(\w+)$/.exec(path);
  if (!m) return path === '' ? 'lines' : path.split('.')[0]!;
  return `lines.${rows[Number(m[1])] ?? 0}.${m[2]}`;
}

type Issue = InputIssue & { code?: string; maximum?: number | undefined };

/** One message per field (the first), in the catalogue's words where we know the problem. */
export function fieldErrors(issues: Issue[], rows: number[], t: PageContext['t']): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path, rows);
    if (errors[field]) continue;
    const name = field.split('.').at(-1) as OrderField | LineField;
    const label = LABELS[name] ? fieldLabel(name, t) : t('workspace:newOrder.lines');
    errors[field] = messageOf(issue, name, label, t);
  }
  return errors;
}

/** A field's label in the catalogue; a name the form does not know stays as it is. */
export function fieldLabel(name: string, t: PageContext['t']): string {
  const key = LABELS[name as OrderField | LineField];
  return key ? t(`workspace:newOrder.${key}`) : name;
}

/** The import reports the same problems (and two of its own) in the same words. */
export function messageOf(issue: Issue, name: string, field: string, t: PageContext['t']): string {
  const say = (key: string, more: Record<string, unknown> = {}) =>
    t(`workspace:newOrder.error.${key}`, { field, ...more });
  const m = issue.message;
  if (m === 'is required' || /received undefined$/.test(m)) return say('required');
  if (m === 'must be a valid e-mail address') return say('email');
  if (m === NAME_CHARACTERS_MESSAGE) return say('characters');
  if (m === 'must be a date as YYYY-MM-DD') return say('date');
  if (m === 'an order needs at least one line') return say('atLeastOneLine');
  if (m === 'is not a known distributor') return say('unknownDistributor');
  if (m.startsWith('may hold letters')) return say('webOrderIdCharacters');
  if (m.startsWith('unknown offer')) return say('unknownOffer');
  if (m === 'already exists') return say('alreadyExists');
  if (m === 'appears twice in the file') return say('twiceInFile');
  const retired = /^offer (\S+) is retired$/.exec(m);
  if (retired) return say('retiredOffer', { offerCode: retired[1] });
  const past = /^must not be in the past \(today is (\S+)\)$/.exec(m);
  if (past) return say('past', { today: past[1] });
  if (name === 'quantity')
    return /^too_(small|big)$/.test(issue.code ?? '') || /^Too (small|big)/.test(m)
      ? say('quantityRange')
      : say('wholeNumber');
  if (issue.code === 'too_big' && issue.maximum !== undefined) return say('tooLong', { max: issue.maximum });
  const max = /^must be at most (\d+) characters$/.exec(m);
  if (max) return say('tooLong', { max: max[1] });
  return `${field}: ${m}`;
}
