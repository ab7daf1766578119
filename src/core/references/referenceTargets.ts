/**
 * Which references in a ticket's text can become links: those that resolved to exactly one file.
 * A reference is named by its key (its path as written, normalised, and its line), which the
 * ticket panel's page computes the same way from the text it shows.
 */
import type { ResolvedFile } from './fileResolution';
import type { CodeReference } from './ticketReferences';

export interface ReferenceTarget {
  readonly key: string;
  /** Repository-relative, as `git ls-files` lists it. */
  readonly path: string;
  /** 1-based, when the text gives one. */
  readonly line?: number;
}

export function referenceKey(reference: Pick<CodeReference, 'path' | 'line'>): string {
  return reference.line === undefined ? reference.path : `${reference.path}:${reference.line}`;
}

/** A reference that matched several files (or none) is left as text: a link must not guess. */
export function referenceTargets(resolved: readonly ResolvedFile[]): ReferenceTarget[] {
  const files = new Map<string, { paths: Set<string>; line?: number }>();
  for (const file of resolved) {
    for (const reference of file.references) {
      const key = referenceKey(reference);
      const entry = files.get(key) ?? { paths: new Set<string>(), line: reference.line };
      entry.paths.add(file.path);
      files.set(key, entry);
    }
  }
  const targets: ReferenceTarget[] = [];
  for (const [key, { paths, line }] of files) {
    const [only, ...others] = paths;
    if (only !== undefined && others.length === 0) targets.push({ key, path: only, line });
  }
  return targets;
}
