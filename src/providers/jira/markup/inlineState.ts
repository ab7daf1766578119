import { isPunctuation, isWhiteSpace } from './markdownCharacters';
import { markdownToken, type MarkdownToken } from './markdownToken';

/** Reads one kind of inline syntax at `state.pos`; with `silent`, only moves past it. */
export type InlineRule = (state: InlineState, silent: boolean) => boolean;

/** A run of `*`, `_` or `~~` that may open or close emphasis, waiting to be paired. */
export interface Delimiter {
  marker: number;
  /** The whole run's length, which CommonMark's "rule of three" reads. */
  length: number;
  /** Index of the run's text token. */
  token: number;
  /** Index of the closing delimiter once paired, else -1. */
  end: number;
  open: boolean;
  close: boolean;
}

/** What the inline rules call back into: reading a link's text, and skipping one piece while scanning a label. */
export interface InlineReader {
  readInline(state: InlineState): void;
  skipToken(state: InlineState): void;
}

/**
 * A paragraph's (or heading's, or cell's) text being read. Text that no rule claims collects in
 * `pending` and becomes one text token before the next token. Each link opens a new list of
 * delimiters, so that emphasis pairs only within it.
 */
export class InlineState {
  pos = 0;
  posMax: number;
  /** How many links are open around the next token, and how deep a scan of nested labels has gone. */
  level = 0;
  pending = '';
  /** Where the piece starting at a position ends, found while scanning a link's text: each is scanned once. */
  readonly skipped = new Map<number, number>();
  /** For each length of backtick run, where the last one starts: a code span's opener with no closer after it fails at once. */
  lastBacktickRuns: Map<number, number> | undefined;
  delimiters: Delimiter[] = [];
  /** The delimiters of each link read, paired apart from the text around it. */
  readonly linkDelimiters: Delimiter[][] = [];
  private readonly outerDelimiters: Delimiter[][] = [];

  constructor(
    readonly src: string,
    readonly reader: InlineReader,
    readonly tokens: MarkdownToken[],
  ) {
    this.posMax = src.length;
  }

  pushPending(): void {
    const token = markdownToken('text', '', 0);
    token.content = this.pending;
    this.tokens.push(token);
    this.pending = '';
  }

  push(type: string, tag: string, nesting: -1 | 0 | 1): MarkdownToken {
    if (this.pending) this.pushPending();
    const token = markdownToken(type, tag, nesting);
    if (nesting < 0) {
      this.level--;
      this.delimiters = this.outerDelimiters.pop() ?? [];
    }
    if (nesting > 0) {
      this.level++;
      this.outerDelimiters.push(this.delimiters);
      this.delimiters = [];
      this.linkDelimiters.push(this.delimiters);
    }
    this.tokens.push(token);
    return token;
  }

  /**
   * The run of `src[start]` starting there: how long it is and, by CommonMark's flanking rules, whether
   * it can open or close emphasis. `_` inside a word (`canSplitWord` false) does neither.
   */
  scanDelimiters(start: number, canSplitWord: boolean): { canOpen: boolean; canClose: boolean; length: number } {
    const marker = this.src.charCodeAt(start);
    const lastChar = start === 0 ? 0x20 : codePointBefore(this.src, start);
    let pos = start;
    while (pos < this.posMax && this.src.charCodeAt(pos) === marker) pos++;
    const nextChar = pos < this.posMax ? codePointAt(this.src, pos) : 0x20;
    const lastPunct = isPunctuation(lastChar);
    const nextPunct = isPunctuation(nextChar);
    const lastSpace = isWhiteSpace(lastChar);
    const nextSpace = isWhiteSpace(nextChar);
    const leftFlanking = !nextSpace && (!nextPunct || lastSpace || lastPunct);
    const rightFlanking = !lastSpace && (!lastPunct || nextSpace || nextPunct);
    return {
      canOpen: leftFlanking && (canSplitWord || !rightFlanking || lastPunct),
      canClose: rightFlanking && (canSplitWord || !leftFlanking || nextPunct),
      length: pos - start,
    };
  }
}

const REPLACEMENT = 0xfffd;

/** The code point ending just before `pos`; a lone surrogate reads as U+FFFD. */
function codePointBefore(src: string, pos: number): number {
  const low = src.charCodeAt(pos - 1);
  if ((low & 0xfc00) === 0xdc00) {
    const high = pos >= 2 ? src.charCodeAt(pos - 2) : 0;
    return (high & 0xfc00) === 0xd800 ? 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00) : REPLACEMENT;
  }
  return (low & 0xfc00) === 0xd800 ? REPLACEMENT : low;
}

/** The code point starting at `pos`; a lone surrogate reads as U+FFFD. */
function codePointAt(src: string, pos: number): number {
  const high = src.charCodeAt(pos);
  if ((high & 0xfc00) === 0xd800) {
    const low = src.charCodeAt(pos + 1);
    return (low & 0xfc00) === 0xdc00 ? 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00) : REPLACEMENT;
  }
  return (high & 0xfc00) === 0xdc00 ? REPLACEMENT : high;
}
