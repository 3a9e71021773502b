/**
 * Spreadsheets run a cell that starts with one of these as a formula. Exports prefix such cells
 * with `'` (OWASP's CSV injection advice); a cell already made of quotes and such a character gets
 * one more quote, so an import can take exactly one off and every value round-trips.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
