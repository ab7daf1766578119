/**
 * Times as a person reads them: "3 hours ago", in the display language, with the exact date and
 * time on hover. The ages are refreshed with the panel's clock.
 */
import { el } from './dom';
import { displayLanguage } from './locale';

const UNITS: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** The largest whole unit that fits ("90 minutes" is "1 hour ago"); under a minute, "now". */
export function relativeAge(then: Date, now: Date, language: string | undefined): string {
  const elapsed = then.getTime() - now.getTime();
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(elapsed) >= ms) return format.format(Math.trunc(elapsed / ms), unit);
  }
  return format.format(0, 'second');
}

export function exactTime(then: Date, language: string | undefined): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' }).format(then);
}

/** A `<time>` showing the age, its title the exact time. */
export function ageElement(iso: string, now: Date): HTMLElement {
  const then = new Date(iso);
  const language = displayLanguage();
  return el('time', { className: 'age', text: relativeAge(then, now, language), attributes: { datetime: iso, title: exactTime(then, language) } });
}

export function refreshAges(root: ParentNode, now: Date): void {
  for (const time of root.querySelectorAll<HTMLTimeElement>('time.age')) {
    time.textContent = relativeAge(new Date(time.dateTime), now, displayLanguage());
  }
}
