/**
 * Commits as `git log -z --numstat` prints them. With `-z` every path comes out exactly as the tree
 * lists it (never quoted: `café.c`, not `"caf\303\251.c"`), each field ends with NUL, and a rename
 * gives its old and new path as two fields of their own, so no name can be mistaken for structure:
 * not a tab, a quote, a newline or ` => ` in it. The header is written by our own `--format`
 * (starting with RS, fields separated by US).
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

const HEADER = '\u001e';

/**
 * Feeds git's output in, in chunks of any size; hands out each commit once its changes are
 * complete. The fields, in order: a header (then, before the first change, the newline git puts
 * after the format); per file `added TAB deleted TAB path`, or for a rename `added TAB deleted TAB`
 * followed by the old path and the new path as the next two fields.
 */
export class HistoryParser {
  private current: HistoryCommit | undefined;
  /** The counts of a rename whose paths are the next fields, and its old path once read. */
  private rename: { readonly lines: number; from?: string } | undefined;
  private partial = '';
  /** git ends the format with a newline that it puts before the first change of a commit. */
  private afterHeader = false;

  constructor(private readonly onCommit: (commit: HistoryCommit) => void) {}

  write(chunk: string): void {
    const fields = (this.partial + chunk).split('\0');
    this.partial = fields.pop() ?? '';
    for (const field of fields) this.field(field);
  }

  /** Call at the end of the output: the last commit has no header after it. */
  end(): void {
    if (this.partial !== '') this.field(this.partial);
    this.partial = '';
    this.flush();
  }

  private field(raw: string): void {
    const text = this.afterHeader && raw.startsWith('\n') ? raw.slice(1) : raw;
    this.afterHeader = false;
    if (this.rename) {
      if (this.rename.from === undefined) this.rename.from = text;
      else {
        this.current?.changes.push({ path: text, renamedFrom: this.rename.from, lines: this.rename.lines });
        this.rename = undefined;
      }
      return;
    }
    if (text.startsWith(HEADER)) {
      this.flush();
      const [hash = '', time = '0', name = '', email = ''] = text.slice(1).split('\u001f');
      this.current = { hash, time: Number(time), authorName: name, authorEmail: email, changes: [] };
      this.afterHeader = true;
      return;
    }
    if (!this.current) return;
    const stat = parseNumstat(text);
    if (!stat) return;
    if (stat.path === '') this.rename = { lines: stat.lines };
    else this.current.changes.push(stat);
  }

  private flush(): void {
    if (this.current) this.onCommit(this.current);
    this.current = undefined;
    this.rename = undefined;
  }
}

/** `12\t3\tpath`, `-\t-\tpath` for a binary file; the path is empty when a rename's paths follow. */
function parseNumstat(text: string): FileChange | undefined {
  const first = text.indexOf('\t');
  const second = text.indexOf('\t', first + 1);
  if (first < 0 || second < 0) return undefined;
  const added = Number(text.slice(0, first));
  const deleted = Number(text.slice(first + 1, second));
  const lines = (Number.isFinite(added) ? added : 0) + (Number.isFinite(deleted) ? deleted : 0);
  return { path: text.slice(second + 1), lines };
}
