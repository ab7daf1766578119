import type { BlockState } from './blockState';
import { isSpace } from './markdownCharacters';

/** A line's start, where its container's markers end, saved to be put back once the container is read. */
interface SavedLine {
  bMark: number;
  bsCount: number;
  sCount: number;
  tShift: number;
}

function saveLine(state: BlockState, line: number): SavedLine {
  return { bMark: state.bMarks[line], bsCount: state.bsCount[line], sCount: state.sCount[line], tShift: state.tShift[line] };
}

/**
 * `>` quotes: the lines that start with `>`, and lazy lines that continue a paragraph. Each quoted
 * line's start moves past its marker while the quote's content is read.
 */
export function blockquote(state: BlockState, startLine: number, endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4 || state.src.charCodeAt(start) !== 0x3e) return false;
  if (silent) return true;
  const saved: SavedLine[] = [];
  const oldLineMax = state.lineMax;
  const oldParentType = state.parentType;
  state.parentType = 'blockquote';
  let lastLineEmpty = false;
  let nextLine = startLine;
  for (; nextLine < endLine; nextLine++) {
    const isOutdented = state.sCount[nextLine] < state.blkIndent;
    const pos = state.bMarks[nextLine] + state.tShift[nextLine];
    if (pos >= state.eMarks[nextLine]) break;
    if (state.src.charCodeAt(pos) === 0x3e && !isOutdented) {
      saved.push(saveLine(state, nextLine));
      lastLineEmpty = enterQuotedLine(state, nextLine, pos + 1);
      continue;
    }
    if (lastLineEmpty) break;
    if (state.interrupts('blockquote', nextLine, endLine)) {
      // The quote ends here: the line's indentation is read from inside the quote's container.
      state.lineMax = nextLine;
      if (state.blkIndent !== 0) {
        saved.push(saveLine(state, nextLine));
        state.sCount[nextLine] -= state.blkIndent;
      }
      break;
    }
    saved.push(saveLine(state, nextLine));
    // A lazy line: it continues the quote's paragraph, whatever its indentation.
    state.sCount[nextLine] = -1;
  }
  const oldIndent = state.blkIndent;
  state.blkIndent = 0;
  state.push('blockquote_open', 'blockquote', 1);
  state.reader.readBlocks(state, startLine, nextLine);
  state.push('blockquote_close', 'blockquote', -1);
  state.lineMax = oldLineMax;
  state.parentType = oldParentType;
  saved.forEach((line, i) => {
    state.bMarks[startLine + i] = line.bMark;
    state.tShift[startLine + i] = line.tShift;
    state.sCount[startLine + i] = line.sCount;
    state.bsCount[startLine + i] = line.bsCount;
  });
  state.blkIndent = oldIndent;
  return true;
}

/** Moves a quoted line's start past `>` and one optional space (a tab counts to its stop); true when nothing follows. */
function enterQuotedLine(state: BlockState, line: number, afterMarker: number): boolean {
  let pos = afterMarker;
  const max = state.eMarks[line];
  let initial = state.sCount[line] + 1;
  let spaceAfterMarker = false;
  let adjustTab = false;
  if (state.src.charCodeAt(pos) === 0x20) {
    pos++;
    initial++;
    spaceAfterMarker = true;
  } else if (state.src.charCodeAt(pos) === 0x09) {
    spaceAfterMarker = true;
    if ((state.bsCount[line] + initial) % 4 === 3) {
      pos++;
      initial++;
    } else adjustTab = true;
  }
  let offset = initial;
  state.bMarks[line] = pos;
  while (pos < max) {
    const ch = state.src.charCodeAt(pos);
    if (!isSpace(ch)) break;
    offset += ch === 0x09 ? 4 - ((offset + state.bsCount[line] + (adjustTab ? 1 : 0)) % 4) : 1;
    pos++;
  }
  state.bsCount[line] = state.sCount[line] + 1 + (spaceAfterMarker ? 1 : 0);
  state.sCount[line] = offset - initial;
  state.tShift[line] = pos - state.bMarks[line];
  return pos >= max;
}

/** Where a bullet marker (`-`, `+`, `*`) followed by a space or the line's end ends, or -1. */
function skipBulletMarker(state: BlockState, line: number): number {
  const max = state.eMarks[line];
  let pos = state.bMarks[line] + state.tShift[line];
  const marker = state.src.charCodeAt(pos++);
  if (marker !== 0x2a && marker !== 0x2d && marker !== 0x2b) return -1;
  if (pos < max && !isSpace(state.src.charCodeAt(pos))) return -1;
  return pos;
}

