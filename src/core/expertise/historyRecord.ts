/**
 * One commit of `git log --numstat`, read line by line as git prints it. The header line is
 * written by our own `--format` (fields separated by US, starting with RS), so no author name or
 * path can be mistaken for structure.
 */
export const LOG_FORMAT = '%x1e%H%x1f%at%x1f%aN%x1f%aE';

export interface FileChange {
  /** The path after the commit. */
  readonly path: string;
  /** The path before, when git saw a rename. */
  readonly renamedFrom?: string;
  /** Lines added plus deleted; 0 for binary files. */
  readonly lines: number;
}

export interface HistoryCommit {
  readonly hash: string;
  /** Seconds since the epoch, author time. */
  readonly time: number;
  readonly authorName: string;
  /** After .mailmap, as git applies it for `%aN`/`%aE`. */
  readonly authorEmail: string;
  readonly changes: FileChange[];
}

/** Feeds lines in; hands out each commit once its numstat lines are complete. */
export class HistoryParser {
  private current: HistoryCommit | undefined;

  constructor(private readonly onCommit: (commit: HistoryCommit) => void) {}

  line(text: string): void {
    if (text.startsWith('\u001e')) {
      this.flush();
      const [hash = '', time = '0', name = '', email = ''] = text.slice(1).split('\u001f');
      this.current = { hash, time: Number(time), authorName: name, authorEmail: email, changes: [] };
      return;
    }
    if (!this.current || text === '') return;
    const change = parseNumstat(text);
    if (change) this.current.changes.push(change);
  }

  /** Call at the end of the stream: the last commit has no header after it. */
  end(): void {
    this.flush();
  }

  private flush(): void {
    if (this.current) this.onCommit(this.current);
    this.current = undefined;
  }
}

/** `12\t3\tpath`, `-\t-\tbinary`, and renames as `a => b` or `dir/{a => b}/file`. */
export function parseNumstat(text: string): FileChange | undefined {
  const first = text.indexOf('\t');
  const second = text.indexOf('\t', first + 1);
  if (first < 0 || second < 0) return undefined;
  const added = Number(text.slice(0, first));
  const deleted = Number(text.slice(first + 1, second));
  const lines = (Number.isFinite(added) ? added : 0) + (Number.isFinite(deleted) ? deleted : 0);
  const path = text.slice(second + 1);
  const rename = renamePaths(path);
  return rename ? { path: rename.to, renamedFrom: rename.from, lines } : { path, lines };
}

function renamePaths(path: string): { from: string; to: string } | undefined {
  const braced = /^(.*)\{(.*) => (.*)\}(.*)$/.exec(path);
  if (braced) {
    const [, prefix = '', from = '', to = '', suffix = ''] = braced;
    const join = (middle: string): string => `${prefix}${middle}${suffix}`.replace(/\/\//g, '/');
    return { from: join(from), to: join(to) };
  }
  const plain = / => /.exec(path);
  if (!plain) return undefined;
  return { from: path.slice(0, plain.index), to: path.slice(plain.index + 4) };
}
