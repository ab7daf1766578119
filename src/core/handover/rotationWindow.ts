/**
 * Which stretch of the journal a rotation handover covers. A days count set once fits every rotation
 * of a team with a fixed length; without one, the rotation began at my first claim after my last
 * handover, so a journal that spans several rotations still hands over only the latest.
 */
import type { JournalEntry } from '../journal/journal';

export interface RotationWindowInput {
  readonly entries: readonly JournalEntry[];
  /** `supportRotation.handover.rotationDays`; 0 when not set. */
  readonly days: number;
  /** When I last handed over, if ever. */
  readonly lastHandover: Date | undefined;
  readonly now: Date;
}

/** When the rotation began; undefined when the journal holds nothing since the last handover. */
export function rotationStart(input: RotationWindowInput): Date | undefined {
  if (input.days > 0) return new Date(input.now.getTime() - input.days * 86_400_000);
  const after = input.lastHandover?.getTime() ?? Number.NEGATIVE_INFINITY;
  const since = input.entries.filter((e) => Date.parse(e.at) > after);
  const first = since.find((e) => e.action === 'claimed') ?? since[0];
  return first ? new Date(first.at) : undefined;
}