/** Where an ordered marker (up to nine digits and `.` or `)`) followed by a space or the line's end ends, or -1. */
function skipOrderedMarker(state: BlockState, line: number): number {
  const start = state.bMarks[line] + state.tShift[line];
  const max = state.eMarks[line];
  let pos = start;
  if (pos + 1 >= max) return -1;
  let ch = state.src.charCodeAt(pos++);
  if (ch < 0x30 || ch > 0x39) return -1;
  for (;;) {
    if (pos >= max) return -1;
    ch = state.src.charCodeAt(pos++);
    if (ch >= 0x30 && ch <= 0x39) {
      if (pos - start >= 10) return -1;
      continue;
    }
    if (ch === 0x29 || ch === 0x2e) break;
    return -1;
  }
  if (pos < max && !isSpace(state.src.charCodeAt(pos))) return -1;
  return pos;
}

/** A bullet or ordered list: items with the same marker character, each item's content read as blocks. */
export function list(state: BlockState, startLine: number, endLine: number, silent: boolean): boolean {
  let nextLine = startLine;
  if (state.sCount[nextLine] - state.blkIndent >= 4) return false;
  // A list marker indented as code past the enclosing item is that item's text, not a new list.
  if (state.listIndent >= 0 && state.sCount[nextLine] - state.listIndent >= 4 && state.sCount[nextLine] < state.blkIndent) return false;
  // Only a list starting at 1 with some text may interrupt a paragraph.
  const interruptsParagraph = silent && state.parentType === 'paragraph' && state.sCount[nextLine] >= state.blkIndent;
  let posAfterMarker = skipOrderedMarker(state, nextLine);
  const isOrdered = posAfterMarker >= 0;
  let markerValue = 1;
  if (isOrdered) {
    markerValue = Number(state.src.slice(state.bMarks[nextLine] + state.tShift[nextLine], posAfterMarker - 1));
    if (interruptsParagraph && markerValue !== 1) return false;
  } else {
    posAfterMarker = skipBulletMarker(state, nextLine);
    if (posAfterMarker < 0) return false;
  }
  if (interruptsParagraph && state.skipSpaces(posAfterMarker) >= state.eMarks[nextLine]) return false;
  if (silent) return true;
  const markerChar = state.src.charCodeAt(posAfterMarker - 1);
  const open = state.push(isOrdered ? 'ordered_list_open' : 'bullet_list_open', isOrdered ? 'ol' : 'ul', 1);
  if (isOrdered && markerValue !== 1) open.attrs.start = String(markerValue);
  const oldParentType = state.parentType;
  state.parentType = 'list';
  while (nextLine < endLine) {
    nextLine = listItem(state, nextLine, endLine, posAfterMarker);
    if (nextLine >= endLine || state.sCount[nextLine] < state.blkIndent || state.sCount[nextLine] - state.blkIndent >= 4) break;
    if (state.interrupts('list', nextLine, endLine)) break;
    posAfterMarker = isOrdered ? skipOrderedMarker(state, nextLine) : skipBulletMarker(state, nextLine);
    if (posAfterMarker < 0 || markerChar !== state.src.charCodeAt(posAfterMarker - 1)) break;
  }
  state.push(isOrdered ? 'ordered_list_close' : 'bullet_list_close', isOrdered ? 'ol' : 'ul', -1);
  state.line = nextLine;
  state.parentType = oldParentType;
  return true;
}

/** One item, its marker ending at `posAfterMarker`: its content indented past the marker. Returns the line after it. */
function listItem(state: BlockState, line: number, endLine: number, posAfterMarker: number): number {
  const max = state.eMarks[line];
  const initial = state.sCount[line] + posAfterMarker - (state.bMarks[line] + state.tShift[line]);
  let offset = initial;
  let pos = posAfterMarker;
  while (pos < max) {
    const ch = state.src.charCodeAt(pos);
    if (ch === 0x09) offset += 4 - ((offset + state.bsCount[line]) % 4);
    else if (ch === 0x20) offset++;
    else break;
    pos++;
  }
  const contentStart = pos;
  // Text indented five columns or more past the marker is indented code, one column in.
  let indentAfterMarker = contentStart >= max ? 1 : offset - initial;
  if (indentAfterMarker > 4) indentAfterMarker = 1;
  state.push('list_item_open', 'li', 1);
  const oldTShift = state.tShift[line];
  const oldSCount = state.sCount[line];
  const oldListIndent = state.listIndent;
  state.listIndent = state.blkIndent;
  state.blkIndent = initial + indentAfterMarker;
  state.tShift[line] = contentStart - state.bMarks[line];
  state.sCount[line] = offset;
  if (contentStart >= max && state.isEmpty(line + 1)) state.line = Math.min(state.line + 2, endLine);
  else state.reader.readBlocks(state, line, endLine);
  state.blkIndent = state.listIndent;
  state.listIndent = oldListIndent;
  state.tShift[line] = oldTShift;
  state.sCount[line] = oldSCount;
  state.push('list_item_close', 'li', -1);
  return state.line;
}
