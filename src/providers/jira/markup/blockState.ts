import { isSpace } from './markdownCharacters';
import { markdownToken, type MarkdownToken } from './markdownToken';

/** Reads one kind of block at `startLine`; with `silent`, only says whether it would. */
export type BlockRule = (state: BlockState, startLine: number, endLine: number, silent: boolean) => boolean;

/** The blocks that end a paragraph, a quote's lazy line or a list when they start a line. */
export type Interrupted = 'paragraph' | 'blockquote' | 'list';

/** What the block rules call back into: reading the blocks inside a container, and which rules interrupt what. */
export interface BlockReader {
  readBlocks(state: BlockState, startLine: number, endLine: number): void;
  readonly interrupters: Record<Interrupted, readonly BlockRule[]>;
}

/**
 * The lines of a document as the block rules read them, after CommonMark's (and markdown-it's)
 * model: for each line where its content starts (`bMarks` + `tShift`), where it ends, and its
 * indentation in columns (`sCount`, -1 for a quote's lazy line). Containers move a line's start past
 * their markers while their content is read, and put it back after.
 */
export class BlockState {
  readonly bMarks: number[] = [];
  readonly eMarks: number[] = [];
  readonly tShift: number[] = [];
  readonly sCount: number[] = [];
  /** Columns a container's marker took before the line's start, for tabs that straddle it. */
  readonly bsCount: number[] = [];
  readonly tokens: MarkdownToken[] = [];
  /** The line a quote's content ends before, while it is read. */
  lineMax: number;
  blkIndent = 0;
  line = 0;
  listIndent = -1;
  parentType: 'root' | 'paragraph' | 'blockquote' | 'list' | 'table' = 'root';
  /** How many blocks are open around the next token. */
  level = 0;

  constructor(
    readonly src: string,
    readonly reader: BlockReader,
  ) {
    let start = 0;
    let indent = 0;
    let offset = 0;
    let indentFound = false;
    for (let pos = 0; pos < src.length; pos++) {
      const ch = src.charCodeAt(pos);
      if (!indentFound) {
        if (isSpace(ch)) {
          indent++;
          offset += ch === 0x09 ? 4 - (offset % 4) : 1;
          continue;
        }
        indentFound = true;
      }
      if (ch === 0x0a || pos === src.length - 1) {
        const end = ch === 0x0a ? pos : pos + 1;
        this.addLine(start, end, indent, offset);
        indentFound = false;
        indent = 0;
        offset = 0;
        start = end + 1;
      }
    }
    this.addLine(src.length, src.length, 0, 0);
    this.lineMax = this.bMarks.length - 1;
  }

  private addLine(start: number, end: number, indent: number, offset: number): void {
    this.bMarks.push(start);
    this.eMarks.push(end);
    this.tShift.push(indent);
    this.sCount.push(offset);
    this.bsCount.push(0);
  }

  push(type: string, tag: string, nesting: -1 | 0 | 1): MarkdownToken {
    const token = markdownToken(type, tag, nesting);
    this.level += nesting;
    this.tokens.push(token);
    return token;
  }

  /** Whether any rule that interrupts `what` starts at `line`. */
  interrupts(what: Interrupted, line: number, endLine: number): boolean {
    return this.reader.interrupters[what].some((rule) => rule(this, line, endLine, true));
  }

  isEmpty(line: number): boolean {
    return this.bMarks[line] + this.tShift[line] >= this.eMarks[line];
  }

  skipEmptyLines(from: number): number {
    while (from < this.lineMax && this.isEmpty(from)) from++;
    return from;
  }

  skipSpaces(pos: number): number {
    while (pos < this.src.length && isSpace(this.src.charCodeAt(pos))) pos++;
    return pos;
  }

  skipSpacesBack(pos: number, min: number): number {
    while (pos > min && isSpace(this.src.charCodeAt(pos - 1))) pos--;
    return pos;
  }

  skipChars(pos: number, code: number): number {
    while (pos < this.src.length && this.src.charCodeAt(pos) === code) pos++;
    return pos;
  }

  skipCharsBack(pos: number, code: number, min: number): number {
    while (pos > min && this.src.charCodeAt(pos - 1) === code) pos--;
    return pos;
  }

  /** The text of lines `begin` to `end`, less `indent` columns of each, tabs counted to their stops. */
  getLines(begin: number, end: number, indent: number, keepLastLF: boolean): string {
    const parts: string[] = [];
    for (let line = begin; line < end; line++) {
      const lineStart = this.bMarks[line];
      const last = line + 1 < end || keepLastLF ? this.eMarks[line] + 1 : this.eMarks[line];
      let first = lineStart;
      let lineIndent = 0;
      while (first < last && lineIndent < indent) {
        const ch = this.src.charCodeAt(first);
        if (isSpace(ch)) lineIndent += ch === 0x09 ? 4 - ((lineIndent + this.bsCount[line]) % 4) : 1;
        else if (first - lineStart < this.tShift[line]) lineIndent++;
        else break;
        first++;
      }
      parts.push((lineIndent > indent ? ' '.repeat(lineIndent - indent) : '') + this.src.slice(first, last));
    }
    return parts.join('');
  }
}
