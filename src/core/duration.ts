const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A compact, human duration with at most two units: `45s` is shown as `<1m`, then `12m`, `1h 5m`,
 * `3h`, `2d 4h`. Negative durations are formatted by magnitude; the caller says which way.
 */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return '<1m';
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)}m`;
  if (abs < DAY) return twoUnits(Math.floor(abs / HOUR), 'h', Math.floor((abs % HOUR) / MINUTE), 'm');
  return twoUnits(Math.floor(abs / DAY), 'd', Math.floor((abs % DAY) / HOUR), 'h');
}

function twoUnits(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major}${majorUnit}` : `${major}${majorUnit} ${minor}${minorUnit}`;
}
