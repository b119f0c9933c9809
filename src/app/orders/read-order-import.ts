/**
 * Reading an order import file: CSV (one row per subscription line; rows with the same webOrderId
 * are one order, its order fields from its first row) or JSON (an array of API request bodies),
 * into candidate orders that remember the file line of each of their lines. Pure: no I/O.
 *
 * A CSV cell a spreadsheet would run as a formula (spreadsheet-cell.ts) is refused, naming its
 * field, rather than stored: it would reach pages, e-mails and the next export as the partner's data.
 */
import { parse } from 'csv-parse/sync';

import { invalidInput } from '../../domain/errors.js';
import { FORMULA_CELL_MESSAGE, isFormulaCell } from '../../domain/spreadsheet-cell.js';

export const CSV_COLUMNS = [
  'webOrderId',
  'endCustomerName',
  'rsd',
  'distributorId',
  'offerCode',
  'quantity',
  'contactName',
  'contactEmail',
  'contactLanguage',
] as const;

export interface RowError {
  /** Line in the file (CSV, header = 1) or item number (JSON, from 1). */
  line: number;
  webOrderId: string | null;
  field: string;
  message: string;
}

/** One order to import, with the file line of each of its lines. */
export interface Candidate {
  webOrderId: string;
  raw: unknown;
  /** lineNumbers[i] is where lines[i] came from; [0] also holds the order fields. */
  lineNumbers: number[];
}

type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

/** Parses the whole file; a file that is not CSV at all (an unclosed quote, ...) is INVALID_INPUT. */
function parseCsv(text: string): { record: CsvRow; info: { lines: number } }[] {
  try {
    return parse(text, { columns: true, skip_empty_lines: true, trim: true, info: true, bom: true }) as {
      record: CsvRow;
      info: { lines: number };
    }[];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw invalidInput(line ? `line ${line}` : 'file', e instanceof Error ? e.message : 'not CSV');
  }
}

export function candidatesFromCsv(text: string): { candidates: Candidate[]; errors: RowError[] } {
  const records = parseCsv(text);
  const missing = records.length > 0 ? CSV_COLUMNS.filter((c) => !(c in records[0]!.record)) : [];
  if (missing.length > 0) throw invalidInput('header', `missing columns: ${missing.join(', ')}`);
  const byOrder = new Map<string, { first: CsvRow; rows: { row: CsvRow; line: number }[] }>();
  const errors: RowError[] = [];
  for (const { record, info } of records) {
    const entry = byOrder.get(record.webOrderId) ?? { first: record, rows: [] };
    byOrder.set(record.webOrderId, entry);
    for (const field of CSV_COLUMNS)
      if (isFormulaCell(record[field]))
        errors.push({
          line: info.lines,
          webOrderId: record.webOrderId,
          field,
          message: FORMULA_CELL_MESSAGE,
        });
    for (const field of ['endCustomerName', 'rsd', 'distributorId'] as const)
      if (record[field] !== entry.first[field])
        errors.push({
          line: info.lines,
          webOrderId: record.webOrderId,
          field,
          message: `differs from the order's first row ("${entry.first[field]}")`,
        });
    entry.rows.push({ row: record, line: info.lines });
  }
  const candidates = [...byOrder.entries()].map(([webOrderId, { first, rows }]) => ({
    webOrderId,
    lineNumbers: rows.map((r) => r.line),
    raw: {
      webOrderId,
      endCustomerName: first.endCustomerName,
      rsd: first.rsd,
      ...(first.distributorId ? { distributorId: first.distributorId } : {}),
      lines: rows.map(({ row }) => ({
        offerCode: row.offerCode,
        // Not Number(''): an empty cell must fail as "required", not pass as 0.
        quantity: /^-?\d+(\.\d+)?$/.test(row.quantity) ? Number(row.quantity) : row.quantity,
        provisioningContact: {
          name: row.contactName,
          email: row.contactEmail,
          ...(row.contactLanguage ? { language: row.contactLanguage } : {}),
        },
      })),
    },
  }));
  return { candidates, errors };
}

export function candidatesFromJson(text: string): Candidate[] {
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch (e) {
    throw invalidInput('file', `not JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(items)) throw invalidInput('file', 'expected an array of orders');
  return items.map((raw: unknown, i) => {
    const lines = (raw as { lines?: unknown[] } | null)?.lines;
    return {
      webOrderId: String((raw as { webOrderId?: unknown } | null)?.webOrderId ?? ''),
      raw,
      lineNumbers: Array.isArray(lines) && lines.length > 0 ? lines.map(() => i + 1) : [i + 1],
    };
  });
}

/** Maps an issue path (`lines.2.provisioningContact.email`) to the file line it came from. */
export function lineOf(candidate: Candidate, path: PropertyKey[]): number {
  return path[0] === 'lines' && typeof path[1] === 'number'
    ? (candidate.lineNumbers[path[1]] ?? candidate.lineNumbers[0]!)
    : candidate.lineNumbers[0]!;
}
