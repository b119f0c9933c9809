/**
 * CSV cells a spreadsheet would run as formulas (OWASP "CSV injection"): one starting with `=`,
 * `+`, `-`, `@`, a tab or a carriage return. `=HYPERLINK(...)` in an end-customer name would
 * otherwise become a live link, or worse, in the operator's spreadsheet.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number is data even with a sign; quantities may be refused for their value, not as formulas. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

export function isFormulaCell(value: string): boolean {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value);
}

/** What an export writes: a formula cell gets a leading `'`, which spreadsheets show as text. */
export function neutralizeCell(value: string): string {
  return isFormulaCell(value) ? `'${value}` : value;
}

export const FORMULA_CELL_MESSAGE =
  'starts with =, +, -, @, a tab or a carriage return: a spreadsheet would run it as a formula';
