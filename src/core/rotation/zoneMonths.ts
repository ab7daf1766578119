/**
 * Calendar months as the person reading the dashboard counts them: a ticket opened at 23:30 on
 * 31 March in Berlin belongs to March there, whatever UTC says. The zone is a function of the
 * instant because daylight saving time moves the offset within a year.
 */

/** Minutes east of UTC at `at` in the reader's zone. */
export type ZoneOffset = (at: Date) => number;

/** The offset of the zone this process runs in (the extension host's: the user's). */
export const localZoneOffset: ZoneOffset = (at) => -at.getTimezoneOffset();

/** Months since year 0 of the month `at` falls in, in the zone: consecutive months are consecutive numbers. */
export function monthNumber(at: Date, offset: ZoneOffset): number {
  return monthOfDay(Math.floor((at.getTime() + offset(at) * 60_000) / DAY_MS));
}

const DAY_MS = 86_400_000;

/**
 * The month number of a day since 1970-01-01, by integer arithmetic (Hinnant's `civil_from_days`):
 * building a Date per ticket and reading its fields costs more than the rest of the dashboard's sums.
 */
function monthOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 2 : shiftedMonth - 10;
  const year = yearOfEra + era * 400 + (month < 2 ? 1 : 0);
  return year * 12 + month;
}

/**
 * The same offsets, asked once per quarter hour: zones change their offset only on quarter hours,
 * and asking the platform's zone data for every ticket dominates the aggregation.
 */
export function cachedZoneOffset(offset: ZoneOffset): ZoneOffset {
  const known = new Map<number, number>();
  return (at) => {
    const quarter = Math.floor(at.getTime() / 900_000);
    let minutes = known.get(quarter);
    if (minutes === undefined) {
      minutes = offset(new Date(quarter * 900_000));
      known.set(quarter, minutes);
    }
    return minutes;
  };
}

/** `2026-03` for a month number. */
export function monthLabel(month: number): string {
  const year = Math.floor(month / 12);
  return `${String(year).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** The first instant of a month number in the zone; used to read history from the window's start. */
export function monthStart(month: number, offset: ZoneOffset): Date {
  const wallClock = Date.UTC(Math.floor(month / 12), month % 12, 1);
  // The offset at the wall-clock midnight read as UTC is off by at most the offset itself; asking again at the corrected instant settles DST.
  const guess = new Date(wallClock - offset(new Date(wallClock)) * 60_000);
  return new Date(wallClock - offset(guess) * 60_000);
}
