/**
 * Which repository files the references name: the exact path, else the longest matching path
 * suffix (a container's `/srv/acme/services/x.rb` is the repository's `services/x.rb`), else a
 * bare file name when only one file has it. An index built once makes each lookup cheap.
 */
import type { CodeReference } from './ticketReferences';

export interface ResolvedFile {
  readonly path: string;
  readonly confidence: number;
  readonly line?: number;
  readonly references: readonly CodeReference[];
}

export interface FileIndex {
  readonly files: ReadonlySet<string>;
  readonly byName: ReadonlyMap<string, readonly string[]>;
}

export function indexFiles(files: readonly string[]): FileIndex {
  const byName = new Map<string, string[]>();
  for (const file of files) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    const list = byName.get(name);
    if (list) list.push(file);
    else byName.set(name, [file]);
  }
  return { files: new Set(files), byName };
}

export function resolveReferences(references: readonly CodeReference[], index: FileIndex): ResolvedFile[] {
  const resolved = new Map<string, { confidence: number; line?: number; references: CodeReference[] }>();
  for (const reference of references) {
    const candidates = candidatesFor(reference.path, index);
    for (const candidate of candidates) {
      const confidence = reference.confidence * candidate.certainty;
      const entry = resolved.get(candidate.path) ?? { confidence: 0, references: [] };
      entry.references.push(reference);
      // Independent pointers to one file make it surer: 1 - Π(1 - c).
      entry.confidence = 1 - (1 - entry.confidence) * (1 - confidence);
      entry.line ??= reference.line;
      resolved.set(candidate.path, entry);
    }
  }
  return [...resolved.entries()]
    .map(([path, e]) => ({ path, confidence: Math.round(e.confidence * 1000) / 1000, line: e.line, references: e.references }))
    .sort((a, b) => b.confidence - a.confidence || a.path.localeCompare(b.path));
}

function candidatesFor(path: string, index: FileIndex): { path: string; certainty: number }[] {
  const clean = path.replace(/^\/+/, '');
  if (index.files.has(clean)) return [{ path: clean, certainty: 1 }];
  const name = clean.slice(clean.lastIndexOf('/') + 1);
  const sameName = index.byName.get(name) ?? [];
  if (sameName.length === 0) return [];
  const parts = clean.split('/');
  let best = 0;
  const scored = sameName.map((file) => {
    const shared = sharedSuffix(parts, file.split('/'));
    best = Math.max(best, shared);
    return { file, shared };
  });
  const tied = scored.filter((s) => s.shared === best);
  // A candidate matched to its first folder beats one with folders the reference does not have.
  const whole = tied.filter((s) => s.shared === s.file.split('/').length);
  const winners = whole.length > 0 ? whole : tied;
  // A bare name (one shared part) is only trusted when unique; ambiguity lowers certainty.
  if (best <= 1 && winners.length > 1) return [];
  const certainty = (best > 1 ? 0.9 : 0.6) / winners.length;
  return winners.map((w) => ({ path: w.file, certainty }));
}

function sharedSuffix(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
