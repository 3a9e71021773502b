// Quiet hours: a daily window in the user's time zone ("22:00"–"07:00" wraps past midnight) during
// which non-urgent messages wait. The end of the window is found on the user's wall clock, so a
// daylight-saving change in between moves the instant, not the local time.

export interface QuietHours {
  start: string; // HH:MM
  end: string; // HH:MM
  timeZone: string;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

interface WallClock {
  year: number;
  month: number;
  day: number;
  minutes: number;
}

function wallClock(at: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    minutes: get('hour') * 60 + get('minute'),
  };
}

/** The zone's offset from UTC at `at`, in milliseconds. */
function offsetAt(at: Date, timeZone: string): number {
  const w = wallClock(at, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, 0, w.minutes);
  return asUtc - Math.floor(at.getTime() / 60_000) * 60_000;
}

/** The instant the zone's wall clock shows `minutes` past midnight on the given local day. */
function instantOf(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, 0, minutes);
  const first = guess - offsetAt(new Date(guess), timeZone);
  // the offset at the answer may differ from the guess's across a change; one more step settles it
  return new Date(guess - offsetAt(new Date(first), timeZone));
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * When a non-urgent message may go out: `now` if it is outside the window, else the window's end
 * on the user's wall clock.
 */
export function quietUntil(now: Date, quiet: QuietHours | null): Date {
  if (!quiet) return now;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return now;
  const w = wallClock(now, quiet.timeZone);
  const wraps = start > end;
  const inside = wraps ? w.minutes >= start || w.minutes < end : w.minutes >= start && w.minutes < end;
  if (!inside) return now;
  // the window ends today, unless it began today and wraps past midnight: then tomorrow
  const tomorrow = wraps && w.minutes >= start;
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day + (tomorrow ? 1 : 0)));
  return instantOf(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), end, quiet.timeZone);
}
