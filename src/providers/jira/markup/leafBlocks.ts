import type { BlockState } from './blockState';
import { asciiTrim, isSpace } from './markdownCharacters';

const BACKTICK = 0x60;
const TILDE = 0x7e;

/** Whether the line is indented four columns or more past its container: indented code, not a block marker. */
function isCodeIndent(state: BlockState, line: number): boolean {
  return state.sCount[line] - state.blkIndent >= 4;
}

/** Lines indented four columns or more: code, blank lines inside it included. */
export function indentedCode(state: BlockState, startLine: number, endLine: number): boolean {
  if (!isCodeIndent(state, startLine)) return false;
  let nextLine = startLine + 1;
  let last = nextLine;
  while (nextLine < endLine) {
    if (state.isEmpty(nextLine)) nextLine++;
    else if (isCodeIndent(state, nextLine)) last = ++nextLine;
    else break;
  }
  state.line = last;
  state.push('code_block', 'code', 0).content = `${state.getLines(startLine, last, 4 + state.blkIndent, false)}\n`;
  return true;
}

/** ``` or ~~~ with an info string, to a closing fence at least as long, or to the end of the container. */
export function fence(state: BlockState, startLine: number, endLine: number, silent: boolean): boolean {
  let pos = state.bMarks[startLine] + state.tShift[startLine];
  let max = state.eMarks[startLine];
  if (isCodeIndent(state, startLine) || pos + 3 > max) return false;
  const marker = state.src.charCodeAt(pos);
  if (marker !== TILDE && marker !== BACKTICK) return false;
  let mem = pos;
  pos = state.skipChars(pos, marker);
  const length = pos - mem;
  if (length < 3) return false;
  const params = state.src.slice(pos, max);
  if (marker === BACKTICK && params.includes('`')) return false;
  if (silent) return true;
  let nextLine = startLine;
  let closed = false;
  for (;;) {
    nextLine++;
    if (nextLine >= endLine) break;
    pos = mem = state.bMarks[nextLine] + state.tShift[nextLine];
    max = state.eMarks[nextLine];
    if (pos < max && state.sCount[nextLine] < state.blkIndent) break;
    if (state.src.charCodeAt(pos) !== marker || isCodeIndent(state, nextLine)) continue;
    pos = state.skipChars(pos, marker);
    if (pos - mem < length) continue;
    if (state.skipSpaces(pos) < max) continue;
    closed = true;
    break;
  }
  state.line = nextLine + (closed ? 1 : 0);
  const token = state.push('fence', 'code', 0);
  token.info = params;
  token.content = state.getLines(startLine + 1, nextLine, state.sCount[startLine], true);
  return true;
}

/** Three or more `*`, `-` or `_`, spaces between allowed. */
export function thematicBreak(state: BlockState, startLine: number, _endLine: number, silent: boolean): boolean {
  const max = state.eMarks[startLine];
  if (isCodeIndent(state, startLine)) return false;
  let pos = state.bMarks[startLine] + state.tShift[startLine];
  const marker = state.src.charCodeAt(pos++);
  if (marker !== 0x2a && marker !== 0x2d && marker !== 0x5f) return false;
  let count = 1;
  while (pos < max) {
    const ch = state.src.charCodeAt(pos++);
    if (ch !== marker && !isSpace(ch)) return false;
    if (ch === marker) count++;
  }
  if (count < 3) return false;
  if (silent) return true;
  state.line = startLine + 1;
  state.push('hr', 'hr', 0);
  return true;
}

/** `#` to `######` and a space; a closing run of `#` after a space is dropped. */
export function atxHeading(state: BlockState, startLine: number, _endLine: number, silent: boolean): boolean {
  let pos = state.bMarks[startLine] + state.tShift[startLine];
  let max = state.eMarks[startLine];
  if (isCodeIndent(state, startLine)) return false;
  let ch = state.src.charCodeAt(pos);
  if (ch !== 0x23 || pos >= max) return false;
  let level = 1;
  ch = state.src.charCodeAt(++pos);
  while (ch === 0x23 && pos < max && level <= 6) {
    level++;
    ch = state.src.charCodeAt(++pos);
  }
  if (level > 6 || (pos < max && !isSpace(ch))) return false;
  if (silent) return true;
  max = state.skipSpacesBack(max, pos);
  const closing = state.skipCharsBack(max, 0x23, pos);
  if (closing > pos && isSpace(state.src.charCodeAt(closing - 1))) max = closing;
  state.line = startLine + 1;
  pushHeading(state, level, asciiTrim(state.src.slice(pos, max)));
  return true;
}

