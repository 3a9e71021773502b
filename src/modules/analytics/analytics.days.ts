// Calendar days of a store's time zone, and the date ranges reports accept.
import { BadRequest } from '../../platform/http/errors.ts';

const DAY_MS = 86_400_000;

/** The longest range one report answers: a year, leap day included. */
export const MAX_RANGE_DAYS = 366;

const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of `at` in `timeZone`. */
export function dayIn(at: Date, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format.format(at);
}

const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The hour (0–23) of the store's clock at `at` in `timeZone`. */
export function hourIn(at: Date, timeZone: string): number {
  let format = hourFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
    hourFormats.set(timeZone, format);
  }
  return Number(format.format(at));
}

/** The day `n` days after `day` (YYYY-MM-DD, negative `n` for before). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Every day from `from` to `to`, both included (a year's 366 in a few microseconds each). */
export function eachDay(from: string, to: string): string[] {
  const n = Math.max(daysBetween(from, to), 0);
  const days = new Array<string>(n);
  const at = new Date(`${from}T00:00:00Z`);
  for (let i = 0; i < n; i++) {
    days[i] = isoDay(at);
    at.setUTCDate(at.getUTCDate() + 1);
  }
  return days;
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** `YYYY-MM-DD` of a UTC date of a four-digit year, without formatting the whole timestamp. */
function isoDay(at: Date): string {
  return `${at.getUTCFullYear()}-${two(at.getUTCMonth() + 1)}-${two(at.getUTCDate())}`;
}

function parseDay(text: string, field: 'from' | 'to'): string {
  const at = new Date(`${text}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(text) ||
    Number.isNaN(at.getTime()) ||
    at.toISOString().slice(0, 10) !== text
  )
    throw new BadRequest(`${field} is not a date.`, [
      { pointer: `/${field}`, in: 'query', detail: 'A date as YYYY-MM-DD.' },
    ]);
  return text;
}

export interface DayRange {
  from: string;
  to: string;
}

/** A report's range: real dates, `from` no later than `to`, at most a year (400 otherwise). */
export function reportRange(query: { from: string; to: string }, maxDays = MAX_RANGE_DAYS): DayRange {
  const from = parseDay(query.from, 'from');
  const to = parseDay(query.to, 'to');
  if (from > to)
    throw new BadRequest(
      'from is after to.',
      [{ pointer: '/from', in: 'query', detail: 'No later than to.' }],
      'range-reversed',
    );
  if (daysBetween(from, to) > maxDays)
    throw new BadRequest(
      `A report covers at most ${maxDays} days; ask for a longer span a year at a time.`,
      [{ pointer: '/to', in: 'query', detail: `At most ${maxDays} days after from.` }],
      'range-too-long',
    );
  return { from, to };
}

/** The first day of `day`'s month. */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The last day of `day`'s month. */
export function monthEnd(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * A range as the monthly rollups answer it: the whole calendar months inside it (by their first
 * days, or null when none is whole), and the days outside those months (none, one or two spans).
 */
export function splitByMonth(range: DayRange): { months: DayRange | null; days: DayRange[] } {
  const first = range.from === monthStart(range.from) ? range.from : addDays(monthEnd(range.from), 1);
  const last = range.to === monthEnd(range.to) ? range.to : addDays(monthStart(range.to), -1);
  if (first > last) return { months: null, days: [range] };
  const days: DayRange[] = [];
  if (range.from < first) days.push({ from: range.from, to: addDays(first, -1) });
  if (last < range.to) days.push({ from: addDays(last, 1), to: range.to });
  return { months: { from: first, to: monthStart(last) }, days };
}
