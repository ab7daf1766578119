/** A named IANA zone's offset, read from the platform's time zone data, for tests that count months across zones and DST. */
import type { ZoneOffset } from '../../src/core/rotation/zoneMonths';

export function zoneOffset(timeZone: string): ZoneOffset {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  return (at) => {
    const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, Number(p.value)]));
    const wallClock = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day, parts.hour, parts.minute);
    return Math.round((wallClock - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
  };
}