function pushHeading(state: BlockState, level: number, content: string): void {
  state.push('heading_open', `h${level}`, 1);
  pushInline(state, content);
  state.push('heading_close', `h${level}`, -1);
}

function pushInline(state: BlockState, content: string): void {
  const inline = state.push('inline', '', 0);
  inline.content = content;
  inline.children = [];
}

/** Where the paragraph starting at `startLine` ends, and the setext underline (`=` or `-`) that ends it, if one does. */
function paragraphEnd(state: BlockState, startLine: number, endLine: number, setext: boolean): { nextLine: number; level: number } {
  let nextLine = startLine + 1;
  for (; nextLine < endLine && !state.isEmpty(nextLine); nextLine++) {
    // A line indented as code, or a quote's lazy line, continues the paragraph.
    if (state.sCount[nextLine] - state.blkIndent > 3) continue;
    if (setext && state.sCount[nextLine] >= state.blkIndent) {
      const level = setextLevel(state, nextLine);
      if (level > 0) return { nextLine, level };
    }
    if (state.sCount[nextLine] < 0) continue;
    if (state.interrupts('paragraph', nextLine, endLine)) break;
  }
  return { nextLine, level: 0 };
}

function setextLevel(state: BlockState, line: number): number {
  let pos = state.bMarks[line] + state.tShift[line];
  const max = state.eMarks[line];
  if (pos >= max) return 0;
  const marker = state.src.charCodeAt(pos);
  if (marker !== 0x2d && marker !== 0x3d) return 0;
  pos = state.skipSpaces(state.skipChars(pos, marker));
  if (pos < max) return 0;
  return marker === 0x3d ? 1 : 2;
}

/** A paragraph underlined with `===` (level 1) or `---` (level 2). */
export function setextHeading(state: BlockState, startLine: number, endLine: number): boolean {
  if (isCodeIndent(state, startLine)) return false;
  const oldParentType = state.parentType;
  state.parentType = 'paragraph';
  const { nextLine, level } = paragraphEnd(state, startLine, endLine, true);
  state.parentType = oldParentType;
  if (level === 0) return false;
  state.line = nextLine + 1;
  pushHeading(state, level, asciiTrim(state.getLines(startLine, nextLine, state.blkIndent, false)));
  return true;
}

/** Lines of text to a blank line or a block that interrupts a paragraph. */
export function paragraph(state: BlockState, startLine: number, endLine: number): boolean {
  const oldParentType = state.parentType;
  state.parentType = 'paragraph';
  const { nextLine } = paragraphEnd(state, startLine, endLine, false);
  state.line = nextLine;
  state.push('paragraph_open', 'p', 1);
  pushInline(state, asciiTrim(state.getLines(startLine, nextLine, state.blkIndent, false)));
  state.push('paragraph_close', 'p', -1);
  state.parentType = oldParentType;
  return true;
}

/**
 * What is left of a container nested deeper than the reader follows: its lines, to the first one
 * indented less than the container, as one paragraph, so that none is lost.
 */
export function flatParagraph(state: BlockState, startLine: number, endLine: number): void {
  let nextLine = startLine + 1;
  while (nextLine < endLine && (state.isEmpty(nextLine) || state.sCount[nextLine] < 0 || state.sCount[nextLine] >= state.blkIndent)) nextLine++;
  state.line = nextLine;
  state.push('paragraph_open', 'p', 1);
  pushInline(state, asciiTrim(state.getLines(startLine, nextLine, state.blkIndent, false)));
  state.push('paragraph_close', 'p', -1);
}
